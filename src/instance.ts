import type { TenantDefinition } from "./config/definition";

/**
 * A second deployment of the same definition in the same tenant (e.g. `test` beside `prod`). Management-group
 * ids and subscription aliases are tenant-wide and resource names are per subscription, so an instance gets its
 * own: every management group id and the short name (the prefix of every resource name) carry the instance
 * name, and every subscription is swapped for the instance's own (a subscription sits under one group only).
 */
export interface InstanceSettings {
  /** Lower-case letters and digits, at most 8: `test`, `pre`. */
  name: string;
  /** Definition subscription id → the instance's subscription id, for every subscription the definition names. */
  subscriptions: Record<string, string>;
}

export const INSTANCE_NAME = /^[a-z][a-z0-9]{0,7}$/;

/**
 * `tenant:instanceSubscriptions` is a list of `"<definition id>=<instance id>"` (Pulumi's project config has no
 * map type). Throws on an entry without exactly one `=`.
 */
export function parseInstanceSubscriptions(entries: readonly unknown[] | undefined): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const entry of entries ?? []) {
    const parts = String(entry).split("=");
    if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) {
      throw new Error(
        `tenant:instanceSubscriptions entry '${String(entry)}' must read '<definition subscription id>=<instance subscription id>'.`,
      );
    }
    mapping[parts[0].trim().toLowerCase()] = parts[1].trim().toLowerCase();
  }
  return mapping;
}

/** `cde-corp` → `cde-corp-test`. */
export function instanceGroupId(id: string, instance: string): string {
  return `${id}-${instance}`;
}

/** Every subscription id the definition names (lower case, sorted). */
export function definitionSubscriptionIds(definition: TenantDefinition): string[] {
  const lz = definition.tenant.landingZone;
  const ids = [
    ...Object.values(lz.platformSubscriptions),
    ...Object.values(lz.departmentSubscriptions.shared).map((s) => s.subscriptionId),
    ...definition.departments.map((d) => d.network.subscriptionId),
  ].filter((id): id is string => typeof id === "string");
  return [...new Set(ids.map((id) => id.toLowerCase()))].sort();
}

/** Definition subscription id → the instance's, lower case. */
function subscriptionMapping(instance: InstanceSettings): Map<string, string> {
  return new Map(
    Object.entries(instance.subscriptions).map(([from, to]) => [from.toLowerCase(), to.toLowerCase()]),
  );
}

/**
 * Why the instance cannot deploy this definition, or undefined when it can: a bad name, a subscription without
 * an instance counterpart, a counterpart that is the definition's own (the two stacks would fight over its
 * group), or two subscriptions merged into one. Builds nothing, so a plan can check both sides before rendering.
 */
export function instanceProblem(
  definition: TenantDefinition,
  instance: InstanceSettings,
): string | undefined {
  if (!INSTANCE_NAME.test(instance.name)) {
    return `tenant:instance '${instance.name}' must be 1 to 8 lower-case letters or digits, starting with a letter — e.g. 'test'.`;
  }
  const mapping = subscriptionMapping(instance);
  const needed = definitionSubscriptionIds(definition);
  const missing = needed.filter((id) => !mapping.has(id));
  const reused = needed.filter((id) => needed.includes(mapping.get(id) ?? ""));
  const firstMappedTo = new Map<string, string>();
  const merged: string[] = [];
  for (const id of needed) {
    const target = mapping.get(id);
    if (target === undefined) continue;
    const earlier = firstMappedTo.get(target);
    if (earlier === undefined) firstMappedTo.set(target, id);
    else merged.push(`${id} maps to ${target}, which ${earlier} maps to as well`);
  }
  if (missing.length === 0 && reused.length === 0 && merged.length === 0) return undefined;
  const problems = [
    ...missing.map((id) => `${id} has no counterpart`),
    ...reused.map((id) => `${id} maps to ${mapping.get(id)}, a subscription of the definition itself`),
    ...merged,
  ];
  return `Instance '${instance.name}' needs its own subscriptions: ${problems.join("; ")} — list in tenant:instanceSubscriptions of the stack file one "<definition id>=<${instance.name} id>" per subscription.`;
}

/** The definition as the instance deploys it. Throws what `instanceProblem` says when it cannot. */
export function applyInstance(definition: TenantDefinition, instance: InstanceSettings): TenantDefinition {
  const problem = instanceProblem(definition, instance);
  if (problem) throw new Error(problem);
  const mapping = subscriptionMapping(instance);
  const sub = (id: string) => mapping.get(id.toLowerCase()) as string;
  const lz = definition.tenant.landingZone;
  const platformSubscriptions = Object.fromEntries(
    Object.entries(lz.platformSubscriptions).map(([role, id]) => [role, id === undefined ? id : sub(id)]),
  ) as typeof lz.platformSubscriptions;
  return {
    ...definition,
    tenant: {
      ...definition.tenant,
      organization: {
        ...definition.tenant.organization,
        shortName: `${definition.tenant.organization.shortName}-${instance.name}`,
      },
      landingZone: {
        ...lz,
        managementGroups: lz.managementGroups.map((g) => ({
          ...g,
          id: instanceGroupId(g.id, instance.name),
          displayName: `${g.displayName} (${instance.name})`,
          parent: g.parent === undefined ? undefined : instanceGroupId(g.parent, instance.name),
        })),
        platformSubscriptions,
        departmentSubscriptions: {
          ...lz.departmentSubscriptions,
          shared: Object.fromEntries(
            Object.entries(lz.departmentSubscriptions.shared).map(([name, s]) => [
              name,
              { ...s, subscriptionId: sub(s.subscriptionId) },
            ]),
          ),
        },
      },
    },
    departments: definition.departments.map((d) =>
      d.network.subscriptionId === undefined
        ? d
        : { ...d, network: { ...d.network, subscriptionId: sub(d.network.subscriptionId) } },
    ),
  };
}
