/**
 * A selection of Microsoft Graph's v1.0 CSDL (clean_v10_metadata/cleanMetadata.xml of microsoftgraph/msgraph-metadata)
 * as the JSON the emulator's conformance checks read (tests/emulator/helpers/graphConformance.ts), in the format of
 * vendor/reference/microsoft-graph/graph-v1-subset.json: fully qualified type names, `Collection(T)`, each type's
 * own properties with the CSDL `Nullable` (absent = true), base types and enum members. The selection is closed:
 * every base type, every complex or enum type a property names, and every complex type derived from one included
 * (JSON may carry any of them, with `@odata.type`). Pure: the CLI (main.ts) reads and writes the files.
 */
import { XMLParser } from "fast-xml-parser";

export interface SubsetProperty {
  name: string;
  type: string;
  nullable: boolean;
}

export interface SubsetType {
  kind: "EntityType" | "ComplexType" | "EnumType";
  baseType?: string;
  abstract?: true;
  openType?: true;
  key?: string[];
  properties?: SubsetProperty[];
  isFlags?: boolean;
  underlyingType?: string;
  members?: { name: string; value: number }[];
}

type XmlNode = Record<string, unknown>;
const list = (v: unknown): XmlNode[] =>
  v === undefined ? [] : Array.isArray(v) ? (v as XmlNode[]) : [v as XmlNode];
const attr = (n: XmlNode, name: string): string | undefined => n[`@_${name}`] as string | undefined;

/** `graph.x` / `Collection(graph.x)` with the schema aliases expanded to their namespaces. */
function qualify(type: string, aliases: ReadonlyMap<string, string>): string {
  const inner = /^Collection\((.*)\)$/.exec(type);
  if (inner) return `Collection(${qualify(inner[1], aliases)})`;
  const dot = type.lastIndexOf(".");
  const prefix = type.slice(0, dot);
  return aliases.has(prefix) ? `${aliases.get(prefix)}.${type.slice(dot + 1)}` : type;
}

const elementType = (type: string) => /^Collection\((.*)\)$/.exec(type)?.[1] ?? type;

/** Every type the CSDL declares, by qualified name. */
export function readCsdlTypes(xml: string): Map<string, SubsetType> {
  const doc = new XMLParser({ ignoreAttributes: false, parseAttributeValue: false }).parse(xml) as XmlNode;
  const edmx = doc["edmx:Edmx"] as XmlNode;
  const schemas = list((edmx["edmx:DataServices"] as XmlNode).Schema);
  const aliases = new Map(
    schemas.flatMap((s) => (attr(s, "Alias") ? [[attr(s, "Alias")!, attr(s, "Namespace")!] as const] : [])),
  );
  const out = new Map<string, SubsetType>();
  for (const s of schemas) {
    const ns = attr(s, "Namespace")!;
    for (const kind of ["EntityType", "ComplexType"] as const)
      for (const t of list(s[kind])) {
        const def: SubsetType = { kind };
        if (attr(t, "BaseType")) def.baseType = qualify(attr(t, "BaseType")!, aliases);
        if (attr(t, "Abstract") === "true") def.abstract = true;
        if (attr(t, "OpenType") === "true") def.openType = true;
        const key = list((t.Key as XmlNode | undefined)?.PropertyRef).map((k) => attr(k, "Name")!);
        if (key.length > 0) def.key = key;
        def.properties = list(t.Property).map((p) => ({
          name: attr(p, "Name")!,
          type: qualify(attr(p, "Type")!, aliases),
          nullable: attr(p, "Nullable") !== "false",
        }));
        out.set(`${ns}.${attr(t, "Name")}`, def);
      }
    for (const t of list(s.EnumType)) {
      out.set(`${ns}.${attr(t, "Name")}`, {
        kind: "EnumType",
        isFlags: attr(t, "IsFlags") === "true",
        underlyingType: attr(t, "UnderlyingType") ?? "Edm.Int32",
        members: list(t.Member).map((m) => ({ name: attr(m, "Name")!, value: Number(attr(m, "Value")) })),
      });
    }
  }
  return out;
}

/** The named types and everything they need, sorted by name. Throws for a name the CSDL does not declare. */
export function closedSubset(
  all: ReadonlyMap<string, SubsetType>,
  names: readonly string[],
): Record<string, SubsetType> {
  const picked = new Map<string, SubsetType>();
  const derived = new Map<string, string[]>();
  for (const [name, t] of all)
    if (t.kind === "ComplexType" && t.baseType)
      derived.set(t.baseType, [...(derived.get(t.baseType) ?? []), name]);
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (picked.has(name) || name.startsWith("Edm.")) continue;
    const t = all.get(name);
    if (!t) throw new Error(`the CSDL declares no type ${name}`);
    picked.set(name, t);
    if (t.baseType) queue.push(t.baseType);
    for (const p of t.properties ?? []) queue.push(elementType(p.type));
    if (t.kind === "ComplexType") queue.push(...(derived.get(name) ?? []));
  }
  return Object.fromEntries([...picked].sort(([a], [b]) => (a < b ? -1 : 1)));
}
