import type { z } from "zod";
import { parseCsv } from "./csvSource";
import type { Diagnostic } from "./diagnostics";
import { lookalikeProblem } from "./lookalikes";
import { schemaDiagnostics } from "./schemaIssues";

/**
 * Parses a CSV and checks each row against `schema`, reporting every bad row at its own line and column.
 * Returns the valid rows, or undefined when the file itself could not be read as a table.
 */
export function csvSource<S extends z.ZodType>(
  file: string,
  text: string,
  columns: readonly string[],
  schema: S,
  diagnostics: Diagnostic[],
): { line: number; value: z.infer<S>; columns: Record<string, number> }[] | undefined {
  const parsed = parseCsv(file, text, columns);
  if (!parsed.ok) {
    diagnostics.push(...parsed.diagnostics);
    return undefined;
  }
  const rows: { line: number; value: z.infer<S>; columns: Record<string, number> }[] = [];
  for (const row of parsed.rows) {
    const flagged = new Set<string>();
    for (const [column, value] of Object.entries(row.values)) {
      const problem = lookalikeProblem(value);
      if (!problem) continue;
      flagged.add(column);
      diagnostics.push({
        file,
        line: row.line,
        column: row.columns[column] ?? 1,
        path: column,
        message: problem,
      });
    }
    const checked = schema.safeParse(row.values);
    if (checked.success) {
      rows.push({ line: row.line, value: checked.data, columns: row.columns });
      continue;
    }
    const locator = {
      file,
      locate: (path: readonly (string | number)[]) => ({
        line: row.line,
        column: row.columns[String(path[0])] ?? 1,
      }),
    };
    diagnostics.push(
      ...schemaDiagnostics(locator, schema, row.values, checked.error.issues).filter(
        (d) => !flagged.has(d.path),
      ),
    );
  }
  return rows;
}
