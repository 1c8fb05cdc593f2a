/**
 * The report a reviewer reads (and the drift workflow posts as an issue): a summary table per area, then
 * one table per department with what differs, what the definition says, what the tenant has, and who
 * changed it where Graph recorded it.
 */
import { summarize, TENANT_WIDE } from "./summary";
import type { ChangeAttribution, DriftArea, DriftReport } from "../types";

const AREA_TITLES: Record<DriftArea, string> = {
  groups: "Department groups",
  licences: "Licences",
  numbers: "Phone numbers",
  policyAssignments: "Policy assignments",
  teamsConfig: "Teams configuration",
  phoneServices: "Phone services",
  identity: "Conditional access",
};

/** Table cells: pipes and newlines would break the row. */
function cell(value: string | null): string {
  if (value === null) return "—";
  return value.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function who(c: ChangeAttribution | undefined): string {
  if (!c) return "—";
  return c.recorded ? `${c.by} (${c.byType}), ${c.at}` : `_${c.note}_`;
}

export function formatDriftMarkdown(report: DriftReport): string {
  const lines: string[] = [`# Tenant drift: ${report.organization}`, ""];
  lines.push(`Live tenant read from ${report.graphEndpoint} at ${report.readAt}.`, "");
  if (report.entries.length === 0) {
    lines.push("No drift: the tenant matches the definition.", "");
    return lines.join("\n");
  }
  const summary = summarize(report);
  lines.push(`**${report.entries.length} difference(s).**`, "", "| area | differences |", "| --- | ---: |");
  for (const [area, n] of Object.entries(summary.byArea)) {
    if (n > 0) lines.push(`| ${AREA_TITLES[area as DriftArea]} | ${n} |`);
  }
  lines.push("");
  const departments = [...new Set(report.entries.map((e) => e.department ?? TENANT_WIDE))];
  for (const d of departments) {
    const entries = report.entries.filter((e) => (e.department ?? TENANT_WIDE) === d);
    lines.push(`## ${d === TENANT_WIDE ? "Tenant-wide" : `Department ${d}`} (${entries.length})`, "");
    lines.push(
      "| area | what | subject | definition | tenant | changed by |",
      "| --- | --- | --- | --- | --- | --- |",
    );
    for (const e of entries) {
      lines.push(
        `| ${AREA_TITLES[e.area]} | ${cell(e.message)} | ${cell(e.subject)} | ${cell(e.expected)} | ${cell(e.actual)} | ${cell(who(e.changedBy))} |`,
      );
    }
    lines.push("");
  }
  return lines.join("\n");
}
