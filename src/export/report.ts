/**
 * What an export could not express in a definition, and the placeholders it had to invent. Every dropped
 * thing is one entry with the tenant's own id, so nothing is lost silently; the report is written beside the
 * definition as `export-report.md` (for people) and `export-report.json` (for scripts).
 */

export const REPORT_CATEGORIES = {
  placeholder: "To complete before deploying the landing zone",
  "direct-licence": "Licences assigned directly to users",
  "user-without-attribute": "Users without the grouping attribute",
  "department-without-group": "Departments with no group in the tenant",
  "group-not-department": "Groups with licences or Teams policies that are no department",
  "group-rule": "Department groups whose membership the definition cannot say",
  licence: "Licences the catalogue cannot express",
  sku: "SKUs the catalogue cannot express",
  "number-not-user": "Numbers assigned to something other than a user or an exported resource account",
  "number-no-department": "Numbers of users in no department",
  "number-no-location": "Numbers without an exported emergency location",
  "number-invalid": "Numbers that are not valid numbers of the organisation's country",
  "direct-policy-grant": "Policies granted to single users",
  "global-policy": "Tenant-wide policy grants the definition cannot express",
  "group-policy-assignment": "Group policy assignments the definition cannot express",
  "policy-setting": "Policy settings the schema has no field (or value) for",
  policy: "Policies and routes dropped",
  address: "Emergency addresses and locations dropped",
  "builtin-default": "Built-in Global policies (tenant defaults, not part of a definition)",
  "conditional-access": "Conditional access policies and named locations tenant.yaml cannot say",
  "delegated-administration":
    "Delegated administration the export cannot read back (scoped roles, eligibility)",
  "phone-service":
    "Phone services (attendants, queues, resource accounts, schedules) a definition cannot say",
} as const;
export type ReportCategory = keyof typeof REPORT_CATEGORIES;

export interface ReportEntry {
  category: ReportCategory;
  /** The tenant's id of the thing (object id, UPN, number, policy identity, LIS id) or the file and field. */
  id: string;
  detail: string;
}

export interface ExportReport {
  /** Graph endpoint and when it was read. */
  source: { graphEndpoint: string; readAt: string; departmentsBy: string };
  counts: Record<string, number>;
  entries: ReportEntry[];
}

export class ReportCollector {
  readonly entries: ReportEntry[] = [];

  add(category: ReportCategory, id: string, detail: string): void {
    this.entries.push({ category, id, detail });
  }
}

/** Entries sorted by category (in the table's order), then id, so two exports of one tenant diff cleanly. */
export function sortedEntries(entries: readonly ReportEntry[]): ReportEntry[] {
  const order = Object.keys(REPORT_CATEGORIES);
  return [...entries].sort(
    (a, b) =>
      order.indexOf(a.category) - order.indexOf(b.category) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
      (a.detail < b.detail ? -1 : a.detail > b.detail ? 1 : 0),
  );
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

export function renderReportMarkdown(report: ExportReport): string {
  const lines = [
    "# Export report",
    "",
    `Read from ${report.source.graphEndpoint} at ${report.source.readAt}; users grouped into departments by ` +
      `\`${report.source.departmentsBy}\`.`,
    "",
    "| what | count |",
    "| --- | ---: |",
    ...Object.entries(report.counts).map(([k, v]) => `| ${k} | ${v} |`),
    "",
  ];
  const entries = sortedEntries(report.entries);
  if (entries.length === 0) lines.push("Everything read was expressed in the definition.", "");
  for (const [category, title] of Object.entries(REPORT_CATEGORIES)) {
    const mine = entries.filter((e) => e.category === category);
    if (mine.length === 0) continue;
    lines.push(`## ${title} (${mine.length})`, "", "| id | detail |", "| --- | --- |");
    for (const e of mine) lines.push(`| ${cell(e.id)} | ${cell(e.detail)} |`);
    lines.push("");
  }
  return lines.join("\n");
}
