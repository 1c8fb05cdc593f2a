import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { departmentSchema } from "./schema/department";
import { NUMBER_COLUMNS, numberAssignmentSchema } from "./schema/numbers";
import { tenantSchema } from "./schema/tenant";

/**
 * The JSON Schemas in `stacks/schemas/`, generated from the zod schemas (the one source of truth) so editors can
 * check a definition as it is typed (`# yaml-language-server: $schema=…`). Regenerate with `npm run gen:schemas`.
 */

/** The repository root: where package.json, Pulumi.yaml and stacks/ live. */
export const REPO_ROOT = resolve(__dirname, "..", "..");
/** Where the generated schemas are written, relative to the repository root. */
export const SCHEMAS_DIR = "stacks/schemas";
export const REGENERATE_SCHEMAS = "npm run gen:schemas";

export const TENANT_SCHEMA_FILE = "tenant.schema.json";
export const DEPARTMENT_SCHEMA_FILE = "department.schema.json";
export const NUMBERS_ROW_SCHEMA_FILE = "numbers-row.schema.json";
export const PULUMI_STACK_SCHEMA_FILE = "pulumi-stack.schema.json";

type JsonSchema = Record<string, unknown>;

const GENERATED = `Generated from src/config/schema/*.ts by \`${REGENERATE_SCHEMAS}\`; do not edit by hand.`;

/** A zod schema as draft 2020-12 JSON Schema of what may be *written* (defaults make fields optional). */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" }) as JsonSchema;
}

function withHeader(
  name: string,
  title: string,
  description: string,
  body: JsonSchema,
  comment = GENERATED,
): JsonSchema {
  const rest = Object.fromEntries(
    Object.entries(body).filter(([k]) => !["$schema", "$id", "title", "description"].includes(k)),
  );
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `urn:tenant-provisioning:schema:${name.replace(/\.schema\.json$/, "")}`,
    $comment: comment,
    title,
    description,
    ...rest,
  };
}

export function tenantJsonSchema(): JsonSchema {
  return withHeader(
    TENANT_SCHEMA_FILE,
    "stacks/<stack>/tenant.yaml",
    tenantSchema.description ?? "The tenant-wide definition.",
    toJsonSchema(tenantSchema),
  );
}

export function departmentJsonSchema(): JsonSchema {
  return withHeader(
    DEPARTMENT_SCHEMA_FILE,
    "stacks/<stack>/departments/<id>.yaml",
    departmentSchema.description ?? "One department.",
    toJsonSchema(departmentSchema),
  );
}

export function numbersRowJsonSchema(): JsonSchema {
  return withHeader(
    NUMBERS_ROW_SCHEMA_FILE,
    "One row of stacks/<stack>/numbers/<department>.csv",
    "One phone-number assignment: a data row of a numbers CSV file, as an object keyed by the header's column " +
      `names. The file's first line must name exactly these columns: ${NUMBER_COLUMNS.join(",")}. Every value is ` +
      "text (surrounding spaces are ignored). Editors cannot apply this schema to a CSV file; the toolkit and its " +
      "tests validate each row with it.",
    toJsonSchema(numberAssignmentSchema),
  );
}

/** The `config` block of Pulumi.yaml, as far as the stack schema needs it. */
export interface ProjectConfigDeclaration {
  type?: string;
  items?: { type?: string };
  description?: string;
  secret?: boolean;
}

export interface PulumiProject {
  name: string;
  config: Record<string, ProjectConfigDeclaration>;
}

export function readPulumiProject(root = REPO_ROOT): PulumiProject {
  const path = join(root, "Pulumi.yaml");
  const doc = (existsSync(path) ? parseYaml(readFileSync(path, "utf8")) : {}) as {
    name?: unknown;
    config?: unknown;
  };
  const config =
    doc.config !== null && typeof doc.config === "object" && !Array.isArray(doc.config)
      ? (doc.config as Record<string, ProjectConfigDeclaration>)
      : {};
  return { name: typeof doc.name === "string" ? doc.name : "tenant", config };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function pulumiValueSchema(decl: ProjectConfigDeclaration): JsonSchema {
  const simple = (type: string | undefined): JsonSchema =>
    type === "string" || type === "integer" || type === "boolean" ? { type } : {};
  if (decl.type === "array") return { type: "array", items: simple(decl.items?.type) };
  return simple(decl.type);
}

/**
 * Schema of `stacks/Pulumi.<stack>.yaml`. Pulumi publishes none (see vendor/reference/pulumi/README.md); this
 * one allows exactly the keys of Pulumi's `ProjectStack`, requires every config key to be namespaced
 * (`<namespace>:<key>`), and lets the project's own namespace use only the keys Pulumi.yaml declares.
 */
export function pulumiStackJsonSchema(project: PulumiProject = readPulumiProject()): JsonSchema {
  const ns = project.name;
  const declared = Object.keys(project.config)
    .filter((k) => !k.includes(":"))
    .sort();
  const properties: Record<string, JsonSchema> = {};
  for (const key of declared) {
    const decl = project.config[key];
    properties[`${ns}:${key}`] = {
      description: decl.description ?? `Declared in Pulumi.yaml.`,
      anyOf: [pulumiValueSchema(decl), { $ref: "#/$defs/secureValue" }],
    };
  }
  return withHeader(
    PULUMI_STACK_SCHEMA_FILE,
    "stacks/Pulumi.<stack>.yaml",
    "Pulumi stack settings. Keys are those of Pulumi's ProjectStack; every config key is namespaced, and keys in " +
      `the project's namespace (\`${ns}:\`) must be declared in Pulumi.yaml's config block.`,
    {
      type: "object",
      properties: {
        secretsprovider: { type: "string", description: "This stack's secrets provider." },
        encryptedkey: {
          type: "string",
          description: "KMS-encrypted data key (cloud secrets providers only).",
        },
        encryptionsalt: {
          type: "string",
          description: "Base64 salt (passphrase secrets provider only).",
        },
        config: {
          type: "object",
          description: `Configuration values: \`<namespace>:<key>\`, e.g. \`azure-native:location\` or \`${ns}:${declared[0] ?? "key"}\`.`,
          propertyNames: {
            anyOf: [
              { enum: declared.map((k) => `${ns}:${k}`) },
              { pattern: `^(?!${escapeRegex(ns)}:)[A-Za-z0-9][A-Za-z0-9_.-]*:[^:\\s]+$` },
            ],
          },
          properties,
          additionalProperties: {
            description:
              "Any value; an object with `secure` is a secret and must be exactly `{secure: <ciphertext>}`.",
            if: { type: "object", properties: { secure: true }, required: ["secure"] },
            then: { $ref: "#/$defs/secureValue" },
          },
        },
        environment: {
          description: "Pulumi ESC environment(s) to import.",
          anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }],
        },
      },
      additionalProperties: false,
      $defs: {
        secureValue: {
          description: "A secret: ciphertext written by `pulumi config set --secret`.",
          type: "object",
          properties: { secure: { type: "string" } },
          required: ["secure"],
          additionalProperties: false,
        },
      },
    },
    `Generated from Pulumi.yaml's config block by \`${REGENERATE_SCHEMAS}\`; do not edit by hand.`,
  );
}

/** Every generated schema file (path relative to the repository root) and its exact content. */
export function generateSchemaFiles(root = REPO_ROOT): Map<string, string> {
  const files = new Map<string, string>();
  const put = (name: string, schema: JsonSchema) =>
    files.set(`${SCHEMAS_DIR}/${name}`, JSON.stringify(schema, null, 2) + "\n");
  put(TENANT_SCHEMA_FILE, tenantJsonSchema());
  put(DEPARTMENT_SCHEMA_FILE, departmentJsonSchema());
  put(NUMBERS_ROW_SCHEMA_FILE, numbersRowJsonSchema());
  put(PULUMI_STACK_SCHEMA_FILE, pulumiStackJsonSchema(readPulumiProject(root)));
  return files;
}

/** Files (relative paths) whose content on disk under `root` differs from `expected`, or that are missing. */
export function staleFiles(root: string, expected: Map<string, string>): string[] {
  const stale: string[] = [];
  for (const [path, content] of expected) {
    const full = join(root, path);
    if (!existsSync(full) || readFileSync(full, "utf8") !== content) stale.push(path);
  }
  return stale;
}
