import type { ChangeOp, DepartmentSummary, PolicyOutcome, ResourceChange } from "./model";
import { isBlocking } from "./policy";
import { onlyPositionMoved } from "./policyAssignments";
import { count, signed } from "./wording";

export function countOps(changes: readonly ResourceChange[]): Record<ChangeOp, number> {
  const counts: Record<ChangeOp, number> = { create: 0, update: 0, replace: 0, delete: 0 };
  for (const c of changes) counts[c.op] += 1;
  return counts;
}

/**
 * One sentence a reviewer reads first, e.g. "3 departments change: +12 numbers, 1 number moved, SPE_E5 −900
 * seats; 4 to create, 1 to delete; 1 advisory". Every figure comes from the summaries.
 */
export function headline(
  summaries: readonly DepartmentSummary[],
  counts: Record<ChangeOp, number>,
  policy: PolicyOutcome,
): string {
  const departments = summaries.filter((s) => s.department !== undefined).length;
  const tenantWide = summaries.some((s) => s.department === undefined);
  const policyPart = policyHeadline(policy);
  if (departments === 0 && !tenantWide) return `No changes; ${policyPart}`;

  const who = [
    departments > 0 ? `${count(departments, "department")} change${departments === 1 ? "s" : ""}` : "",
    tenantWide ? (departments > 0 ? "tenant-wide settings too" : "tenant-wide settings change") : "",
  ].filter(Boolean);

  const numbers = summaries.flatMap((s) => s.numbers);
  const n = (k: string) => numbers.filter((x) => x.kind === k).length;
  const what: string[] = [];
  if (n("added") > 0) what.push(`${signed(n("added"))} number${n("added") === 1 ? "" : "s"}`);
  if (n("removed") > 0) what.push(`${signed(-n("removed"))} number${n("removed") === 1 ? "" : "s"}`);
  const moved = n("renumbered") + n("reassigned");
  if (moved > 0) what.push(`${count(moved, "number")} moved`);
  if (n("updated") > 0) what.push(`${count(n("updated"), "number")} updated`);

  const perSku = new Map<string, number>();
  for (const l of summaries.flatMap((s) => s.licences))
    perSku.set(l.sku, (perSku.get(l.sku) ?? 0) + l.after - l.before);
  for (const [sku, delta] of [...perSku].sort(([a], [b]) => a.localeCompare(b))) {
    if (delta !== 0) what.push(`${sku} ${signed(delta)} seat${Math.abs(delta) === 1 ? "" : "s"}`);
  }
  // A grant that only shifts position (another department's grant moved ahead of it) changes no one's policy.
  const grants = summaries.flatMap((s) => s.policies);
  const shifted = grants.filter(onlyPositionMoved).length;
  if (grants.length > shifted) what.push(`${count(grants.length - shifted, "policy grant")} changed`);
  if (shifted > 0) what.push(`${count(shifted, "grant")} shift${shifted === 1 ? "s" : ""} Teams position`);
  const budgets = summaries.reduce((sum, s) => sum + s.budgets.length, 0);
  if (budgets > 0) what.push(`${count(budgets, "budget")} changed`);

  const ops = (["create", "update", "replace", "delete"] as const)
    .filter((op) => counts[op] > 0)
    .map((op) => `${counts[op].toLocaleString("en-GB")} to ${op}`);

  const parts = [who.join(", ") + (what.length > 0 ? `: ${what.join(", ")}` : "")];
  if (ops.length > 0) parts.push(ops.join(", "));
  parts.push(policyPart);
  return parts.join("; ");
}

function policyHeadline(policy: PolicyOutcome): string {
  if (!policy.evaluated) return "policies not evaluated";
  const blocking = policy.results.filter(isBlocking).length;
  const warnings = policy.results.length - blocking;
  if (blocking === 0 && warnings === 0) return "no policy findings";
  const parts: string[] = [];
  if (blocking > 0) parts.push(count(blocking, "policy violation"));
  if (warnings > 0) parts.push(count(warnings, "advisory", "advisories"));
  return parts.join(", ");
}
