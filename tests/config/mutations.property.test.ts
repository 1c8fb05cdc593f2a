import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { formatDiagnosticLines } from "../../src/config/diagnostics";
import { summarize } from "../../src/config/summary";
import { validateDefinition } from "../../src/config/validate";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";

/**
 * No input file may produce an internal error: whatever bytes a department puts in its files, the loader answers
 * "valid" or with located problems (file, line ≥ 1, column ≥ 1, field, message), never a throw. fast-check feeds it
 * seeded random mutations of the minimal fixture's YAML and CSV (bytes, lines, keys, values); a failure prints the
 * seed and the shrunk mutation list, which replays exactly.
 */

const FILES = [
  "tenant.yaml",
  ...readdirSync(join(MINIMAL_FIXTURE, "departments")).map((f) => `departments/${f}`),
];
FILES.push(...readdirSync(join(MINIMAL_FIXTURE, "numbers")).map((f) => `numbers/${f}`));
const ORIGINAL = new Map(FILES.map((f) => [f, readFileSync(join(MINIMAL_FIXTURE, f))]));

/** Text a hostile or careless editor might type: YAML syntax, aliases, tags, look-alikes, huge and odd numbers. */
const NASTY = [
  "",
  "~",
  "null",
  "[]",
  "{}",
  "-",
  ":",
  "- - -",
  "&a [1, 2]",
  "*a",
  "<<: *a",
  "!!binary aGVsbG8=",
  "!!js/function x",
  "!custom x",
  "---",
  "...",
  "%YAML 1.1",
  '"unclosed',
  "'it''s'",
  "\t",
  "? complex key",
  "1e309",
  "-0",
  ".nan",
  "0x1F",
  "9007199254740993",
  "2026-02-30",
  "+34 91 555 0000",
  "c\u0435ntro",
  "a\u200bb",
  "\u202eevil",
  "x".repeat(5000),
  '"quoted, with comma"',
  '"',
  ",,,,",
  "\r\n",
  "\u0000",
];

type Mutation =
  | { kind: "byte"; file: number; at: number; byte: number }
  | { kind: "deleteLine"; file: number; line: number }
  | { kind: "duplicateLine"; file: number; line: number }
  | { kind: "swapLines"; file: number; a: number; b: number }
  | { kind: "insertLine"; file: number; line: number; text: string; indent: number }
  | { kind: "renameKey"; file: number; nth: number; to: string }
  | { kind: "replaceValue"; file: number; nth: number; to: string }
  | { kind: "replaceCell"; file: number; nth: number; to: string };

const index = fc.nat({ max: 10_000 });
const text = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("byte" as const),
    file: index,
    at: index,
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant("deleteLine" as const), file: index, line: index }),
  fc.record({ kind: fc.constant("duplicateLine" as const), file: index, line: index }),
  fc.record({ kind: fc.constant("swapLines" as const), file: index, a: index, b: index }),
  fc.record({
    kind: fc.constant("insertLine" as const),
    file: index,
    line: index,
    text,
    indent: fc.integer({ min: 0, max: 6 }),
  }),
  fc.record({ kind: fc.constant("renameKey" as const), file: index, nth: index, to: text }),
  fc.record({ kind: fc.constant("replaceValue" as const), file: index, nth: index, to: text }),
  fc.record({ kind: fc.constant("replaceCell" as const), file: index, nth: index, to: text }),
);

/** Applies one mutation to the files (a map of name → bytes), in place. */
function apply(files: Map<string, Buffer>, m: Mutation): void {
  const name = FILES[m.file % FILES.length];
  const bytes = files.get(name)!;
  if (m.kind === "byte") {
    const copy = Buffer.from(bytes);
    if (copy.length > 0) copy[m.at % copy.length] = m.byte;
    files.set(name, copy);
    return;
  }
  const source = bytes.toString("utf8");
  const lines = source.split("\n");
  const pick = (n: number) => n % Math.max(lines.length, 1);
  let out = source;
  switch (m.kind) {
    case "deleteLine":
      lines.splice(pick(m.line), 1);
      out = lines.join("\n");
      break;
    case "duplicateLine":
      lines.splice(pick(m.line), 0, lines[pick(m.line)] ?? "");
      out = lines.join("\n");
      break;
    case "swapLines": {
      const [a, b] = [pick(m.a), pick(m.b)];
      [lines[a], lines[b]] = [lines[b], lines[a]];
      out = lines.join("\n");
      break;
    }
    case "insertLine":
      lines.splice(pick(m.line), 0, " ".repeat(m.indent) + m.text);
      out = lines.join("\n");
      break;
    case "renameKey":
      out = replaceNth(source, /^(\s*-?\s*)([A-Za-z][\w-]*)(:)/gm, m.nth, (g) => `${g[1]}${m.to}${g[3]}`);
      break;
    case "replaceValue":
      out = replaceNth(source, /^(\s*-?\s*[A-Za-z][\w-]*: )(.+)$/gm, m.nth, (g) => `${g[1]}${m.to}`);
      break;
    case "replaceCell":
      out = replaceNth(source, /[^,\n]+/g, m.nth, () => m.to);
      break;
  }
  files.set(name, Buffer.from(out, "utf8"));
}

function replaceNth(
  source: string,
  pattern: RegExp,
  nth: number,
  by: (groups: RegExpMatchArray) => string,
): string {
  const matches = [...source.matchAll(pattern)];
  if (matches.length === 0) return source;
  const m = matches[nth % matches.length];
  return source.slice(0, m.index) + by(m) + source.slice(m.index! + m[0].length);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tenant-mutations-"));
  mkdirSync(join(dir, "departments"));
  mkdirSync(join(dir, "numbers"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("any mutation of the fixture's files validates or reports located problems, never throws", () => {
  let invalid = 0;
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
      const files = new Map(ORIGINAL);
      for (const m of mutations) apply(files, m);
      for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);

      const result = validateDefinition(dir, dir);
      for (const d of result.diagnostics) {
        expect(FILES).toContain(d.file);
        expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
        expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
        expect(typeof d.path).toBe("string");
        expect(d.message.length).toBeGreaterThan(0);
      }
      // What the commands print must be producible too: the text lines, the JSON, the summary of a valid one.
      expect(() => formatDiagnosticLines(result.diagnostics)).not.toThrow();
      expect(() => JSON.stringify(result.diagnostics)).not.toThrow();
      if (result.diagnostics.length === 0) {
        expect(result.definition).toBeDefined();
        expect(() => summarize(result.definition!)).not.toThrow();
      } else invalid++;
    }),
    { numRuns: 300, seed: 20261202 },
  );
  // The mutations are strong enough to break the files most of the time (else the test proves little).
  expect(invalid).toBeGreaterThan(150);
});
