/**
 * `GET /v1.0/identity/conditionalAccess/policies` (and `/{id}`), `PATCH …/policies/{id}`, and
 * `GET /v1.0/identity/conditionalAccess/namedLocations`: what `tenant drift` reads and what a hand change in the
 * portal does (state/conditionalAccess.ts). Pages (microsoft-graph-docs-contrib): conditionalaccessroot-list-policies.md
 * (`$select` honoured; `$top` honoured without paging, *assumed* enough for a baseline of a few policies; `$skip`,
 * `$count`, `$filter`, `$orderBy` are documented but not emulated and answer 400 so a client that starts using them
 * finds out here), conditionalaccesspolicy-update.md (204, no body; only the properties sent change),
 * conditionalaccessroot-list-namedlocations.md. Ledger rows: src/fidelity/rows/graph.ts.
 */
import { badRequest, notFound } from "../http/errors";
import type { EmulatorCore, EmulatorRequest, EmulatorResponse, RouteDef } from "../http/types";
import { parseSelect, project } from "../odata/select";
import { conditionalAccessAreaOf } from "../state/conditionalAccess";
import { fail, isError, json } from "./common";

const POLICY_PROPS = [
  "id",
  "displayName",
  "createdDateTime",
  "modifiedDateTime",
  "state",
  "conditions",
  "grantControls",
  "sessionControls",
] as const;

const UNEMULATED = ["$skip", "$count", "$filter", "$orderby", "$orderBy", "$expand", "$search"];

function listQuery(core: EmulatorCore, req: EmulatorRequest, props: readonly string[], type: string) {
  for (const p of UNEMULATED)
    if (req.query.has(p))
      return badRequest(core, req, `Query option '${p}' is not emulated on this collection.`);
  const select = parseSelect(req.query, props, type);
  if (isError(select)) return fail(core, req, select);
  const top = req.query.get("$top");
  if (top !== null && !/^[1-9]\d*$/.test(top)) return badRequest(core, req, `Invalid $top value '${top}'.`);
  return { props: select ?? props, top: top === null ? Infinity : Number(top) };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
function merged(before: unknown, patch: unknown): unknown {
  if (!isObject(before) || !isObject(patch)) return patch;
  const out: Record<string, unknown> = { ...before };
  for (const [k, v] of Object.entries(patch)) out[k] = merged(before[k], v);
  return out;
}

const isResponse = (v: unknown): v is EmulatorResponse =>
  typeof v === "object" && v !== null && "status" in v;

/** conditionalaccesspolicy-update.md: the properties a PATCH may change. */
const PATCHABLE = new Set(["displayName", "state", "conditions", "grantControls", "sessionControls"]);
const STATES = new Set(["enabled", "disabled", "enabledForReportingButNotEnforced"]);

export const conditionalAccessRoutes: RouteDef[] = [
  {
    method: "GET",
    template: "/v1.0/identity/conditionalAccess/policies",
    handler: (core, req) => {
      const q = listQuery(core, req, POLICY_PROPS, "microsoft.graph.conditionalAccessPolicy");
      if (isResponse(q)) return q;
      const policies = conditionalAccessAreaOf(core.state.doc).policies.slice(0, q.top);
      return json({
        "@odata.context": `${req.origin}/v1.0/$metadata#identity/conditionalAccess/policies`,
        value: policies.map((p) => project(p, q.props)),
      });
    },
  },
  {
    method: "GET",
    template: "/v1.0/identity/conditionalAccess/policies/{id}",
    handler: (core, req, { id }) => {
      const select = parseSelect(req.query, POLICY_PROPS, "microsoft.graph.conditionalAccessPolicy");
      if (isError(select)) return fail(core, req, select);
      const p = conditionalAccessAreaOf(core.state.doc).policies.find((x) => x.id === id);
      if (!p) return notFound(core, req, id);
      return json({
        "@odata.context": `${req.origin}/v1.0/$metadata#identity/conditionalAccess/policies/$entity`,
        ...project(p, select ?? POLICY_PROPS),
      });
    },
  },
  {
    method: "PATCH",
    template: "/v1.0/identity/conditionalAccess/policies/{id}",
    write: true,
    handler: (core, req, { id }) => {
      const p = conditionalAccessAreaOf(core.state.doc).policies.find((x) => x.id === id);
      if (!p) return notFound(core, req, id);
      const body = req.body;
      if (typeof body !== "object" || body === null || Array.isArray(body))
        return badRequest(core, req, "The request body must be a conditionalAccessPolicy object.");
      const entries = Object.entries(body as Record<string, unknown>);
      const unknown = entries.find(([k]) => !PATCHABLE.has(k));
      if (unknown) return badRequest(core, req, `Property '${unknown[0]}' cannot be updated.`);
      const state = (body as { state?: unknown }).state;
      if (state !== undefined && !STATES.has(String(state)))
        return badRequest(core, req, `Invalid value '${String(state)}' for property 'state'.`);
      // "Existing properties that are not included in the request body will maintain their previous values"
      // (conditionalaccesspolicy-update.md): objects merge key by key, everything else is replaced.
      for (const [k, v] of entries) p[k] = merged(p[k], v);
      p.modifiedDateTime = new Date(core.clock.now()).toISOString();
      core.state.touch();
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: "/v1.0/identity/conditionalAccess/namedLocations",
    handler: (core, req) => {
      const props = ["id", "displayName", "createdDateTime", "modifiedDateTime"];
      const q = listQuery(core, req, props, "microsoft.graph.namedLocation");
      if (isResponse(q)) return q;
      // Without $select, each location comes whole, its derived type's properties included, with @odata.type.
      const selected = req.query.has("$select");
      const locations = conditionalAccessAreaOf(core.state.doc).namedLocations.slice(0, q.top);
      return json({
        "@odata.context": `${req.origin}/v1.0/$metadata#identity/conditionalAccess/namedLocations`,
        value: locations.map((l) => (selected ? project(l, ["@odata.type", ...q.props]) : l)),
      });
    },
  },
];
