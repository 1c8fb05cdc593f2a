/**
 * The exported definition as file texts: `tenant.yaml`, `departments/<id>.yaml`, `numbers/<id>.csv`, the
 * report, and a marker that tells a later export this folder is its own to overwrite. YAML files start with
 * the `# yaml-language-server: $schema=…` line so an editor validates them as the ones in stacks/ do.
 */
import { stringify } from "yaml";
import { NUMBER_COLUMNS } from "../config/schema/numbers";
import type { ExportedDefinition } from "./build";
import { renderReportMarkdown, sortedEntries } from "./report";

/** Written into every export; its presence lets `tenant export` overwrite the folder again. */
export const EXPORT_MARKER = ".tenant-export";

export interface ExportFile {
  /** Relative to the output folder, with '/'. */
  path: string;
  text: string;
}

const yaml = (value: unknown) => stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * @param schemasDir the folder of the generated JSON Schemas, relative to the output folder (e.g.
 *   `../schemas` for `stacks/<name>/`); department files go one level deeper.
 */
export function exportFiles(def: ExportedDefinition, schemasDir: string): ExportFile[] {
  const header = (schema: string, depth: string, comment: string) =>
    `# yaml-language-server: $schema=${depth}${schemasDir}/${schema}\n# ${comment}\n`;
  const files: ExportFile[] = [
    {
      path: "tenant.yaml",
      text:
        header(
          "tenant.schema.json",
          "",
          `Exported by \`tenant export\` from ${def.report.source.graphEndpoint} at ${def.report.source.readAt}; see export-report.md.`,
        ) + yaml(def.tenant),
    },
  ];
  for (const d of def.departments) {
    files.push({
      path: `departments/${String(d.id)}.yaml`,
      text:
        header("department.schema.json", "../", "Exported; placeholders are listed in export-report.md.") +
        yaml(d),
    });
  }
  for (const [id, rows] of Object.entries(def.numbers)) {
    const lines = [
      NUMBER_COLUMNS.join(","),
      ...rows.map((r) => NUMBER_COLUMNS.map((c) => csvCell(r[c])).join(",")),
    ];
    files.push({ path: `numbers/${id}.csv`, text: `${lines.join("\n")}\n` });
  }
  const report = { ...def.report, entries: sortedEntries(def.report.entries) };
  files.push({ path: "export-report.md", text: renderReportMarkdown(report) });
  files.push({ path: "export-report.json", text: `${JSON.stringify(report, null, 2)}\n` });
  files.push({ path: EXPORT_MARKER, text: `${JSON.stringify({ source: def.report.source })}\n` });
  return files;
}
