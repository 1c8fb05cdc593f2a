import type { BodyParameter, HeaderRule, QueryOptions, RequestBody } from "./types";

/**
 * Reads the parts of a microsoft-graph-docs-contrib v1.0 API page the emulator enforces. Pure: text in, facts
 * out. The pages follow one template (## HTTP request, ## Optional query parameters, ## Request headers,
 * ## Request body, ## Response), which is what the section reader relies on.
 */
export interface ParsedPage {
  http: string[];
  queryOptions: QueryOptions;
  filterOperators?: string[];
  headers: HeaderRule[];
  consistencyLevelFor: string[];
  body: RequestBody;
  successStatus: number | null;
  response: string;
}

/** The text under `## title` up to the next `## ` heading (level 2 only). */
export function section(text: string, title: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim().toLowerCase() === `## ${title.toLowerCase()}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join("\n")
    .trim();
}

function httpLines(text: string): string[] {
  const s = section(text, "HTTP request") ?? "";
  const block = /```\s*http\s*\n([\s\S]*?)```/.exec(s);
  return (block?.[1] ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /^(GET|POST|PATCH|PUT|DELETE) /.test(l));
}

const OPTION = /`?\$([A-Za-z]+)`?|`(skiptoken)`/g;

function options(fragment: string): string[] {
  const found = new Set<string>();
  for (const m of fragment.matchAll(OPTION)) found.add(`$${(m[1] ?? m[2]).toLowerCase()}`);
  return [...found];
}

export function parseQueryOptions(text: string, method: string): QueryOptions {
  const s = section(text, "Optional query parameters");
  if (s === undefined) return method === "GET" ? { kind: "generic" } : { kind: "none" };
  if (/^none\.?$/i.test(s.trim())) return { kind: "none" };
  // Sentences that refuse an option ("`$skip` isn't supported", "It does not support `$filter`").
  const sentences = s.split(/(?<=\.)\s+/);
  const refusing = sentences.filter((x) => /(isn't|is not|not) support|does not support/i.test(x));
  const unsupported = new Set(refusing.flatMap(options));
  // Example values (`$filter=numberType eq …`, `$select=a,b`) name an option already listed; keep the names.
  const named = options(sentences.filter((x) => !refusing.includes(x)).join(" ")).filter(
    (o) => !unsupported.has(o),
  );
  if (named.length === 0) return { kind: "generic" };
  return { kind: "list", options: named.sort(), unsupported: [...unsupported].sort() };
}

/** `$filter (`eq`, `ge`)` in the options section, else the operators the page's `$filter` examples use. */
export function parseFilterOperators(text: string): string[] | undefined {
  const s = section(text, "Optional query parameters") ?? "";
  const listed = /\$filter`?\s*\(([^)]*)\)/i.exec(s);
  if (listed) return [...listed[1].matchAll(/`([a-z]+)`/gi)].map((m) => m[1].toLowerCase()).sort();
  const examples = text
    .split("\n")
    .filter((l) => l.includes("https://graph.microsoft.com") && /\$filter=/i.test(l))
    .map((l) => l.slice(l.search(/\$filter=/i) + "$filter=".length).split("&")[0]);
  if (examples.length === 0) return undefined;
  const ops = new Set<string>();
  for (const e of examples) {
    const stripped = e.replace(/'[^']*'/g, "''");
    for (const m of stripped.matchAll(/\b(eq|ne|gt|ge|lt|le|and|or|not|in|any|all|startswith|endswith)\b/gi))
      ops.add(m[1].toLowerCase());
  }
  return [...ops].sort();
}

function tableRows(s: string): string[][] {
  return s
    .split("\n")
    .filter((l) => l.trim().startsWith("|"))
    .map((l) =>
      l
        .trim()
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((c) => c.trim()),
    )
    .filter((cells) => !cells.every((c) => /^:?-+:?$/.test(c) || c === ""));
}

export function parseHeaders(text: string): { headers: HeaderRule[]; consistencyLevelFor: string[] } {
  const rows = tableRows(section(text, "Request headers") ?? "");
  const headers = rows
    .slice(1)
    .map((cells) => ({ name: cells[0], description: cells[cells.length - 1] }))
    .filter((h) => h.name !== "");
  const consistency = headers.find((h) => h.name.toLowerCase() === "consistencylevel");
  const consistencyLevelFor = consistency
    ? options(/required when using ([^,.]*)/i.exec(consistency.description)?.[1] ?? "")
    : [];
  return { headers, consistencyLevelFor };
}

export function parseBody(text: string): RequestBody {
  const s = section(text, "Request body") ?? "";
  if (/(don't|do not) supply a request body/i.test(s) || s === "") return { kind: "none" };
  const rows = tableRows(s);
  // An update page names the resource for its properties; a create page asks for "a JSON representation of" it.
  const resource =
    /list of properties, see \[([^\]]+)\]/i.exec(s) ??
    /supply a JSON representation of an? \[([^\]]+)\]/i.exec(s);
  if (rows.length === 0 && resource) return { kind: "resource", resource: resource[1] };
  const parameters: BodyParameter[] = rows.slice(1).map((cells) => ({
    name: cells[0],
    type: cells[1].replace(/\[([^\]]+)\]\([^)]*\)/g, "$1"),
    required: /mandatory|required/i.test(cells[cells.length - 1]),
  }));
  return { kind: "parameters", parameters };
}

export function parseResponse(text: string): { successStatus: number | null; response: string } {
  const s = section(text, "Response") ?? "";
  const first = s.split(/\n\s*\n/)[0] ?? "";
  const m = /`?(\d{3}) [A-Z][A-Za-z]+/.exec(first);
  return { successStatus: m ? Number(m[1]) : null, response: first.replace(/\s+/g, " ").trim() };
}

export function parsePage(text: string): ParsedPage {
  const http = httpLines(text);
  const method = http[0]?.split(" ")[0] ?? "GET";
  const { headers, consistencyLevelFor } = parseHeaders(text);
  const filterOperators = parseFilterOperators(text);
  return {
    http,
    queryOptions: parseQueryOptions(text, method),
    ...(filterOperators ? { filterOperators } : {}),
    headers,
    consistencyLevelFor,
    body: parseBody(text),
    ...parseResponse(text),
  };
}
