import { parse } from "csv-parse/sync";
import type { Diagnostic } from "./diagnostics";

/** One data row of a CSV file, with where each of its fields starts. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
  /** 1-based column of each named field on `line`. */
  columns: Record<string, number>;
}

export type CsvParseResult = { ok: true; rows: CsvRow[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses a CSV whose first line names the columns. The header must hold exactly `expected`
 * (in any order); every later line must have as many fields. All shape problems are reported together.
 */
export function parseCsv(file: string, text: string, expected: readonly string[]): CsvParseResult {
  let records: { record: string[]; info: { lines: number; raw?: string } }[];
  try {
    records = parse(text, {
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as { code?: string; message: string; lines?: number };
    return {
      ok: false,
      diagnostics: [
        {
          file,
          line: e.lines ?? 1,
          column: 1,
          path: "(file)",
          message: `${csvErrorText(e.code, e.message)} — put quotes only around whole fields and double a quote inside one ("")`,
        },
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const [header, ...body] = records;
  const names = header.record;
  const headerColumns = fieldColumns(header.info.raw ?? names.join(","));
  for (const [i, name] of names.entries()) {
    if (!expected.includes(name)) {
      diagnostics.push({
        file,
        line: header.info.lines,
        column: headerColumns[i] ?? 1,
        path: `header.${name}`,
        message: `unknown column '${name}' — the columns are: ${expected.join(",")}`,
      });
    } else if (names.indexOf(name) !== i) {
      diagnostics.push({
        file,
        line: header.info.lines,
        column: headerColumns[i] ?? 1,
        path: `header.${name}`,
        message: `column '${name}' appears twice — keep one`,
      });
    }
  }
  for (const name of expected) {
    if (!names.includes(name)) {
      diagnostics.push({
        file,
        line: header.info.lines,
        column: 1,
        path: `header.${name}`,
        message: `missing column '${name}' — the first line must be: ${expected.join(",")}`,
      });
    }
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== names.length) {
      diagnostics.push({
        file,
        line,
        column: 1,
        path: `row ${line}`,
        message: `has ${record.length} field${record.length === 1 ? "" : "s"}, the header has ${names.length} — write one value per column, separated by commas`,
      });
      continue;
    }
    const starts = fieldColumns(info.raw ?? record.join(","));
    const values: Record<string, string> = {};
    const columns: Record<string, number> = {};
    names.forEach((name, i) => {
      values[name] = record[i];
      columns[name] = starts[i] ?? 1;
    });
    rows.push({ line, values, columns });
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, rows };
}

function csvErrorText(code: string | undefined, message: string): string {
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted field is never closed";
    case "INVALID_OPENING_QUOTE":
      return "a quote appears inside an unquoted field";
    case "CSV_INVALID_CLOSING_QUOTE":
      return "text follows the closing quote of a field";
    default:
      return `the CSV cannot be read: ${message}`;
  }
}

/** 1-based start column of each field in a raw CSV line (quotes respected). */
function fieldColumns(raw: string): number[] {
  const line = raw.replace(/\r?\n$/, "");
  const starts = [1];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) starts.push(i + 2);
  }
  // Fields are trimmed when parsed; point at the value, not the space before it.
  return starts.map((s) => {
    let c = s;
    while (line[c - 1] === " ") c++;
    return c;
  });
}
