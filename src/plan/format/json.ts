import type { DiffPlan } from "../model";

/**
 * `tenant plan --base … --format json`: the whole model, for machines. Nothing is cut (the markdown budget does
 * not apply); every value is already printable (secrets `[secret]`). `schema` names the shape's version.
 */
export const DIFF_PLAN_SCHEMA = "tenant-plan-diff/1";

export function formatDiffPlanJson(plan: DiffPlan): string {
  return JSON.stringify({ schema: DIFF_PLAN_SCHEMA, ...plan }, null, 2) + "\n";
}
