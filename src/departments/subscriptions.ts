import type { TenantDefinition } from "../config/definition";
import type { Department } from "../config/schema/department";
import type { ManagementGroup } from "../config/schema/landingZone";

/** A department subscription to move under a landing-zone management group, and who lives in it. */
export interface SubscriptionPlacementPlan {
  subscriptionId: string;
  managementGroupId: string;
  /** Department ids, sorted. */
  departments: string[];
}

/**
 * One placement per distinct `network.subscriptionId` (several departments may share a subscription; Azure
 * holds a subscription under exactly one management group, so they must agree on the group). Departments
 * without a subscription of their own live in the deploying subscription and need no placement.
 */
export function planSubscriptionPlacements(
  definition: TenantDefinition,
  groupFor: (department: Department) => ManagementGroup,
): SubscriptionPlacementPlan[] {
  const bySubscription = new Map<string, SubscriptionPlacementPlan>();
  const conflicts: string[] = [];
  for (const department of definition.departments) {
    const subscriptionId = department.network.subscriptionId?.toLowerCase();
    if (!subscriptionId) continue;
    const group = groupFor(department).id;
    const plan = bySubscription.get(subscriptionId);
    if (!plan) {
      bySubscription.set(subscriptionId, {
        subscriptionId,
        managementGroupId: group,
        departments: [department.id],
      });
    } else if (plan.managementGroupId !== group) {
      conflicts.push(
        `department '${department.id}' needs subscription ${subscriptionId} under '${group}', but ${plan.departments.map((d) => `'${d}'`).join(", ")} need${plan.departments.length === 1 ? "s" : ""} it under '${plan.managementGroupId}'`,
      );
    } else plan.departments.push(department.id);
  }
  if (conflicts.length > 0) {
    throw new Error(
      `A subscription can sit under only one management group: ${conflicts.join("; ")} — give those departments their own subscriptions or the same publicAccess.`,
    );
  }
  return [...bySubscription.values()]
    .map((p) => ({ ...p, departments: [...p.departments].sort() }))
    .sort((a, b) => a.subscriptionId.localeCompare(b.subscriptionId));
}
