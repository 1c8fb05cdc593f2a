import { randomUUID } from "node:crypto";
import { dispatch } from "../http/dispatch";
import { badRequest, graphError } from "../http/errors";
import type { EmulatorCore, EmulatorRequest, EmulatorResponse, RouteDef, RouteHandler } from "../http/types";
import { createRng, shuffled } from "../random";

/** Graph's limit on requests per batch (§5.3). */
export const BATCH_LIMIT = 20;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

function parseItems(body: unknown): BatchItem[] | string {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) return "The batch request body must be an object with a 'requests' array.";
  if (requests.length === 0) return "The batch request must contain at least one request.";
  if (requests.length > BATCH_LIMIT) {
    return `The number of requests in the batch (${requests.length}) exceeds the limit of ${BATCH_LIMIT}.`;
  }
  const items: BatchItem[] = [];
  const seen = new Set<string>();
  for (const raw of requests as Record<string, unknown>[]) {
    const { id, method, url } = raw ?? {};
    if (typeof id !== "string" || id === "") return "Each request in the batch needs a string 'id'.";
    if (typeof method !== "string" || typeof url !== "string")
      return `Request '${id}' needs 'method' and 'url'.`;
    if (seen.has(id.toLowerCase())) return `The batch contains the request id '${id}' more than once.`;
    seen.add(id.toLowerCase());
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((raw.headers as Record<string, unknown>) ?? {}))
      headers[k.toLowerCase()] = String(v);
    if (raw.body !== undefined && !headers["content-type"]) {
      return `Request '${id}' has a body but no Content-Type header.`;
    }
    const dependsOn = Array.isArray(raw.dependsOn) ? raw.dependsOn.map(String) : [];
    items.push({ id, method: method.toUpperCase(), url, headers, body: raw.body, dependsOn });
  }
  for (const item of items) {
    const unknown = item.dependsOn.find((d) => !seen.has(d.toLowerCase()));
    if (unknown) return `Request '${item.id}' depends on '${unknown}', which is not in the batch.`;
  }
  return items;
}

/** An inner request as if sent on its own: same origin, the outer token unless it brings its own. */
function innerRequest(outer: EmulatorRequest, item: BatchItem): EmulatorRequest {
  const relative = item.url.replace(/^\/+/, "");
  const url = new URL(`/v1.0/${relative}`, outer.origin);
  return {
    method: item.method,
    path: decodeURIComponent(url.pathname),
    query: url.searchParams,
    rawQuery: url.search.replace(/^\?/, ""),
    headers: { authorization: outer.headers.authorization ?? "", ...item.headers },
    body: item.body,
    origin: outer.origin,
    requestId: randomUUID(),
  };
}

/** Per emulator, so two emulators in one process shuffle independently. */
const batchSeq = new WeakMap<EmulatorCore, number>();

/**
 * `POST /$batch`: each inner request goes through the same dispatch (counted, throttled on its own,
 * possibly 429). Independent requests run in order; a request whose dependency failed gets 424. Responses
 * come back shuffled (deterministically from the fault seed), so clients must correlate by id.
 */
const batch: RouteHandler = async (core, req) => {
  const items = parseItems(req.body);
  if (typeof items === "string") return badRequest(core, req, items, "BadRequest");
  const results = new Map<
    string,
    { id: string; status: number; headers: Record<string, string>; body?: unknown }
  >();
  for (const item of items) {
    const failedDep = item.dependsOn.find((d) => (results.get(d.toLowerCase())?.status ?? 500) >= 400);
    if (failedDep) {
      const res = graphError(
        core,
        req,
        424,
        "FailedDependency",
        `Request '${failedDep}' this request depends on failed.`,
      );
      results.set(item.id.toLowerCase(), { id: item.id, status: 424, headers: {}, body: res.body });
      continue;
    }
    const out = await dispatch(core, innerRequest(req, item), true);
    const res =
      "drop" in out
        ? graphError(core, req, 500, "InternalServerError", "dropped")
        : (out as EmulatorResponse);
    const headers: Record<string, string> = { ...(res.headers ?? {}) };
    if (res.body !== undefined) headers["Content-Type"] = "application/json";
    results.set(item.id.toLowerCase(), {
      id: item.id,
      status: res.status,
      headers,
      ...(res.body === undefined ? {} : { body: res.body }),
    });
  }
  const seq = (batchSeq.get(core) ?? 0) + 1;
  batchSeq.set(core, seq);
  const rng = createRng(((core.faults.seed ?? 1) * 7919 + seq) >>> 0);
  return { status: 200, body: { responses: shuffled([...results.values()], rng) } };
};

export const batchRoutes: RouteDef[] = [{ method: "POST", template: "/v1.0/$batch", handler: batch }];
