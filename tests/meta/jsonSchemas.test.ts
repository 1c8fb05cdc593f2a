import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import type { ValidateFunction } from "ajv";
import type { z } from "zod";
import {
  DEPARTMENT_SCHEMA_FILE,
  generateSchemaFiles,
  NUMBERS_ROW_SCHEMA_FILE,
  REGENERATE_SCHEMAS,
  SCHEMAS_DIR,
  staleFiles,
  TENANT_SCHEMA_FILE,
} from "../../src/config/jsonSchemas";
import { departmentSchema, numberAssignmentSchema, tenantSchema } from "../../src/config/schema";
import { parseYaml } from "../../src/config/yamlSource";
import { definitionYamlFiles, filesUnder, newAjv, REPO_ROOT, SCHEMA_LINE } from "./helpers/repoFiles";

const schemaPath = (file: string) => join(REPO_ROOT, SCHEMAS_DIR, file);
const ZOD: Record<string, z.ZodType> = {
  [TENANT_SCHEMA_FILE]: tenantSchema,
  [DEPARTMENT_SCHEMA_FILE]: departmentSchema,
  [NUMBERS_ROW_SCHEMA_FILE]: numberAssignmentSchema,
};

/** ajv validators compiled from the committed schema files (what editors use). */
const ajv = newAjv();
const validators: Record<string, ValidateFunction> = {};
for (const file of Object.keys(ZOD)) {
  validators[file] = ajv.compile(JSON.parse(readFileSync(schemaPath(file), "utf8")) as object);
}

function agree(schemaFile: string, data: unknown): { zod: boolean; ajv: boolean; detail: string } {
  const z = ZOD[schemaFile].safeParse(data);
  const validate = validators[schemaFile];
  const a = validate(data);
  return {
    zod: z.success,
    ajv: a,
    detail: `zod: ${z.success ? "valid" : JSON.stringify(z.error.issues.slice(0, 3))}; ajv: ${a ? "valid" : ajv.errorsText(validate.errors)}`,
  };
}

/** The schema a file must name, by where it sits in a definition folder. */
function expectedSchema(file: string): string | undefined {
  if (basename(file) === "tenant.yaml") return TENANT_SCHEMA_FILE;
  if (basename(dirname(file)) === "departments") return DEPARTMENT_SCHEMA_FILE;
  return undefined;
}

function schemaLineTarget(file: string): string | undefined {
  const first = readFileSync(join(REPO_ROOT, file), "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/, 1)[0];
  const m = SCHEMA_LINE.exec(first);
  return m ? resolve(REPO_ROOT, dirname(file), m[1]) : undefined;
}

describe("generated JSON Schemas (stacks/schemas/)", () => {
  test("the committed schemas equal freshly generated ones", () => {
    const stale = staleFiles(REPO_ROOT, generateSchemaFiles(REPO_ROOT));
    if (stale.length > 0) {
      throw new Error(
        `stale generated JSON Schemas: ${stale.join(", ")} — run \`${REGENERATE_SCHEMAS}\` (npx tenant schemas --write) and commit the result`,
      );
    }
  });

  test("each schema has an $id, a title and a description, and compiles as draft 2020-12", () => {
    for (const [path, text] of generateSchemaFiles(REPO_ROOT)) {
      const schema = JSON.parse(text) as Record<string, unknown>;
      expect({ path, $schema: schema.$schema }).toEqual({
        path,
        $schema: "https://json-schema.org/draft/2020-12/schema",
      });
      for (const key of ["$id", "title", "description"]) {
        expect({ path, key, ok: typeof schema[key] === "string" && schema[key] !== "" }).toEqual({
          path,
          key,
          ok: true,
        });
      }
      expect(() => newAjv().compile(schema)).not.toThrow();
    }
  });
});

describe("the `# yaml-language-server: $schema=…` line", () => {
  const files = definitionYamlFiles();

  test("there are definition files to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files)("%s starts with a $schema line naming an existing schema of its kind", (file) => {
    const target = schemaLineTarget(file);
    if (!target) {
      throw new Error(
        `${file}: the first line must be '# yaml-language-server: $schema=<relative path to ${SCHEMAS_DIR}/…>'`,
      );
    }
    if (!existsSync(target)) {
      throw new Error(`${file}: its $schema line names ${relative(REPO_ROOT, target)}, which does not exist`);
    }
    expect(relative(REPO_ROOT, dirname(target))).toBe(SCHEMAS_DIR);
    const expected = expectedSchema(file);
    if (expected) expect(`${file} → ${basename(target)}`).toBe(`${file} → ${expected}`);
  });
});

describe("the JSON Schemas accept exactly what zod accepts", () => {
  const yamlFiles = definitionYamlFiles().filter((f) => {
    const t = schemaLineTarget(f);
    return t !== undefined && ZOD[basename(t)] !== undefined;
  });

  test.each(yamlFiles)("%s: ajv and zod agree", (file) => {
    const parsed = parseYaml(file, readFileSync(join(REPO_ROOT, file), "utf8"));
    // No fixture here is meant to be broken YAML: one that does not parse fails, it is not skipped.
    if (!parsed.ok) throw new Error(`${file} does not parse: ${JSON.stringify(parsed.diagnostics)}`);
    const result = agree(basename(schemaLineTarget(file) ?? ""), parsed.source.data);
    expect({ file, agree: result.zod === result.ajv, detail: result.detail }).toMatchObject({
      file,
      agree: true,
    });
    // Every file under stacks/ is part of a real definition and must be valid.
    if (file.startsWith("stacks/"))
      expect({ file, valid: result.ajv, detail: result.detail }).toMatchObject({ valid: true });
  });

  const csvFiles = [
    ...filesUnder(join(REPO_ROOT, "stacks"), ".csv"),
    ...filesUnder(join(REPO_ROOT, "tests", "fixtures"), ".csv"),
  ].filter((f) => basename(dirname(f)) === "numbers");

  test.each(csvFiles)("%s: every row, as ajv and zod see it", (file) => {
    // No fixture here is meant to be broken CSV: a parse error fails the test, it is not skipped.
    const rows = parseCsv(readFileSync(join(REPO_ROOT, file), "utf8"), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const [i, row] of rows.entries()) {
      const result = agree(NUMBERS_ROW_SCHEMA_FILE, row);
      expect({ file, row: i + 2, agree: result.zod === result.ajv, detail: result.detail }).toMatchObject({
        agree: true,
      });
    }
  });

  const example = (name: string) =>
    parseYaml(name, readFileSync(join(REPO_ROOT, "tests/fixtures/minimal", name), "utf8"));
  const tenant = () => {
    const p = example("tenant.yaml");
    if (!p.ok) throw new Error("tests/fixtures/minimal/tenant.yaml does not parse");
    return structuredClone(p.source.data) as Record<string, Record<string, unknown>>;
  };
  const department = () => {
    const p = example("departments/culture.yaml");
    if (!p.ok) throw new Error("tests/fixtures/minimal/departments/culture.yaml does not parse");
    return structuredClone(p.source.data) as Record<string, unknown>;
  };
  const row = {
    userPrincipalName: "ana@villa.example",
    number: "+34915550001",
    emergencyLocation: "p0",
    category: "primary",
  };

  const cases: [string, string, () => unknown, boolean][] = [
    ["the minimal tenant", TENANT_SCHEMA_FILE, tenant, true],
    [
      "a tenant with an unknown top-level key",
      TENANT_SCHEMA_FILE,
      () => ({ ...tenant(), organisation: {} }),
      false,
    ],
    [
      "a tenant with an unknown nested key",
      TENANT_SCHEMA_FILE,
      () => {
        const t = tenant();
        t.organization.tenantID = "x";
        return t;
      },
      false,
    ],
    [
      "a tenant without organization",
      TENANT_SCHEMA_FILE,
      () => {
        const t = tenant();
        delete (t as Record<string, unknown>).organization;
        return t;
      },
      false,
    ],
    [
      "a log retention below its minimum",
      TENANT_SCHEMA_FILE,
      () => {
        const t = tenant();
        t.landingZone.logRetentionDays = 7;
        return t;
      },
      false,
    ],
    [
      "a non-integer log retention",
      TENANT_SCHEMA_FILE,
      () => {
        const t = tenant();
        t.landingZone.logRetentionDays = 90.5;
        return t;
      },
      false,
    ],
    ["the minimal department", DEPARTMENT_SCHEMA_FILE, department, true],
    [
      "a department with a typo'd key",
      DEPARTMENT_SCHEMA_FILE,
      () => ({ ...department(), headcont: 3 }),
      false,
    ],
    [
      "a malformed CIDR",
      DEPARTMENT_SCHEMA_FILE,
      () => ({ ...department(), network: { addressSpace: "10.1.0.0" } }),
      false,
    ],
    ["a kind outside the enum", DEPARTMENT_SCHEMA_FILE, () => ({ ...department(), kind: "city" }), false],
    [
      "a zero budget",
      DEPARTMENT_SCHEMA_FILE,
      () => ({ ...department(), budget: { monthlyAmount: 0, contacts: ["a@b.example"] } }),
      false,
    ],
    [
      "a raw membership rule",
      DEPARTMENT_SCHEMA_FILE,
      () => ({ ...department(), membership: { rule: '(user.city -eq "X")' } }),
      true,
    ],
    [
      "a membership in neither form",
      DEPARTMENT_SCHEMA_FILE,
      () => ({ ...department(), membership: { attribute: "city" } }),
      false,
    ],
    ["a good numbers row", NUMBERS_ROW_SCHEMA_FILE, () => row, true],
    ["a row with an extra column", NUMBERS_ROW_SCHEMA_FILE, () => ({ ...row, extension: "1" }), false],
    [
      "a row with a spaced number",
      NUMBERS_ROW_SCHEMA_FILE,
      () => ({ ...row, number: "+34 915 550 001" }),
      false,
    ],
    ["a row with an unknown category", NUMBERS_ROW_SCHEMA_FILE, () => ({ ...row, category: "main" }), false],
  ];

  test.each(cases)("%s: both %s validators agree", (_name, schema, data, valid) => {
    const result = agree(schema, data());
    expect({ zod: result.zod, ajv: result.ajv, detail: result.detail }).toMatchObject({
      zod: valid,
      ajv: valid,
    });
  });
});
