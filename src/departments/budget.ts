import type { Department } from "../config/schema/department";

/**
 * Azure requires a budget's time period to start on the first of a month, no earlier than the current month
 * when created. The start is computed once by the caller (the current month) and injected, so the program
 * itself never reads the clock; the component ignores later changes to it (see DepartmentLandingZone).
 */
export function budgetStartDate(now: Date): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `${now.getUTCFullYear()}-${month}-01T00:00:00Z`;
}

/** One alert of a consumption budget, in the shape `consumption.Budget` takes. */
export interface BudgetNotification {
  enabled: boolean;
  operator: "GreaterThanOrEqualTo";
  threshold: number;
  thresholdType: "Actual";
  contactEmails: string[];
}

/** Azure accepts at most five notifications per budget. */
export const MAX_BUDGET_NOTIFICATIONS = 5;

/**
 * One notification per threshold, keyed `actual-ge-<n>-percent` (Azure's keys are free-form but must be unique),
 * sorted by threshold so a reordering in YAML changes nothing. Throws on more than Azure accepts.
 */
export function budgetNotifications(
  departmentId: string,
  budget: Department["budget"],
): Record<string, BudgetNotification> {
  const thresholds = [...new Set(budget.thresholds)].sort((a, b) => a - b);
  if (thresholds.length > MAX_BUDGET_NOTIFICATIONS) {
    throw new Error(
      `Department '${departmentId}' has ${thresholds.length} budget thresholds; Azure allows at most ${MAX_BUDGET_NOTIFICATIONS} — drop some from budget.thresholds.`,
    );
  }
  const notifications: Record<string, BudgetNotification> = {};
  for (const threshold of thresholds) {
    notifications[`actual-ge-${String(threshold).replace(".", "_")}-percent`] = {
      enabled: true,
      operator: "GreaterThanOrEqualTo",
      threshold,
      thresholdType: "Actual",
      contactEmails: [...budget.contacts],
    };
  }
  return notifications;
}
