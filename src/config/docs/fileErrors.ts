import { mkdirSync, symlinkSync, truncateSync, unlinkSync } from "node:fs";
import { formatDiagnostic } from "../diagnostics";
import { loadDefinition } from "../load";
import { EXAMPLE_DEPARTMENT_ID, exampleFiles } from "./example";
import { ScratchDefinition } from "./scratch";

/**
 * Errors a single file can have, before any cross-file rule runs. Each case breaks the worked example in one way
 * and the generator runs the real loader on it, so the messages documented are the messages printed.
 */
export interface FileErrorCase {
  title: string;
  when: string;
  /** The broken input as the user wrote it, shown above the message (omitted for binary or huge files). */
  input?: { file: string; text: string; lang: "yaml" | "csv" | "text" };
  /** Applies the breakage to the scratch definition. */
  apply(s: ScratchDefinition): void;
}

const DEP = `departments/${EXAMPLE_DEPARTMENT_ID}.yaml`;
const CSV = `numbers/${EXAMPLE_DEPARTMENT_ID}.csv`;
const CSV_HEADER = "userPrincipalName,number,emergencyLocation,category";

/** Replaces exact text in a file of the example, failing loudly if the example no longer contains it. */
function edit(file: string, from: string, to: string): (s: ScratchDefinition) => void {
  return (s) => {
    const text = exampleFiles()[file];
    if (!text.includes(from))
      throw new Error(`docs: the worked example's ${file} no longer contains ${JSON.stringify(from)}`);
    s.write(file, text.replace(from, to));
  };
}

const csvCase = (title: string, when: string, body: string): FileErrorCase => ({
  title,
  when,
  input: { file: CSV, text: body, lang: "csv" },
  apply: (s) => s.write(CSV, body),
});

/** Nine levels of nine aliases each. */
const BILLION_LAUGHS = [
  'id: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...Array.from({ length: 8 }, (_, i) => `l${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(",")}]`),
  "",
].join("\n");

const yamlCase = (
  title: string,
  when: string,
  file: string,
  from: string,
  to: string,
  shown = to,
): FileErrorCase => ({
  title,
  when,
  input: { file, text: shown, lang: "yaml" },
  apply: edit(file, from, to),
});

export const FILE_ERROR_CASES: readonly FileErrorCase[] = [
  {
    title: "Missing tenant.yaml",
    when: "the definition folder has no `tenant.yaml`.",
    apply: (s) => unlinkSync(s.path("tenant.yaml")),
  },
  {
    title: "Unexpected file",
    when: "`departments/` holds something other than `*.yaml` files, or `numbers/` something other than `*.csv`.",
    apply: (s) => s.write("departments/culture.yml", "id: culture\n"),
  },
  {
    title: "Link, FIFO or device",
    when:
      "anything in the definition folder, at any depth, is a symbolic link (to anything, inside or outside the folder, " +
      "broken or looping), a FIFO, a socket or a device. Nothing behind it is followed or opened: only regular files " +
      "and folders belong in a definition.",
    apply: (s) => {
      unlinkSync(s.path(CSV));
      symlinkSync("/proc/self/environ", s.path(CSV));
    },
  },
  {
    title: "Folder where a file belongs",
    when: "`tenant.yaml`, a `departments/*.yaml` or a `numbers/*.csv` is a folder (or `departments`/`numbers` is a file).",
    apply: (s) => mkdirSync(s.path("departments/parks.yaml")),
  },
  {
    title: "Oversized file",
    when: "a file is larger than 16 MB; it is refused before it is read.",
    apply: (s) => {
      s.write(DEP, "");
      truncateSync(s.path(DEP), 50 * 1024 * 1024);
    },
  },
  {
    title: "Empty file",
    when: "a file holds nothing, or only spaces and line breaks.",
    apply: (s) => s.write(DEP, "\n"),
  },
  {
    title: "Not UTF-8",
    when: "a file has bytes that are not UTF-8, typically a file saved as Latin-1 or Windows-1252.",
    apply: (s) => s.write(DEP, Buffer.from("id: culture\ndisplayName: Educaci\xf3n\n", "latin1")),
  },
  yamlCase(
    "YAML syntax",
    "the file is not valid YAML: wrong indentation, a missing `:`, an unclosed quote or bracket.",
    DEP,
    "owners: [ana.garcia@ciudad.example]",
    "owners: [ana.garcia@ciudad.example",
  ),
  {
    title: "Aliases that expand too far",
    when:
      'YAML aliases (`*name`) expand to more than 100 copies of their anchors (a "billion laughs" file: nine ' +
      "lines that would expand to 387 million strings), name no anchor before them, or sit inside their own anchor. " +
      "Definitions rarely need aliases; write values out.",
    input: { file: DEP, text: BILLION_LAUGHS, lang: "yaml" },
    apply: (s) => s.write(DEP, BILLION_LAUGHS),
  },
  {
    title: "Nesting too deep",
    when: "lists or mappings nest more than 32 levels deep (definition files use a handful).",
    input: {
      file: DEP,
      text: "id: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
      lang: "yaml",
    },
    apply: (s) => s.write(DEP, `id: ${"[".repeat(40)}${"]".repeat(40)}\n`),
  },
  yamlCase(
    "Look-alike character",
    "a value holds a Cyrillic or Greek letter that looks Latin beside Latin letters (`cеntro` with a Cyrillic `е`), " +
      "a full-width letter or digit, or an invisible or direction-changing character: it would make a different " +
      "name than a reviewer reads. Names written wholly in another script are fine.",
    DEP,
    "displayName: Cultura",
    "displayName: C\u0435ntro",
  ),
  yamlCase(
    "Duplicate key",
    "the same key appears twice in one mapping (YAML would otherwise silently keep only one).",
    DEP,
    "headcount: 40\n",
    "headcount: 40\nheadcount: 45\n",
  ),
  {
    title: "Not a mapping",
    when: "the file's top level is a list or a single value instead of `key: value` fields.",
    input: { file: DEP, text: "- id: culture\n", lang: "yaml" },
    apply: (s) =>
      s.write(DEP, "# yaml-language-server: $schema=../../schemas/department.schema.json\n- id: culture\n"),
  },
  yamlCase(
    "Unknown field, with a suggestion",
    "a key is not a field of the file at that place and is close to one that is (typos are never ignored).",
    DEP,
    "headcount: 40",
    "headcont: 40",
  ),
  yamlCase(
    "Unknown field, without a close match",
    "a key is not a field at that place and resembles none; the message lists the fields allowed there.",
    DEP,
    "  contacts: [ana.garcia@ciudad.example]",
    "  contacts: [ana.garcia@ciudad.example]\n  currency: EUR",
    "budget:\n  …\n  currency: EUR",
  ),
  yamlCase(
    "Wrong type",
    "a value has the wrong type (text for a number, a list for a mapping, …).",
    DEP,
    "headcount: 40",
    "headcount: forty",
  ),
  yamlCase(
    "Missing field",
    "a required field is absent.",
    DEP,
    "costCenter: CC-100\n",
    "",
    "id: culture\ndisplayName: Cultura\nkind: area\nowners: [ana.garcia@ciudad.example]   # no costCenter",
  ),
  yamlCase(
    "Value not allowed",
    "a field that takes one of a fixed set of words has another.",
    DEP,
    "kind: area",
    "kind: city",
  ),
  yamlCase(
    "Malformed value",
    "text does not have the required form (a CIDR block, a GUID, an e-mail address, an E.164 number, an id…).",
    DEP,
    "addressSpace: 10.40.4.0/24",
    "addressSpace: 10.40.4.0",
  ),
  yamlCase(
    "Out of range",
    "a number is below its minimum or above its maximum.",
    "tenant.yaml",
    "logRetentionDays: 90",
    "logRetentionDays: 7",
  ),
  yamlCase(
    "Not positive",
    "an amount that must be greater than zero is zero or negative.",
    DEP,
    "monthlyAmount: 500",
    "monthlyAmount: 0",
  ),
  yamlCase(
    "Empty list",
    "a list that needs at least one entry is empty.",
    DEP,
    "owners: [ana.garcia@ciudad.example]",
    "owners: []",
  ),
  yamlCase(
    "Empty text",
    "a text field that must not be empty is empty.",
    DEP,
    "displayName: Cultura",
    'displayName: ""',
  ),
  yamlCase(
    "No accepted form",
    "a field with several accepted forms (a department's `membership`) matches none of them.",
    DEP,
    "  values: [Cultura]\n",
    "",
    "membership:\n  attribute: department",
  ),
  csvCase(
    "CSV: missing column",
    "the header (first line) of a numbers file lacks a column.",
    "userPrincipalName,number,category\nana.garcia@ciudad.example,+34914800001,primary\n",
  ),
  csvCase(
    "CSV: unknown or repeated column",
    "the header names a column that does not exist, or names one twice.",
    `${CSV_HEADER},extension,number\nana.garcia@ciudad.example,+34914800001,city-hall-p0,primary,0001,+34914800001\n`,
  ),
  csvCase(
    "CSV: stray quote",
    "a quote appears inside an unquoted field.",
    `${CSV_HEADER}\nana.garcia@ciudad.example,+34914800001,city-hall "p0",primary\n`,
  ),
  csvCase(
    "CSV: unclosed quote",
    "a quoted field is never closed.",
    `${CSV_HEADER}\nana.garcia@ciudad.example,+34914800001,"city-hall-p0,primary\n`,
  ),
  csvCase(
    "CSV: wrong number of fields",
    "a row has more or fewer fields than the header.",
    `${CSV_HEADER}\nana.garcia@ciudad.example,+34914800001,city-hall-p0\n`,
  ),
  csvCase(
    "CSV: malformed value",
    "a value in a row does not have its column's form or is not one of its words; every bad row is reported.",
    `${CSV_HEADER}\nana.garcia@ciudad.example,+34 91 480 00 01,city-hall-p0,primary\nluis.martin@ciudad.example,+34914800002,city-hall-p1,main\n`,
  ),
];

export interface FileErrorExample {
  case: FileErrorCase;
  /** The messages `tenant validate` prints for the broken file, one per line. */
  output: string[];
}

/** Runs every case through the real loader. Throws when a case no longer produces an error (fix the case). */
export function fileErrorExamples(cases: readonly FileErrorCase[] = FILE_ERROR_CASES): FileErrorExample[] {
  return cases.map((c) => {
    const scratch = new ScratchDefinition(exampleFiles());
    try {
      c.apply(scratch);
      const loaded = loadDefinition(scratch.dir, scratch.root);
      if (loaded.diagnostics.length === 0) {
        throw new Error(
          `docs: the error case '${c.title}' no longer produces an error — update src/config/docs/fileErrors.ts`,
        );
      }
      return { case: c, output: loaded.diagnostics.map(formatDiagnostic) };
    } finally {
      scratch.remove();
    }
  });
}
