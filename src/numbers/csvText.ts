/**
 * Edits CSV text the way a person would in an editor, so a pull request shows only the lines that changed:
 * existing lines keep their bytes, order, quoting and line endings.
 */

/** A field as CSV writes it: quoted only when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function eolOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

/**
 * Appends `rows` (values in `columns` order) to `text`, or starts a file with the header when `text` is
 * undefined or empty. The header of an existing file decides the column order.
 */
export function appendCsvRows(
  text: string | undefined,
  columns: readonly string[],
  rows: readonly Record<string, string>[],
): string {
  const eol = text ? eolOf(text) : "\n";
  let out = text && text.trim() !== "" ? text : `${columns.join(",")}${eol}`;
  const order = headerOf(out) ?? [...columns];
  if (!out.endsWith("\n")) out += eol;
  for (const row of rows) out += order.map((c) => csvField(row[c] ?? "")).join(",") + eol;
  return out;
}

/** Removes the given 1-based physical lines from `text`; everything else is kept byte for byte. */
export function removeLines(text: string, lines: ReadonlySet<number>): string {
  const parts = text.split(/(?<=\n)/);
  return parts.filter((_, i) => !lines.has(i + 1)).join("");
}

/** The column names of the first non-empty line (header fields never hold commas). */
function headerOf(text: string): string[] | undefined {
  const line = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .find((l) => l.trim() !== "");
  return line?.split(",").map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
}
