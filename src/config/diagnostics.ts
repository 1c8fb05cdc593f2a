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
