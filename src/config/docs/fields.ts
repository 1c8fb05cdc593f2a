import { z } from "zod";

/** A JSON Schema node, as z.toJSONSchema writes it. */
export interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  [PATTERN_WORDS]?: string;
}

/** One row of a field table: `landingZone.hub.subnets[].addressPrefix`, its type in words, and so on. */
export interface FieldRow {
  path: string;
  type: string;
  /** "required", "optional", "default `[]`", or the same qualified by a form of a union. */
  presence: string;
  description: string;
  /** Depth below the table's root, for readers skimming the table. */
  depth: number;
}

/** Key under which {@link docJsonSchema} records a pattern's meaning in words (docs only, never published). */
export const PATTERN_WORDS = "x-pattern-words";

/**
 * A zod schema as JSON Schema for the docs: the published JSON Schema plus, on every node with a `.regex()`
 * check, the message that check carries (its meaning in words), under {@link PATTERN_WORDS}.
 */
export function docJsonSchema(schema: z.ZodType): SchemaNode {
  return z.toJSONSchema(schema, {
    io: "input",
    target: "draft-2020-12",
    override: (ctx) => {
      const def = ctx.zodSchema._zod.def as unknown as { checks?: z.core.$ZodCheck[] };
      const said: string[] = [];
      for (const check of def.checks ?? []) {
        const c = check._zod.def as unknown as { format?: string; error?: () => unknown };
        if (c.format === "regex" && typeof c.error === "function") {
          const message = c.error();
          if (typeof message === "string") said.push(message);
        }
      }
      if (said.length > 0) (ctx.jsonSchema as Record<string, unknown>)[PATTERN_WORDS] = said.join("; ");
    },
  }) as SchemaNode;
}

const code = (v: unknown) => "`" + (typeof v === "string" ? v : JSON.stringify(v)) + "`";
const isInt = (n: number | undefined): n is number =>
  n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER;

function range(lo: string | undefined, hi: string | undefined, unit = "", one = unit): string {
  const u = (n: string) => (n === "1" ? one : unit);
  if (lo !== undefined && hi !== undefined)
    return lo === hi ? `exactly ${lo}${u(lo)}` : `${lo} to ${hi}${unit}`;
  if (lo !== undefined) return `at least ${lo}${u(lo)}`;
  if (hi !== undefined) return `at most ${hi}${u(hi)}`;
  return "";
}

const joinOr = (parts: string[]) =>
  parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} or ${parts[parts.length - 1]}`;

/** A schema node's type in words: "text: must be an IPv4 CIDR block…", "whole number, 30 to 730", "list of …". */
export function typeInWords(node: SchemaNode): string {
  if (node.enum) return `one of ${joinOr(node.enum.map(code))}`;
  if (node.anyOf) {
    const forms = node.anyOf.map((o, i) =>
      o.properties
        ? `form ${i + 1}: a mapping of ${Object.keys(o.properties).map(code).join(", ")}`
        : typeInWords(o),
    );
    return `either ${joinOr(forms)}`;
  }
  switch (node.type) {
    case "string": {
      const parts: string[] = [];
      if (node.pattern !== undefined) {
        parts.push(node[PATTERN_WORDS] ?? `matching the pattern ${code(node.pattern)}`);
      }
      const lo = node.minLength === 1 ? undefined : node.minLength;
      const length = range(lo?.toString(), node.maxLength?.toString(), " characters", " character");
      if (length) parts.push(length);
      if (node.minLength === 1) parts.push("not empty");
      return parts.length > 0 ? `text: ${parts.join(", ")}` : "text";
    }
    case "integer":
    case "number": {
      const kind = node.type === "integer" ? "whole number" : "number";
      const lo = isInt(node.minimum) ? String(node.minimum) : undefined;
      const hi = isInt(node.maximum) ? String(node.maximum) : undefined;
      const bits = [range(lo, hi)];
      if (node.exclusiveMinimum !== undefined) bits.push(`greater than ${node.exclusiveMinimum}`);
      if (node.exclusiveMaximum !== undefined) bits.push(`less than ${node.exclusiveMaximum}`);
      return [kind, ...bits.filter(Boolean)].join(", ");
    }
    case "boolean":
      return "`true` or `false`";
    case "array": {
      const count = range(node.minItems?.toString(), node.maxItems?.toString(), " entries", " entry");
      const of = node.items
        ? node.items.properties
          ? "mappings (fields below)"
          : typeInWords(node.items)
        : "values";
      return `list of ${of}${count ? ` (${count})` : ""}`;
    }
    case "object":
      return "mapping (fields below)";
    default:
      return "any value";
  }
}

function presence(required: boolean, node: SchemaNode, form: string): string {
  const d = node.default;
  const base =
    d === undefined
      ? required
        ? "required"
        : "optional"
      : d !== null && typeof d === "object" && !Array.isArray(d) && Object.keys(d).length > 0
        ? "optional (its fields take their defaults)"
        : `default ${code(d)}`;
  return form ? `${base} (${form})` : base;
}

/**
 * Every field below `node`, depth first, as `a.b[].c` paths. Lists of mappings continue with `[]`; a union of
 * mappings (such as a department's `membership`) lists each form's fields, marked with the form they belong to.
 */
export function fieldRows(node: SchemaNode, prefix = "", depth = 0, form = ""): FieldRow[] {
  const rows: FieldRow[] = [];
  const required = new Set(node.required ?? []);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    rows.push({
      path,
      type: typeInWords(child),
      presence: presence(required.has(key), child, form),
      description: child.description ?? "",
      depth,
    });
    rows.push(...childRows(child, path, depth + 1));
  }
  return rows;
}

function childRows(child: SchemaNode, path: string, depth: number): FieldRow[] {
  if (child.properties) return fieldRows(child, path, depth);
  if (child.items) return childRows(child.items, `${path}[]`, depth);
  if (child.anyOf) {
    return child.anyOf.flatMap((option, i) =>
      option.properties ? fieldRows(option, path, depth, `form ${i + 1}`) : [],
    );
  }
  return [];
}

/** Paths of fields that have no description (nothing said by `.describe()` on the field or its type). */
export function fieldsWithoutDescription(node: SchemaNode): string[] {
  return fieldRows(node)
    .filter((r) => r.description.trim() === "")
    .map((r) => r.path);
}
