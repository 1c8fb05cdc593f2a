import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import { PULUMI_STACK_SCHEMA_FILE, readPulumiProject, SCHEMAS_DIR } from "../../src/config/jsonSchemas";
import { newAjv, REPO_ROOT } from "./helpers/repoFiles";

/** Pulumi's own project-file schema, vendored with its provenance (vendor/reference/pulumi/README.md). */
const PROJECT_SCHEMA = join(REPO_ROOT, "vendor", "reference", "pulumi", "project.json");
const STACK_KEYS = ["secretsprovider", "encryptedkey", "encryptionsalt", "config", "environment"];

interface ConfigDecl {
  type?: string;
  items?: { type?: string };
  default?: unknown;
  value?: unknown;
}

const project = parseYaml(readFileSync(join(REPO_ROOT, "Pulumi.yaml"), "utf8")) as {
  name: string;
  main?: string;
  stackConfigDir?: string;
  config?: Record<string, ConfigDecl | string | number | boolean>;
};

function matchesType(value: unknown, type: string | undefined, items?: { type?: string }): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value) && value.every((v) => matchesType(v, items?.type));
    default:
      return true;
  }
}

describe("Pulumi.yaml", () => {
  test("validates against Pulumi's project schema (vendor/reference/pulumi/project.json)", () => {
    if (!existsSync(PROJECT_SCHEMA)) {
      throw new Error(
        `Pulumi's project schema is missing at ${PROJECT_SCHEMA} — restore it from vendor/reference/pulumi/README.md`,
      );
    }
    const ajv = newAjv(false);
    const validate = ajv.compile(JSON.parse(readFileSync(PROJECT_SCHEMA, "utf8")) as object);
    if (!validate(project)) throw new Error(`Pulumi.yaml is invalid: ${ajv.errorsText(validate.errors)}`);
    expect(typeof project.name === "string" && project.name.trim() !== "").toBe(true);
  });

  describe("config declarations follow the rules the Pulumi CLI adds to the schema", () => {
    const decls = Object.entries(project.config ?? {}).filter(
      (e): e is [string, ConfigDecl] => e[1] !== null && typeof e[1] === "object",
    );

    test.each(decls)("%s", (key, decl) => {
      expect({ key, defaultAndValue: "default" in decl && "value" in decl }).toEqual({
        key,
        defaultAndValue: false,
      });
      if (decl.type === "array")
        expect({ key, items: decl.items !== undefined }).toEqual({ key, items: true });
      // The engine refuses a stack that lacks a typed key without a default ("missing configuration value").
      expect({ key, optional: "default" in decl || "value" in decl }).toEqual({ key, optional: true });
      if ("default" in decl) {
        expect({ key, defaultMatchesType: matchesType(decl.default, decl.type, decl.items) }).toEqual({
          key,
          defaultMatchesType: true,
        });
      }
    });
  });

  test("main exists", () => {
    const main = project.main ?? ".";
    expect({ main, exists: existsSync(join(REPO_ROOT, main)) }).toEqual({ main, exists: true });
  });

  test("stackConfigDir exists and is a folder", () => {
    const dir = project.stackConfigDir ?? ".";
    const full = join(REPO_ROOT, dir);
    expect({ dir, folder: existsSync(full) && statSync(full).isDirectory() }).toEqual({ dir, folder: true });
  });
});

describe("stack files (stacks/Pulumi.<stack>.yaml)", () => {
  const stackDir = join(REPO_ROOT, project.stackConfigDir ?? ".");
  const stackFiles = readdirSync(stackDir)
    .filter((n) => /^Pulumi\.[^.]+\.ya?ml$/.test(n))
    .map((n) => relative(REPO_ROOT, join(stackDir, n)));
  const ajv = newAjv();
  const validate = ajv.compile(
    JSON.parse(readFileSync(join(REPO_ROOT, SCHEMAS_DIR, PULUMI_STACK_SCHEMA_FILE), "utf8")) as object,
  );
  const { name, config } = readPulumiProject(REPO_ROOT);

  test("there is at least one stack file", () => {
    expect(stackFiles.length).toBeGreaterThan(0);
  });

  test.each(stackFiles)(`%s validates against ${SCHEMAS_DIR}/${PULUMI_STACK_SCHEMA_FILE}`, (file) => {
    const doc = parseYaml(readFileSync(join(REPO_ROOT, file), "utf8")) as Record<string, unknown>;
    if (!validate(doc)) throw new Error(`${file}: ${ajv.errorsText(validate.errors)}`);
    // The same rules, said plainly, so a failure names the key.
    expect(Object.keys(doc).filter((k) => !STACK_KEYS.includes(k))).toEqual([]);
    const keys = Object.keys((doc.config ?? {}) as object);
    expect(keys.filter((k) => !/^[^:]+:[^:]+$/.test(k))).toEqual([]);
    expect(keys.filter((k) => k.startsWith(`${name}:`) && !(k.slice(name.length + 1) in config))).toEqual([]);
  });

  const cases: [string, unknown, boolean][] = [
    [
      "only config, namespaced",
      { config: { "azure-native:location": "spaincentral", [`${name}:definition`]: "example" } },
      true,
    ],
    ["a secret value", { config: { "azure-native:clientSecret": { secure: "v1:abc" } } }, true],
    [
      "every allowed top-level key",
      {
        secretsprovider: "passphrase",
        encryptionsalt: "v1:x",
        encryptedkey: "k",
        environment: ["a"],
        config: {},
      },
      true,
    ],
    ["an unknown top-level key", { stacks: {} }, false],
    ["an un-namespaced config key", { config: { location: "spaincentral" } }, false],
    ["an undeclared project key", { config: { [`${name}:definiton`]: "example" } }, false],
    ["a malformed secret", { config: { "azure-native:clientSecret": { secure: 1 } } }, false],
  ];
  test.each(cases)("the stack schema: %s", (_name, doc, valid) => {
    expect(validate(doc)).toBe(valid);
  });
});
