import * as management from "@pulumi/azure-native/management";
import * as pulumi from "@pulumi/pulumi";
import type { TenantDefinition } from "../config/definition";
import type { Department } from "../config/schema/department";
import type { Archetype, ManagementGroup } from "../config/schema/landingZone";
import { departmentArchetype, type GroupResolvers, type PlatformRole } from "../departments/subscriptions";

/** `/providers/Microsoft.Management/managementGroups/<id>`: the resource id Azure gives a management group. */
export function managementGroupResourceId(groupId: string): string {
  return `/providers/Microsoft.Management/managementGroups/${groupId}`;
}

/** The tenant root group is the management group whose id is the tenant id. */
export function tenantRootGroupResourceId(tenantId: string): string {
  return managementGroupResourceId(tenantId);
}

/**
 * Parents before children, depth by depth, each depth sorted by id, so the order depends only on the hierarchy, not on the order
 * of the list in tenant.yaml. Throws on what the definition rules also reject (unknown parent, cycle,
 * duplicate id), so a hand-built definition cannot produce an impossible creation order.
 */
export function sortManagementGroups(groups: readonly ManagementGroup[]): ManagementGroup[] {
  const byId = new Map<string, ManagementGroup>();
  for (const group of groups) {
    if (byId.has(group.id)) throw new Error(`Management group '${group.id}' is listed twice.`);
    byId.set(group.id, group);
  }
  const children = new Map<string | undefined, ManagementGroup[]>();
  for (const group of groups) {
    if (group.parent !== undefined && !byId.has(group.parent)) {
      throw new Error(
        `Management group '${group.id}' names parent '${group.parent}', which is not in the list.`,
      );
    }
    const siblings = children.get(group.parent) ?? [];
    siblings.push(group);
    children.set(group.parent, siblings);
  }
  const ordered: ManagementGroup[] = [];
  // Breadth-first from the groups under the tenant root: each level is complete before the next starts.
  let level = children.get(undefined) ?? [];
  while (level.length > 0) {
    const sorted = [...level].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    ordered.push(...sorted);
    level = sorted.flatMap((g) => children.get(g.id) ?? []);
  }
  if (ordered.length !== groups.length) {
    const unreached = groups.filter((g) => !ordered.includes(g)).map((g) => g.id);
    throw new Error(
      `Management groups ${unreached.map((id) => `'${id}'`).join(", ")} form a cycle: none of them reaches the tenant root.`,
    );
  }
  return ordered;
}

/** The groups carrying `archetype`, in creation order. */
export function groupsWithArchetype(
  groups: readonly ManagementGroup[],
  archetype: Archetype,
): ManagementGroup[] {
  return sortManagementGroups(groups).filter((g) => g.archetypes.includes(archetype));
}

/**
 * The management group a department's subscription lands in: its `network.archetype` (corp, online, sandbox),
 * by default `online` when the department needs public endpoints, otherwise `corp` (the ALZ split). Exactly one group must carry the
 * archetype; anything else is a definition the program cannot place safely, because the wrong group
 * means the wrong policies.
 */
export function landingZoneGroupFor(
  definition: TenantDefinition,
  department: Pick<Department, "id" | "network">,
): ManagementGroup {
  const archetype: Archetype = departmentArchetype(department);
  const candidates = groupsWithArchetype(definition.tenant.landingZone.managementGroups, archetype);
  if (candidates.length !== 1) {
    const found = candidates.length === 0 ? "none" : candidates.map((g) => `'${g.id}'`).join(", ");
    throw new Error(
      `Department '${department.id}' belongs in the '${archetype}' landing zone, but ${found} of the ` +
        `management groups carries archetype '${archetype}' — give exactly one group that archetype.`,
    );
  }
  return candidates[0];
}

/**
 * The management group a platform subscription sits in: the one group carrying the role's own archetype
 * (`management`, `connectivity`, `identity`), else the one carrying `platform` (a smaller hierarchy without
 * the three children). Throws when neither exists or the choice is ambiguous.
 */
export function platformGroupFor(definition: TenantDefinition, role: PlatformRole): ManagementGroup {
  const groups = definition.tenant.landingZone.managementGroups;
  for (const archetype of [role, "platform"] as const) {
    const candidates = groupsWithArchetype(groups, archetype);
    if (candidates.length === 1) return candidates[0];
    if (candidates.length > 1) {
      throw new Error(
        `The ${role} subscription belongs under the group with archetype '${archetype}', but ${candidates.map((g) => `'${g.id}'`).join(", ")} carry it — keep it on one group.`,
      );
    }
  }
  throw new Error(
    `The ${role} subscription needs a management group with archetype '${role}' or 'platform' — add one.`,
  );
}

/** Both resolvers, for planSubscriptions. */
export function hierarchyResolvers(definition: TenantDefinition): GroupResolvers {
  return {
    platformGroup: (role) => platformGroupFor(definition, role),
    departmentGroup: (department) => landingZoneGroupFor(definition, department),
  };
}

export interface ManagementGroupsArgs {
  groups: readonly ManagementGroup[];
  tenantId: string;
}

/**
 * Creates the hierarchy parents first. Each group names its parent's resource id (the top group's is the
 * tenant root group) and depends on the parent resource, so the engine creates them in the same order.
 * Returns the resources by definition id.
 */
export function createManagementGroups(
  args: ManagementGroupsArgs,
  opts: pulumi.CustomResourceOptions,
): Map<string, management.ManagementGroup> {
  const created = new Map<string, management.ManagementGroup>();
  for (const group of sortManagementGroups(args.groups)) {
    const parent = group.parent === undefined ? undefined : created.get(group.parent);
    const parentId =
      group.parent === undefined
        ? tenantRootGroupResourceId(args.tenantId)
        : managementGroupResourceId(group.parent);
    created.set(
      group.id,
      new management.ManagementGroup(
        `mg-${group.id}`,
        {
          groupId: group.id,
          displayName: group.displayName,
          details: { parent: { id: parentId } },
        },
        // Deleting a group moves its subscriptions to the parent and drops its policies: never by accident.
        { ...opts, dependsOn: parent ? [parent] : [], protect: true },
      ),
    );
  }
  return created;
}
