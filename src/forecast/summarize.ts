/** The forecast's operations grouped by department, with totals and expected wall time (wallTime.ts). */
import type { ForecastRun } from "./runForecast";
import { addCounts, ZERO_COUNTS, type ApplyForecast, type DepartmentForecast } from "./types";
import { applyWallTime, sequentialMs } from "./wallTime";

/** What the forecast leaves out, said in the plan so nobody reads its totals as the whole apply. */
export const NOT_COVERED = [
  "the identity and landing-zone layers (azuread and azure-native make their own requests)",
  "reads of a `pulumi up --refresh`",
];

export function summarizeForecast(run: ForecastRun): ApplyForecast {
  const byDepartment = new Map<string | null, DepartmentForecast>();
  for (const op of run.operations) {
    const row = byDepartment.get(op.department) ?? {
      department: op.department,
      operations: [],
      ...ZERO_COUNTS,
      expectedMs: 0,
    };
    const { department, operations } = row;
    const counts = addCounts(row, op);
    byDepartment.set(op.department, {
      ...counts,
      department,
      operations: [...operations, op],
      expectedMs: sequentialMs(counts),
    });
  }
  // Tenant-wide first, then departments by name.
  const departments = [...byDepartment.values()].sort((a, b) =>
    a.department === null ? -1 : b.department === null ? 1 : a.department.localeCompare(b.department),
  );
  const totals = departments.reduce((sum, d) => addCounts(sum, d), ZERO_COUNTS);
  return {
    departments,
    totals,
    expectedMs: applyWallTime(departments, totals),
    notCovered: NOT_COVERED,
    retried: run.retried,
    baseWarnings: run.baseWarnings,
  };
}
