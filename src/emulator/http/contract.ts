import contractJson from "../../../vendor/reference/microsoft-graph/graph-v1-endpoints.json";
import type { EndpointContract, GraphContract } from "../../graphContract/types";
import { graphError } from "./errors";
import type { EmulatorCore, EmulatorRequest, EmulatorResponse } from "./types";

/**
 * Enforces the generated v1.0 contract (vendor/reference/microsoft-graph/graph-v1-endpoints.json) before a
 * handler runs: a `$` query option the page does not list, a `$filter` operator it does not allow, a body field
 * that is not a parameter of the action, or `$search` without `ConsistencyLevel: eventual` and `$count=true`
 * is refused with Graph's error body. Routes without a page (see `reason`) are left to their handlers.
 */
const CONTRACT = contractJson as GraphContract;
const BY_ROUTE = new Map<string, EndpointContract>(CONTRACT.endpoints.map((e) => [e.route, e]));

export function endpointContract(routeKey: string): EndpointContract | undefined {
  return BY_ROUTE.get(routeKey);
}

/** Options every paged GET accepts because nextLinks carry them (concepts/paging.md). */
const PAGING_TOKENS = new Set(["$skiptoken"]);

const FILTER_OPERATORS = /\b(eq|ne|gt|ge|lt|le|and|or|not|in|any|all|has|startswith|endswith|contains)\b/gi;

function filterOperatorsUsed(filter: string): string[] {
  const withoutLiterals = filter.replace(/'(?:[^']|'')*'/g, "''");
  return [...new Set([...withoutLiterals.matchAll(FILTER_OPERATORS)].map((m) => m[1].toLowerCase()))];
}

/** Entra directory routes answer `Request_BadRequest` (concepts/errors.md); the Teams admin API `BadRequest`. */
const DIRECTORY = /^[A-Z]+ \/v1\.0\/(users|groups|organization|subscribedSkus|auditLogs)/;

const bad = (core: EmulatorCore, req: EmulatorRequest, code: string, message: string) =>
  graphError(core, req, 400, code, message);

export function checkContract(
  core: EmulatorCore,
  req: EmulatorRequest,
  routeKey: string,
): EmulatorResponse | undefined {
  const c = BY_ROUTE.get(routeKey);
  if (!c || c.page === null) return undefined;
  const given = [...req.query.keys()].filter((k) => k.startsWith("$")).map((k) => k.toLowerCase());
  const q = c.queryOptions;
  const code = DIRECTORY.test(c.route) ? "Request_BadRequest" : "BadRequest";
  for (const option of given) {
    if (q.kind === "generic") break;
    const allowed =
      q.kind === "list" &&
      (q.options.includes(option) || (req.method === "GET" && PAGING_TOKENS.has(option)));
    if (!allowed) return bad(core, req, code, `'${option}' is not supported by the service.`);
  }
  const filter = req.query.get("$filter");
  if (filter !== null && c.filterOperators) {
    const stray = filterOperatorsUsed(filter).filter((op) => !c.filterOperators?.includes(op));
    if (stray.length > 0) {
      return bad(
        core,
        req,
        "BadRequest",
        `Invalid filter clause: operator '${stray[0]}' is not supported here; documented: ${c.filterOperators.join(", ")}.`,
      );
    }
  }
  for (const option of c.consistencyLevelFor) {
    if (!given.includes(option)) continue;
    const eventual = (req.headers["consistencylevel"] ?? "").toLowerCase() === "eventual";
    if (!eventual || req.query.get("$count") !== "true") {
      return bad(
        core,
        req,
        "Request_BadRequest",
        `Request with ${option} query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual' and '$count=true'.`,
      );
    }
  }
  // An update page's body is the resource's properties: the route's handler checks which it may change.
  if (
    req.method !== "GET" &&
    c.body.kind !== "resource" &&
    typeof req.body === "object" &&
    req.body !== null &&
    !Array.isArray(req.body)
  ) {
    const names = c.body.kind === "parameters" ? c.body.parameters.map((p) => p.name) : [];
    const stray = Object.keys(req.body).find((k) => !k.startsWith("@") && !names.includes(k));
    if (stray !== undefined) {
      const action = c.http[0]?.split("/").pop() ?? c.route;
      return bad(
        core,
        req,
        "BadRequest",
        `The parameter '${stray}' in the request payload is not a valid parameter for the operation '${action}'.`,
      );
    }
  }
  return undefined;
}
