/**
 * A problem found in a tenant definition, anchored at a file, a line and a field.
 * `message` says what is wrong and, after " — ", how to fix it.
 */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

export type FieldPath = readonly (string | number)[];

/** `departments[3].budget` style, the way the docs and error messages name fields. */
export function formatPath(path: FieldPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out === "" ? "(file)" : out;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.path}: ${d.message}`;
}

/** Stable order for reports: by file, then position, then message. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.message.localeCompare(b.message),
  );
}

/** How many problems text output prints before it summarises the rest (JSON output keeps them all). */
export const TEXT_DIAGNOSTIC_LIMIT = 200;

/**
 * The problems as text lines, the first `limit` of them and then one line counting the rest: one broken 15 MB
 * file can hold hundreds of thousands of problems, and nobody reads past the first screens.
 */
export function formatDiagnosticLines(
  list: readonly Diagnostic[],
  limit = TEXT_DIAGNOSTIC_LIMIT,
  whereAll = "run tenant validate --format json to list them all",
): string {
  const lines = list.slice(0, limit).map((d) => `${formatDiagnostic(d)}\n`);
  const rest = list.length - limit;
  if (rest > 0) {
    lines.push(
      `… and ${rest.toLocaleString("en-GB")} more problem${rest === 1 ? "" : "s"} not shown (${limit} of ${list.length.toLocaleString("en-GB")} printed; ${whereAll})\n`,
    );
  }
  return lines.join("");
}
