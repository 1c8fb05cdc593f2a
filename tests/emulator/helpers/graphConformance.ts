import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/**
 * Checks JSON against Microsoft's Graph v1.0 metadata (vendor/reference/microsoft-graph/graph-v1-subset.json): every
 * property is declared on the type (or a base type), values have the declared EDM type, enum members are
 * spelt as in the CSDL, and non-nullable properties are not null. Both ways: what must be there is there too
 * (`requiredProperties`), so `{}` conforms to nothing that has required properties:
 * - with `$select`, exactly the selected properties must be there (Graph omits every other one, so nothing
 *   else can be required);
 * - without it, an entity Graph documents a default property set for (user) must carry that whole set, null
 *   values included; any other type must carry every property the CSDL marks Nullable="false" (an entity's
 *   `id` among them, from `entity`), plus what Graph's documentation says is always returned where the CSDL
 *   leaves it nullable (the error body).
 */
interface PropDef {
  type: string;
  nullable?: boolean;
}
interface TypeDef {
  kind: "EntityType" | "ComplexType" | "EnumType";
  baseType?: string;
  openType?: boolean;
  properties?: { name: string; type: string; nullable: boolean }[];
  otherProperties?: Record<string, string>;
  members?: { name: string }[];
}

export const SUBSET_PATH = resolve(
  __dirname,
  "..",
  "..",
  "..",
  "vendor",
  "reference",
  "microsoft-graph",
  "graph-v1-subset.json",
);

/** Conditional access, named locations and administrative units (issue #16), made by scripts/graph-subset. */
export const IDENTITY_SUBSET_PATH = resolve(SUBSET_PATH, "..", "graph-v1-identity-subset.json");

const readTypes = (path: string) =>
  (JSON.parse(readFileSync(path, "utf8")) as { types: Record<string, TypeDef> }).types;
// Both come from the same CSDL commit; a type in both is identical (the identity subset's base types).
const types: Record<string, TypeDef> = { ...readTypes(IDENTITY_SUBSET_PATH), ...readTypes(SUBSET_PATH) };

function declared(typeName: string): Map<string, PropDef> {
  const out = new Map<string, PropDef>();
  for (let t: string | undefined = typeName; t; t = types[t]?.baseType) {
    const def = types[t];
    if (!def) throw new Error(`type ${t} is not in graph-v1-subset.json`);
    for (const p of def.properties ?? [])
      if (!out.has(p.name)) out.set(p.name, { type: p.type, nullable: p.nullable });
    for (const [name, type] of Object.entries(def.otherProperties ?? {}))
      if (!out.has(name)) out.set(name, { type });
  }
  return out;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

function derivesFrom(type: string, base: string): boolean {
  for (let t: string | undefined = type; t; t = types[t]?.baseType) if (t === base) return true;
  return false;
}

function checkValue(type: string, value: unknown, path: string, problems: string[]): void {
  const coll = /^Collection\((.+)\)$/.exec(type);
  if (coll) {
    if (!Array.isArray(value)) return void problems.push(`${path}: expected an array for ${type}`);
    value.forEach((v, i) => {
      if (v === null) problems.push(`${path}[${i}]: null element in ${type}`);
      else checkValue(coll[1], v, `${path}[${i}]`, problems);
    });
    return;
  }
  const ok = (cond: boolean, what: string) => {
    if (!cond) problems.push(`${path}: ${JSON.stringify(value)} is not ${what} (${type})`);
  };
  switch (type) {
    case "Edm.String":
      return ok(typeof value === "string", "a string");
    case "Edm.Guid":
      return ok(typeof value === "string" && GUID.test(value), "a GUID");
    case "Edm.Int32":
      return ok(Number.isInteger(value) && Math.abs(value as number) < 2 ** 31, "an Int32");
    case "Edm.Boolean":
      return ok(typeof value === "boolean", "a boolean");
    case "Edm.DateTimeOffset":
      return ok(typeof value === "string" && DATETIME.test(value), "a DateTimeOffset");
  }
  const def = types[type];
  if (!def) {
    // Declared on the type but outside the subset (e.g. onPremisesExtensionAttributes): only its kind is known.
    return ok(typeof value === "object" && value !== null, "an object");
  }
  if (def.kind === "EnumType")
    return ok(
      def.members!.some((m) => m.name === value),
      `a member of ${type}`,
    );
  if (typeof value !== "object" || value === null || Array.isArray(value)) return ok(false, "an object");
  // A value of a derived type says so with @odata.type (ipRanges holds iPv4CidrRange values of abstract ipRange).
  const named = (value as Record<string, unknown>)["@odata.type"];
  const actual = typeof named === "string" ? named.replace(/^#/, "") : type;
  if (!derivesFrom(actual, type))
    return void problems.push(`${path}: @odata.type ${actual} is not ${type} or a type derived from it`);
  problems.push(...conformance(actual, value as Record<string, unknown>, path));
}

export interface ConformanceOptions {
  /** Properties the request selected: each must be present (null only where nullable), and only those. */
  selected?: readonly string[];
}

/**
 * Entities whose GET without `$select` returns a documented default set rather than every property.
 * user-list.md (microsoftgraph/microsoft-graph-docs-contrib, api-reference/v1.0/api/user-list.md @
 * 008316a3480bf8069254a9535f5f61b0e6600f6b): "By default, only a limited set of properties are returned
 * (businessPhones, displayName, givenName, id, jobTitle, mail, mobilePhone, officeLocation, preferredLanguage,
 * surname, and userPrincipalName)"; the example shows them with null values, so present even when null.
 */
const DEFAULT_SETS: Record<string, readonly string[]> = {
  "microsoft.graph.user": [
    "businessPhones",
    "displayName",
    "givenName",
    "id",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
  ],
};

/**
 * Properties the CSDL leaves nullable but Graph's documentation says are always there. errors.md
 * (microsoftgraph/microsoft-graph-docs-contrib, concepts/errors.md @ 02b4cba04d0426b41fe35819922b100050c5c441):
 * "The error response is a single JSON object that contains a single property named error", and the
 * odata.error resource lists only target, details and innererror as optional, so code and message are required.
 */
const ALWAYS_RETURNED: Record<string, readonly string[]> = {
  "microsoft.graph.publicErrorResponse": ["error"],
  "microsoft.graph.publicError": ["code", "message"],
};

/** Properties that must be present on an object of the type, per the CSDL, Graph's documents and the request. */
export function requiredProperties(typeName: string, opts: ConformanceOptions = {}): string[] {
  if (opts.selected) return [...new Set(opts.selected)].sort();
  const defaults = DEFAULT_SETS[typeName];
  if (defaults) return [...defaults].sort();
  const required = new Set<string>(ALWAYS_RETURNED[typeName] ?? []);
  for (const [name, def] of declared(typeName)) if (def.nullable === false) required.add(name);
  return [...required].sort();
}

/** Problems found in one object of a Graph type (empty when it conforms). */
export function conformance(
  typeName: string,
  obj: Record<string, unknown>,
  path = typeName,
  opts: ConformanceOptions = {},
): string[] {
  const problems: string[] = [];
  const props = declared(typeName);
  for (const name of requiredProperties(typeName, opts)) {
    if (!(name in obj)) problems.push(`${path}.${name}: missing (required by ${typeName})`);
  }
  const open = types[typeName].openType === true;
  const selected = opts.selected ? new Set(opts.selected) : undefined;
  for (const [key, value] of Object.entries(obj)) {
    if (key.startsWith("@odata.")) continue;
    if (selected && !selected.has(key)) problems.push(`${path}.${key}: returned but not selected`);
    const def = props.get(key);
    if (!def) {
      // Open complex types (publicInnerError) may carry anything; entities must not invent properties.
      if (!(open && types[typeName].kind === "ComplexType"))
        problems.push(`${path}.${key}: not a property of ${typeName}`);
      continue;
    }
    if (value === null) {
      if (def.nullable === false)
        problems.push(`${path}.${key}: null, but ${typeName}.${key} is not nullable`);
      continue;
    }
    checkValue(def.type, value, `${path}.${key}`, problems);
  }
  return problems;
}

/** Names of the type's declared properties with the nullability the CSDL records. */
export function declaredProperties(typeName: string): string[] {
  return [...declared(typeName).keys()];
}

interface OperationDef {
  kind: "Action" | "Function";
  name: string;
  namespace: string;
  qualifiedName: string;
  parameters: { name: string; type: string; nullable: boolean }[];
  http: string[];
  httpQualified: string[];
}

const subset = JSON.parse(readFileSync(SUBSET_PATH, "utf8")) as {
  operations: OperationDef[];
  entityPaths: Record<string, { collection?: string[]; single?: string[] }>;
};

/** Operations of a namespace (e.g. `microsoft.graph.teamsAdministration`) as the CSDL declares them. */
export function operationsOf(namespace: string): OperationDef[] {
  return subset.operations.filter((o) => o.namespace === namespace);
}

/** Entity paths (collection and single) of the types in a namespace, e.g. `/admin/teams/userConfigurations`. */
export function entityPathsOf(namespace: string): { type: string; path: string }[] {
  return Object.entries(subset.entityPaths)
    .filter(([type]) => type.startsWith(`${namespace}.`))
    .flatMap(([type, p]) => [...(p.collection ?? []), ...(p.single ?? [])].map((path) => ({ type, path })));
}

/**
 * Problems of an action's request payload against its CSDL parameters: unknown names, missing or null
 * non-nullable parameters, values of the wrong type (enum members in CSDL casing).
 */
export function actionPayloadConformance(qualifiedName: string, body: Record<string, unknown>): string[] {
  const op = subset.operations.find((o) => o.qualifiedName === qualifiedName && o.kind === "Action");
  if (!op) throw new Error(`operation ${qualifiedName} is not in graph-v1-subset.json`);
  const problems: string[] = [];
  const params = new Map(op.parameters.map((p) => [p.name, p]));
  for (const [key, value] of Object.entries(body)) {
    const p = params.get(key);
    if (!p) {
      problems.push(`${op.name}.${key}: not a parameter of ${qualifiedName}`);
      continue;
    }
    if (value === null) {
      if (!p.nullable) problems.push(`${op.name}.${key}: null, but the parameter is not nullable`);
      continue;
    }
    checkValue(p.type, value, `${op.name}.${key}`, problems);
  }
  for (const p of op.parameters) {
    if (!p.nullable && !(p.name in body))
      problems.push(`${op.name}.${p.name}: missing non-nullable parameter`);
  }
  return problems;
}
