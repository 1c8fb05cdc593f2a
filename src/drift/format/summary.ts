/** Counts per area and per department (`tenant-wide` for entries without one), both in stable order. */
import { DRIFT_AREAS, type DriftArea, type DriftReport } from "../types";

export const TENANT_WIDE = "tenant-wide";

export interface DriftSummary {
  byArea: Record<DriftArea, number>;
  byDepartment: Record<string, number>;
}

export function summarize(report: DriftReport): DriftSummary {
  const byArea = Object.fromEntries(DRIFT_AREAS.map((a) => [a, 0])) as Record<DriftArea, number>;
  const byDepartment: Record<string, number> = {};
  for (const e of report.entries) {
    byArea[e.area] += 1;
    const d = e.department ?? TENANT_WIDE;
    byDepartment[d] = (byDepartment[d] ?? 0) + 1;
  }
  return { byArea, byDepartment };
}
