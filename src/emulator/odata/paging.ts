import type { DirectoryError } from "../state/licensing";
import type { EmulatorRequest } from "../http/types";

export interface PageOptions {
  defaultTop: number;
  maxTop: number;
  /**
   * `skiptoken`: directory collections (`$skip` is refused, nextLink carries an opaque `$skiptoken`).
   * `skip`: collections that page with `$top`/`$skip` (e.g. the Teams number inventory).
   */
  mode: "skiptoken" | "skip";
}

export interface Page<T> {
  items: T[];
  nextLink?: string;
  count?: number;
}

const bad = (message: string): DirectoryError => ({ status: 400, code: "Request_BadRequest", message });

/**
 * One page of a collection, with an absolute https nextLink built from the request's own origin and
 * query (graph-teams-licensing.md §5.4, §5.7: the JS client follows it verbatim).
 */
export function pageOf<T>(
  all: readonly T[],
  req: EmulatorRequest,
  opts: PageOptions,
): Page<T> | DirectoryError {
  const topRaw = req.query.get("$top");
  let top = opts.defaultTop;
  if (topRaw !== null) {
    top = Number(topRaw);
    if (!Number.isInteger(top) || top < 1 || top > opts.maxTop) {
      return bad(`Invalid page size specified: '${topRaw}'. Must be between 1 and ${opts.maxTop} inclusive.`);
    }
  }
  let offset = 0;
  const skipRaw = req.query.get("$skip");
  if (skipRaw !== null) {
    if (opts.mode === "skiptoken") return bad("'$skip' is not supported by the service.");
    offset = Number(skipRaw);
    if (!Number.isInteger(offset) || offset < 0) return bad(`Invalid value '${skipRaw}' for $skip.`);
  }
  const token = req.query.get("$skiptoken");
  if (token !== null) {
    const decoded = decodeSkipToken(token);
    if (decoded === undefined) return bad("The $skiptoken is not valid; follow @odata.nextLink as returned.");
    offset = decoded;
  }
  const items = all.slice(offset, offset + top);
  const next = offset + top;
  const page: Page<T> = { items };
  if (next < all.length) {
    page.nextLink =
      opts.mode === "skiptoken"
        ? linkWith(req, "$skiptoken", encodeSkipToken(next), ["$skiptoken"])
        : linkWith(req, "$skip", String(next), ["$skip"]);
  }
  if (offset === 0 && token === null && countRequested(req)) page.count = all.length;
  return page;
}

/** `$count=true` counts only with `ConsistencyLevel: eventual`; otherwise Graph silently ignores it. */
export function countRequested(req: EmulatorRequest): boolean {
  return req.query.get("$count") === "true" && isEventual(req);
}

export function isEventual(req: EmulatorRequest): boolean {
  return (req.headers["consistencylevel"] ?? "").toLowerCase() === "eventual";
}

function encodeSkipToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), "utf8").toString("base64url");
}

function decodeSkipToken(token: string): number | undefined {
  try {
    const v = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { o?: unknown };
    return typeof v.o === "number" && Number.isInteger(v.o) && v.o >= 0 ? v.o : undefined;
  } catch {
    return undefined;
  }
}

/** The request's URL with one query parameter replaced; the rest of the query is kept as the client sent it. */
function linkWith(req: EmulatorRequest, name: string, value: string, drop: string[]): string {
  const kept = req.rawQuery.split("&").filter((p) => p !== "" && !drop.includes(safeDecode(p.split("=")[0])));
  kept.push(`${name}=${encodeURIComponent(value)}`);
  return `${req.origin}${encodePath(req.path)}?${kept.join("&")}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function encodePath(path: string): string {
  return path
    .split("/")
    .map((s) => encodeURIComponent(s).replace(/%24/g, "$").replace(/%40/g, "@"))
    .join("/");
}

/** A collection body with its OData annotations. */
export function collectionBody(
  req: EmulatorRequest,
  context: string,
  page: Page<unknown>,
): Record<string, unknown> {
  const body: Record<string, unknown> = { "@odata.context": `${req.origin}/v1.0/$metadata#${context}` };
  if (page.count !== undefined) body["@odata.count"] = page.count;
  if (page.nextLink) body["@odata.nextLink"] = page.nextLink;
  body.value = page.items;
  return body;
}
