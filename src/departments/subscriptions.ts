import type { TenantDefinition } from "../config/definition";
import type { Department } from "../config/schema/department";
import type { DepartmentArchetype, LandingZone, ManagementGroup } from "../config/schema/landingZone";

/** The platform roles that own a subscription of their own (tenant.yaml `landingZone.platformSubscriptions`). */
export const PLATFORM_ROLES = ["management", "connectivity", "identity"] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** Platform roles the program deploys into (workspace, hub); they cannot do without a subscription. */
export const REQUIRED_PLATFORM_ROLES: readonly PlatformRole[] = ["management", "connectivity"];

/**
 * How a subscription comes to exist: a platform subscription, a department's existing one, a shared one of an
 * area, or one the program vends with `subscription.Alias`.
 */
export type SubscriptionSource = "platform" | "existing" | "shared" | "vended";

/** One subscription the program deploys into, the management group that governs it, and who lives in it. */
export interface SubscriptionPlan {
  /** Stable logical key: the subscription id (lower case), or `vend-<department>` for a vended one. */
  key: string;
  source: SubscriptionSource;
  /** Known up front except for vended subscriptions (Azure assigns the id). */
  subscriptionId?: string;
  managementGroupId: string;
  /** Platform roles hosted here (sorted by PLATFORM_ROLES order). */
  platform: PlatformRole[];
  /** Department ids hosted here, sorted. */
  departments: string[];
  /** Name in `departmentSubscriptions.shared`, for a shared subscription. */
  sharedName?: string;
}

/** The landing zone a department belongs in: explicit `network.archetype`, else online with public access. */
export function departmentArchetype(department: Pick<Department, "network">): DepartmentArchetype {
  return department.network.archetype ?? (department.network.publicAccess ? "online" : "corp");
}

/**
 * Where a department's resources live, before any id is known: its own existing subscription, its own vended
 * one, or a shared one (named, or the first shared subscription of its archetype by name). `undefined` when
 * the definition gives it nowhere to go (the `subscriptions` rule reports that).
 */
export type DepartmentSubscriptionChoice =
  | { source: "existing"; subscriptionId: string }
  | { source: "vended" }
  | { source: "shared"; name: string; subscriptionId: string };

export function departmentSubscriptionChoice(
  subscriptions: LandingZone["departmentSubscriptions"],
  department: Pick<Department, "network">,
): DepartmentSubscriptionChoice | undefined {
  const { network } = department;
  if (network.subscriptionId)
    return { source: "existing", subscriptionId: network.subscriptionId.toLowerCase() };
  if (network.vendSubscription) return { source: "vended" };
  const shared = subscriptions.shared;
  const name =
    network.sharedSubscription ??
    Object.keys(shared)
      .sort()
      .find((n) => shared[n].archetype === departmentArchetype(department));
  const entry = name === undefined ? undefined : shared[name];
  return name && entry
    ? { source: "shared", name, subscriptionId: entry.subscriptionId.toLowerCase() }
    : undefined;
}

/** Logical key of a vended subscription; also the alias name in Azure, so it must stay stable. */
export function vendedSubscriptionKey(departmentId: string): string {
  return `vend-${departmentId}`;
}

export interface GroupResolvers {
  /** The management group of a platform role (its own archetype, else `platform`). */
  platformGroup(role: PlatformRole): ManagementGroup;
  /** The management group of a department's landing zone. */
  departmentGroup(department: Department): ManagementGroup;
}

/**
 * Every subscription the program deploys into, each under exactly one management group of the hierarchy.
 * Throws when the definition leaves a platform role or a department without a subscription, or puts one
 * subscription under two groups; the `subscriptions` rule reports the same at file and line first.
 */
export function planSubscriptions(definition: TenantDefinition, groups: GroupResolvers): SubscriptionPlan[] {
  const byKey = new Map<string, SubscriptionPlan>();
  const problems: string[] = [];
  const add = (
    key: string,
    source: SubscriptionSource,
    subscriptionId: string | undefined,
    group: string,
    who: { platform?: PlatformRole; department?: string; sharedName?: string },
  ) => {
    let plan = byKey.get(key);
    if (!plan) {
      plan = { key, source, subscriptionId, managementGroupId: group, platform: [], departments: [] };
      if (who.sharedName) plan.sharedName = who.sharedName;
      byKey.set(key, plan);
    } else if (plan.managementGroupId !== group) {
      const whoNow = who.platform ? `the ${who.platform} platform` : `department '${who.department}'`;
      problems.push(
        `subscription ${key} is needed under '${group}' by ${whoNow}, but under '${plan.managementGroupId}' by ${describeOccupants(plan)}`,
      );
      return;
    }
    if (who.platform) plan.platform.push(who.platform);
    if (who.department) plan.departments.push(who.department);
  };
  const platformSubscriptions = definition.tenant.landingZone.platformSubscriptions;
  for (const role of PLATFORM_ROLES) {
    const id = platformSubscriptions[role]?.toLowerCase();
    if (!id) {
      if (REQUIRED_PLATFORM_ROLES.includes(role)) {
        problems.push(`landingZone.platformSubscriptions.${role} is not set`);
      }
      continue;
    }
    add(id, "platform", id, groups.platformGroup(role).id, { platform: role });
  }
  for (const department of definition.departments) {
    const choice = departmentSubscriptionChoice(
      definition.tenant.landingZone.departmentSubscriptions,
      department,
    );
    const group = groups.departmentGroup(department).id;
    if (!choice) {
      problems.push(`department '${department.id}' has no subscription`);
    } else if (choice.source === "vended") {
      add(vendedSubscriptionKey(department.id), "vended", undefined, group, { department: department.id });
    } else {
      add(choice.subscriptionId, choice.source, choice.subscriptionId, group, {
        department: department.id,
        sharedName: choice.source === "shared" ? choice.name : undefined,
      });
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `Every subscription must sit under one management group of the hierarchy: ${problems.join("; ")} — run \`tenant validate\` for where to fix it.`,
    );
  }
  return [...byKey.values()]
    .map((p) => ({ ...p, departments: [...p.departments].sort() }))
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

function describeOccupants(plan: SubscriptionPlan): string {
  const names = [
    ...plan.platform.map((r) => `the ${r} platform`),
    ...plan.departments.map((d) => `department '${d}'`),
  ];
  return names.join(", ");
}

/** Platform first, then by management group, then by key: the order `tenant plan` prints them in. */
function sortKey(plan: SubscriptionPlan): string {
  return `${plan.source === "platform" ? 0 : 1}|${plan.managementGroupId}|${plan.key}`;
}
