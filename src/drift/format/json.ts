/** The JSON report (docs/drift.md "JSON format"): a summary, then the entries in report order. Stable keys. */
import { summarize } from "./summary";
import type { DriftReport } from "../types";

export const DRIFT_JSON_VERSION = 1;

export function formatDriftJson(report: DriftReport): string {
  const summary = summarize(report);
  return `${JSON.stringify(
    {
      version: DRIFT_JSON_VERSION,
      organization: report.organization,
      graphEndpoint: report.graphEndpoint,
      readAt: report.readAt,
      drift: report.entries.length > 0,
      summary: { total: report.entries.length, byArea: summary.byArea, byDepartment: summary.byDepartment },
      entries: report.entries.map((e) => ({
        area: e.area,
        kind: e.kind,
        department: e.department,
        subject: e.subject,
        expected: e.expected,
        actual: e.actual,
        message: e.message,
        changedBy: e.changedBy ?? null,
      })),
    },
    null,
    2,
  )}\n`;
}
