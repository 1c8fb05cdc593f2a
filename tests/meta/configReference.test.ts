import { docJsonSchema, fieldRows, fieldsWithoutDescription } from "../../src/config/docs/fields";
import { FILE_ERROR_CASES } from "../../src/config/docs/fileErrors";
import { CONFIG_REFERENCE_FILE, generateDocFiles, REGENERATE_DOCS } from "../../src/config/docs/reference";
import { staleFiles } from "../../src/config/jsonSchemas";
import { RULES } from "../../src/config/rules";
import { departmentSchema, numberAssignmentSchema, tenantSchema } from "../../src/config/schema";
import { REPO_ROOT } from "./helpers/repoFiles";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const SCHEMAS = {
  "tenant.yaml (src/config/schema/tenant.ts and the files it imports)": tenantSchema,
  "departments/<id>.yaml (src/config/schema/department.ts)": departmentSchema,
  "numbers/<id>.csv (src/config/schema/numbers.ts)": numberAssignmentSchema,
};

describe("schema descriptions", () => {
  test.each(Object.entries(SCHEMAS))("every field of %s has a .describe() text", (name, schema) => {
    const missing = fieldsWithoutDescription(docJsonSchema(schema));
    if (missing.length > 0) {
      throw new Error(
        `fields of ${name} without a description — add .describe("…") to each:\n  ${missing.join("\n  ")}`,
      );
    }
  });
});

describe(CONFIG_REFERENCE_FILE, () => {
  const committed = () => readFileSync(join(REPO_ROOT, CONFIG_REFERENCE_FILE), "utf8");

  test("is what the generator writes now (schemas, worked example, rule registry)", () => {
    const stale = staleFiles(REPO_ROOT, generateDocFiles(REPO_ROOT));
    if (stale.length > 0) {
      throw new Error(
        `${CONFIG_REFERENCE_FILE} is stale — run \`${REGENERATE_DOCS}\` (npx tenant docs --write) and commit the result`,
      );
    }
  });

  test("documents every field path of every file", () => {
    const doc = committed();
    const paths = Object.values(SCHEMAS).flatMap((s) => fieldRows(docJsonSchema(s)).map((r) => r.path));
    expect(paths.filter((p) => !doc.includes("`" + p + "`"))).toEqual([]);
  });

  test("documents every cross-file rule in RULES (each with its errors' when and example, see the generator)", () => {
    const doc = committed();
    expect(RULES.map((r) => r.info.id).filter((id) => !doc.includes("#### `" + id + "`"))).toEqual([]);
  });

  test("documents every file-level error case, the folder layout and the validate output", () => {
    const doc = committed();
    const headings = [
      ...FILE_ERROR_CASES.map((c) => `#### ${c.title}`),
      "## Folder layout",
      "### Exit codes",
      "### JSON output",
      "# yaml-language-server: $schema=../schemas/tenant.schema.json",
      "Pulumi.<stack>.yaml",
    ];
    expect(headings.filter((h) => !doc.includes(h))).toEqual([]);
  });
});
