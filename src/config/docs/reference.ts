import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { resolveDefinitionDir } from "../definitionDir";
import { reportValidation } from "../validationReport";
import { EXIT } from "../../exitCodes";
import {
  DEPARTMENT_SCHEMA_FILE,
  NUMBERS_ROW_SCHEMA_FILE,
  PULUMI_STACK_SCHEMA_FILE,
  REPO_ROOT,
  SCHEMAS_DIR,
  TENANT_SCHEMA_FILE,
} from "../jsonSchemas";
import { MAX_FILE_BYTES } from "../sourceFile";
import { RULES } from "../rules";
import type { Rule } from "../rules/context";
import { REFERENCES } from "../rules/references";
import { departmentSchema } from "../schema/department";
import { NUMBER_COLUMNS, numberAssignmentSchema } from "../schema/numbers";
import { RELEASED_COLUMNS, releasedNumberSchema } from "../schema/releasedNumbers";
import { tenantSchema } from "../schema/tenant";
import {
  EXAMPLE_DEPARTMENT_ID,
  EXAMPLE_DEPARTMENT_YAML,
  EXAMPLE_NUMBERS_CSV,
  EXAMPLE_STACK,
  EXAMPLE_TENANT_YAML,
  exampleFiles,
} from "./example";
import { fileErrorExamples } from "./fileErrors";
import { docJsonSchema, fieldRows, typeInWords, type FieldRow } from "./fields";
import { withScratch } from "./scratch";

/** The generated reference, relative to the repository root, and the command that rewrites it. */
export const CONFIG_REFERENCE_FILE = "docs/config-reference.md";
export const REGENERATE_DOCS = "npm run gen:docs";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
const fence = (lang: string, text: string) => "```" + lang + "\n" + text.replace(/\n+$/, "") + "\n```";

function table(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(" | ")} |`,
    `|${headers.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");
}

function fieldTable(rows: FieldRow[]): string {
  return table(
    ["Field", "Type", "Required / default", "Description"],
    rows.map((r) => ["`" + r.path + "`", r.type, r.presence, r.description || "—"]),
  );
}

/** Captures what `tenant validate` prints for `files`, as if run from the repository root on `stacks/ciudad/`. */
function validateOutput(
  files: Record<string, string>,
  format: "text" | "json",
): { code: number; out: string } {
  return withScratch(files, (s) => {
    let out = "";
    // As `tenant validate --dir`, which resolves the folder first.
    const code = reportValidation(resolve(s.dir), format, (t) => (out += t));
    return { code, out: s.relativize(out) };
  });
}

/** The example, broken in three ways: a row's schema, and two cross-file references. */
function brokenExample(): Record<string, string> {
  const files = exampleFiles();
  const dep = `departments/${EXAMPLE_DEPARTMENT_ID}.yaml`;
  const csv = `numbers/${EXAMPLE_DEPARTMENT_ID}.csv`;
  const replace = (file: string, from: string, to: string) => {
    if (!files[file].includes(from))
      throw new Error(`docs: the worked example's ${file} no longer contains ${from}`);
    files[file] = files[file].replace(from, to);
  };
  replace(dep, "dialPlan: ES-Ciudad", "dialPlan: ES-Cuidad");
  replace(csv, "+34914800001,city-hall-p0,primary", "+34 91 480 00 01,city-hall-p0,primary");
  replace(csv, "city-hall-p1,primary", "city-hall-p2,primary");
  return files;
}

function usageMessage(): string {
  try {
    resolveDefinitionDir({});
  } catch (err) {
    return `tenant: ${(err as Error).message}`;
  }
  throw new Error("docs: resolveDefinitionDir({}) no longer reports a usage error");
}

function folderLayout(): string {
  return `## Folder layout

One folder per stack holds the tenant definition; a pull request that changes one department changes one file.

${fence(
  "text",
  `Pulumi.yaml                       the Pulumi project (runtime, main, stackConfigDir: stacks, config keys)
stacks/
  Pulumi.<stack>.yaml             Pulumi stack settings: provider config and tenant:* keys
  schemas/                        generated JSON Schemas (npm run gen:schemas); do not edit
    ${TENANT_SCHEMA_FILE}
    ${DEPARTMENT_SCHEMA_FILE}
    ${NUMBERS_ROW_SCHEMA_FILE}
    ${PULUMI_STACK_SCHEMA_FILE}
  <stack>/                        the tenant definition of one stack, e.g. stacks/example/
    tenant.yaml                   tenant-wide: organisation, landing zone, licences, Teams voice, addresses, ranges
    departments/<id>.yaml         one file per department or district; <id> is the department id
    numbers/<id>.csv              phone-number assignments of department <id>, one row per assignment
    numbers/released.csv          released numbers and when (quarantine); written by tenant numbers release`,
)}

- **\`tenant.yaml\`** is owned by the platform team; **\`departments/<id>.yaml\`** and **\`numbers/<id>.csv\`** by the
  department's owners. A numbers file must be named after a department file.
- Only \`*.yaml\` files belong in \`departments/\` and only \`*.csv\` files in \`numbers/\`; anything else is reported.
  Files whose names start with \`.\` are ignored. Each file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB and must be UTF-8.
- **Editor support.** Every YAML file starts with a line naming its JSON Schema, relative to the file, so editors
  with the YAML language server complete and check fields as you type:

${fence("yaml", `# in stacks/<stack>/tenant.yaml\n# yaml-language-server: $schema=../schemas/${TENANT_SCHEMA_FILE}`)}

${fence("yaml", `# in stacks/<stack>/departments/<id>.yaml\n# yaml-language-server: $schema=../../schemas/${DEPARTMENT_SCHEMA_FILE}`)}

  The schemas are generated from the same zod schemas that \`tenant validate\` uses (\`src/config/schema/\`), so the
  editor and the command agree. The command checks more than the editor can: positions, cross-file rules and CSV.
- **\`stacks/Pulumi.<stack>.yaml\`** holds the stack's Pulumi settings (\`secretsprovider\`, \`encryptedkey\`,
  \`encryptionsalt\`, \`config\`, \`environment\`). Config keys are namespaced (\`azure-native:location\`,
  \`tenant:definition\`); the \`tenant:\` keys are those declared in \`Pulumi.yaml\`'s \`config\` block.
  \`${SCHEMAS_DIR}/${PULUMI_STACK_SCHEMA_FILE}\` describes it (start the file with
  \`# yaml-language-server: $schema=schemas/${PULUMI_STACK_SCHEMA_FILE}\`).`;
}

function tenantSection(): string {
  const schema = docJsonSchema(tenantSchema);
  const required = new Set(schema.required ?? []);
  const sections = Object.entries(schema.properties ?? {}).map(([key, node]) => {
    const rows = fieldRows({ properties: { [key]: node }, required: required.has(key) ? [key] : [] });
    return `### \`${key}\`\n\n${node.description ?? ""}\n\n${fieldTable(rows)}`;
  });
  return `## \`tenant.yaml\`

${tenantSchema.description ?? ""} JSON Schema: \`${SCHEMAS_DIR}/${TENANT_SCHEMA_FILE}\`.

The file has these top-level sections: ${Object.keys(schema.properties ?? {})
    .map((k) => `[\`${k}\`](#${k.toLowerCase()})`)
    .join(", ")}.

${sections.join("\n\n")}

### Example: \`stacks/${EXAMPLE_STACK}/tenant.yaml\`

${fence("yaml", EXAMPLE_TENANT_YAML)}`;
}

function departmentSection(): string {
  const schema = docJsonSchema(departmentSchema);
  return `## \`departments/<id>.yaml\`

${departmentSchema.description ?? ""} JSON Schema: \`${SCHEMAS_DIR}/${DEPARTMENT_SCHEMA_FILE}\`.

${fieldTable(fieldRows(schema))}

### Example: \`stacks/${EXAMPLE_STACK}/departments/${EXAMPLE_DEPARTMENT_ID}.yaml\`

${fence("yaml", EXAMPLE_DEPARTMENT_YAML)}`;
}

function numbersSection(): string {
  const schema = docJsonSchema(numberAssignmentSchema);
  const props = schema.properties ?? {};
  const rows = NUMBER_COLUMNS.map((col) => [
    "`" + col + "`",
    typeInWords(props[col] ?? {}),
    (schema.required ?? []).includes(col) ? "required" : "optional",
    props[col]?.description ?? "—",
  ]);
  return `## \`numbers/<id>.csv\`

Phone-number assignments of department \`<id>\` (the file is named after a file in \`departments/\`): one row per
assignment, so thousands of rows stay reviewable line by line. The first line is the header and must name exactly
these columns, in any order: \`${NUMBER_COLUMNS.join(",")}\`. Every later line has one value per column, separated
by commas; spaces around values are ignored, empty lines are skipped, and a value holding a comma is quoted
(\`"…"\`, with \`""\` for a quote inside it). ${numberAssignmentSchema.description ?? ""}Each row is checked against
\`${SCHEMAS_DIR}/${NUMBERS_ROW_SCHEMA_FILE}\` (a row as an object keyed by column name).

${table(["Column", "Type", "Required", "Description"], rows)}

### Example: \`stacks/${EXAMPLE_STACK}/numbers/${EXAMPLE_DEPARTMENT_ID}.csv\`

${fence("csv", EXAMPLE_NUMBERS_CSV)}`;
}

function releasedSection(): string {
  const schema = docJsonSchema(releasedNumberSchema);
  const props = schema.properties ?? {};
  const rows = RELEASED_COLUMNS.map((col) => [
    "`" + col + "`",
    typeInWords(props[col] ?? {}),
    (schema.required ?? []).includes(col) ? "required" : "optional",
    props[col]?.description ?? "—",
  ]);
  return `## \`numbers/released.csv\`

The released-numbers ledger: one row per number taken back from a user, so a number is not handed to someone
else while callers of its previous holder still dial it. A number released on day D may be assigned again from
D + \`numbering.quarantineDays\` (tenant.yaml, default 90); until then no numbers file may assign it, and
\`tenant numbers allocate\` skips it. \`tenant numbers release\` appends the rows (see
[docs/numbers.md](numbers.md)); rows stay as history after the quarantine ends. The file is optional, shared by
all departments (so \`released\` cannot be a department id) and has the same CSV rules as the numbers files; the
header must name exactly these columns, in any order: \`${RELEASED_COLUMNS.join(",")}\`. The
\`department\` column records where the number came from and is not checked against \`departments/\`, since
departments can be merged or removed while their numbers are in quarantine.

${table(["Column", "Type", "Required", "Description"], rows)}

### Example

${fence("csv", `${RELEASED_COLUMNS.join(",")}\n+34915550002,2026-06-01,culture,pedro@villa.example\n+34915550107,2026-06-15,culture,`)}`;
}

function validateSection(): string {
  const validText = validateOutput(exampleFiles(), "text");
  const validJson = validateOutput(exampleFiles(), "json");
  const badText = validateOutput(brokenExample(), "text");
  const badJson = validateOutput(brokenExample(), "json");
  if (validText.code !== EXIT.ok) {
    throw new Error(
      `docs: the worked example in src/config/docs/example.ts no longer validates — fix it:\n${validText.out}`,
    );
  }
  if (badText.code !== EXIT.invalid) throw new Error("docs: the broken example unexpectedly validates");
  return `## \`tenant validate\`

${fence(
  "text",
  `npx tenant validate --stack <name>            # checks stacks/<name>/
npx tenant validate --dir <path>              # checks any folder of that shape, e.g. a copy under review
npx tenant validate --stack <name> --format json`,
)}

Every file is read and checked against its schema on its own, then every cross-file rule runs over whatever did
parse, so one run reports **all** problems, each at its file, line and column. Nothing is changed.

### Exit codes

${table(
  ["Code", "Meaning"],
  [
    [String(EXIT.ok), "the definition is valid"],
    [String(EXIT.invalid), "the definition is invalid: at least one problem was printed"],
    [
      String(EXIT.usage),
      `the command line was wrong (unknown option, neither or both of \`--stack\`/\`--dir\`, no such folder)`,
    ],
  ],
)}

A usage error prints one line to standard error, e.g. \`${usageMessage()}\`.

### Text output

When the definition is valid, a one-screen summary: departments, users (the sum of headcounts), numbers assigned
and emergency locations, numbers per range, and seats demanded per SKU against the seats owned. For the worked
example (\`npx tenant validate --stack ${EXAMPLE_STACK}\`):

${fence("text", validText.out)}

When it is invalid, one line per problem, sorted by file and position, then a count. Each line reads
\`file:line:column: field.path: what is wrong — how to fix it\` (\`(file)\` as the path means the file as a whole;
\`header.<column>\` and \`row <n>\` are parts of a CSV file). For the example with a misspelt dial plan, a number
written with spaces and an unknown emergency location:

${fence("text", badText.out)}

### JSON output (\`--format json\`)

An object with \`valid\` (boolean) and \`errors\`: a list of \`{ "file", "line", "column", "path", "message" }\`, the
same problems as the text output (\`line\` and \`column\` are 1-based). When the definition is valid, \`errors\` is
empty and \`summary\` holds the figures of the text summary. Invalid:

${fence("json", badJson.out)}

Valid:

${fence("json", validJson.out)}`;
}

function fileErrorsSection(): string {
  const examples = fileErrorExamples();
  const entries = examples.map(({ case: c, output }) => {
    const input = c.input ? `In \`${c.input.file}\`:\n\n${fence(c.input.lang, c.input.text)}\n\n` : "";
    return `#### ${c.title}\n\nWhen ${c.when}\n\n${input}${fence("text", output.join("\n"))}`;
  });
  return `### File errors

Problems one file has on its own, found before any cross-file rule runs. A file with such a problem is left out of
the cross-file rules, but every other file is still checked. The examples below are what \`tenant validate\` prints
when the worked example is broken as shown.

${entries.join("\n\n")}`;
}

function ruleSection(rule: Rule): string {
  return `#### \`${rule.info.id}\`

${rule.info.summary}

${table(
  ["When", "Example message"],
  rule.info.errors.map((e) => [e.when, "`" + e.example.replace(/`/g, "'") + "`"]),
)}`;
}

function rulesSection(): string {
  return `### Cross-file rules

Checks that span fields or files, run in this order once every file has been read. Each rule tolerates files that
failed their schema, so their problems are reported together with the schema errors.

${RULES.map(ruleSection).join("\n\n")}`;
}

function checksSection(): string {
  const link = (id: string) => `[\`${id}\`](#${id})`;
  const rules = table(
    ["Rule", "Guarantees", "Errors"],
    RULES.map((r) => [link(r.info.id), r.info.summary, String(r.info.errors.length)]),
  );
  const references = table(
    ["Reference", "Must name", "Checked by", "The other direction"],
    REFERENCES.map((r) => [
      r.from,
      r.to,
      r.forwardRules.map(link).join(", "),
      r.backward + (r.backwardRules.length > 0 ? ` (${r.backwardRules.map(link).join(", ")})` : ""),
    ]),
  );
  return `## What validate checks

A value that Teams, Entra ID, Microsoft Graph or Azure Resource Manager would refuse is refused by
\`tenant validate\` first, naming the file, line and field, so a reviewed change never fails halfway through a
deployment. Each limit comes from Microsoft's documentation (the MicrosoftTeams cmdlet reference, Azure's resource
naming rules, the Graph and Entra pages) and is cited beside its check in \`src/config/schema/\` and
\`src/config/rules/\`; where Microsoft documents no limit, \`validate\` invents none.

- **One field at a time**: the *Type* column of the field tables above is exactly what is checked (it is generated
  from the schemas the loader uses). Beyond their shape, country codes must be officially assigned ISO 3166-1
  alpha-2 codes, and verified domains must fit a user principal name (labels of at most 63 characters, at most 48
  characters in all).
- **Names and tags Azure and Entra ID receive** (resource groups, virtual networks, budgets, group names, the
  \`department\` and \`costCenter\` tags) are built from ids the schemas restrict, never from free text, and cut to
  each resource type's length with a stable hash (\`src/naming.ts\`, \`src/tags.ts\`), so they always fit Azure's naming
  rules and tag limits (names up to 512 characters, values up to 256, at most 50 tags).
- **Across fields and files**: the rules below, listed under [Cross-file rules](#cross-file-rules) with every message
  they print.
- **References, in both directions**: every id or name one file uses to point at another, and what is checked from
  the other end.

${rules}

${references}`;
}

/** The reference, unformatted markdown, from the schemas, the worked example and the rule registry (read now). */
export function renderConfigReference(): string {
  const parts = [
    `# Configuration reference

<!-- Generated by \`${REGENERATE_DOCS}\` from src/config/schema/*.ts, src/config/rules/ and src/config/docs/; do not edit by hand. -->

A tenant definition is a folder of YAML and CSV files, reviewed in pull requests and checked by
\`npx tenant validate\`. This page lists every field of every file, what \`tenant validate\` prints, and every error
it can report.

- [Folder layout](#folder-layout)
- [\`tenant.yaml\`](#tenantyaml)
- [\`departments/<id>.yaml\`](#departmentsidyaml)
- [\`numbers/<id>.csv\`](#numbersidcsv)
- [\`numbers/released.csv\`](#numbersreleasedcsv)
- [\`tenant validate\`](#tenant-validate)
- [What validate checks](#what-validate-checks)
- [Errors](#errors)`,
    folderLayout(),
    tenantSection(),
    departmentSection(),
    numbersSection(),
    releasedSection(),
    validateSection(),
    checksSection(),
    `## Errors

Every problem is reported as \`file:line:column: field.path: what is wrong — how to fix it\`, pointing at the line
of YAML or CSV to change.`,
    fileErrorsSection(),
    rulesSection(),
  ];
  return parts.join("\n\n") + "\n";
}

/** Formats markdown with the repository's Prettier settings (in a child process: Prettier 3 is ESM inside). */
export function formatMarkdown(markdown: string, root = REPO_ROOT): string {
  const prettier = require.resolve("prettier/bin/prettier.cjs", { paths: [root] });
  return execFileSync(process.execPath, [prettier, "--stdin-filepath", join(root, CONFIG_REFERENCE_FILE)], {
    cwd: root,
    input: markdown,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The generated documentation files (path relative to the repository root) and their exact content. */
export function generateDocFiles(root = REPO_ROOT): Map<string, string> {
  return new Map([[CONFIG_REFERENCE_FILE, formatMarkdown(renderConfigReference(), root)]]);
}
