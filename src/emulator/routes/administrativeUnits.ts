/**
 * `/v1.0/directory/administrativeUnits`: list, create, get, update, delete (microsoft-graph-docs-contrib v1.0
 * directory-list-administrativeunits.md, directory-post-administrativeunits.md, administrativeunit-get.md,
 * administrativeunit-update.md, administrativeunit-delete.md; the membership properties from the v1.0 metadata and
 * the current pages on learn.microsoft.com). Ledger rows: src/fidelity/rows/graph.ts.
 */
import { badRequest, notFound } from "../http/errors";
import type { EmulatorCore, EmulatorResponse, RouteDef } from "../http/types";
import {
  addUnit,
  administrativeUnitsAreaOf,
  type StoredAdministrativeUnit,
} from "../state/administrativeUnits";
import { DIRECTORY_PAGING, viewMany, viewOne, type EntityView } from "./common";

const PROPS = [
  "id",
  "deletedDateTime",
  "displayName",
  "description",
  "isMemberManagementRestricted",
  "membershipRule",
  "membershipRuleProcessingState",
  "membershipType",
  "visibility",
] as const;

const VIEW: EntityView<StoredAdministrativeUnit> = {
  typeName: "microsoft.graph.administrativeUnit",
  defaults: PROPS,
  selectable: PROPS,
  shape: (u) => ({ ...u }),
};

/** Create and update may set these (metadata: the type's own properties; id and deletedDateTime are the service's). */
const WRITABLE: ReadonlySet<string> = new Set(PROPS.filter((p) => p !== "id" && p !== "deletedDateTime"));
/** learn.microsoft.com directory-post-administrativeunits (v1.0): "dynamic, assigned"; "On … or Paused". */
const MEMBERSHIP_TYPES = new Set(["dynamic", "assigned"]);
const PROCESSING_STATES = new Set(["on", "paused"]);
/** Entra's limit on a dynamic membership rule (groups-dynamic-membership: 3,072 characters); *assumed* the same for units. */
const MAX_RULE = 3072;

/** The 400 a create or update body earns, or undefined when the service would take it. */
function invalidBody(
  body: unknown,
  merged: Partial<StoredAdministrativeUnit>,
  creating: boolean,
): string | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return "The request body must be an administrativeUnit object.";
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith("@")) continue;
    if (!WRITABLE.has(key)) return `Property '${key}' cannot be set on an administrativeUnit.`;
    if (
      key === "isMemberManagementRestricted"
        ? typeof value !== "boolean"
        : typeof value !== "string" && value !== null
    )
      return `Invalid value for property '${key}'.`;
  }
  // *Assumed*: the service refuses a unit without a name, as it does a group (displayName is required there).
  if (creating && !merged.displayName) return "Property 'displayName' is required.";
  const type = merged.membershipType?.toLowerCase();
  if (type !== undefined && !MEMBERSHIP_TYPES.has(type))
    return `Invalid value '${merged.membershipType}' for property 'membershipType'.`;
  const state = merged.membershipRuleProcessingState?.toLowerCase();
  if (state !== undefined && !PROCESSING_STATES.has(state))
    return `Invalid value '${merged.membershipRuleProcessingState}' for property 'membershipRuleProcessingState'.`;
  // *Assumed*: a dynamic unit needs a rule, and only a dynamic unit may have one (as for groups).
  if (type === "dynamic" && !merged.membershipRule)
    return "A dynamic administrative unit needs a membershipRule.";
  if (type !== "dynamic" && merged.membershipRule)
    return "membershipRule is only allowed when membershipType is Dynamic.";
  if ((merged.membershipRule ?? "").length > MAX_RULE)
    return `membershipRule exceeds ${MAX_RULE} characters.`;
  return undefined;
}

const nonNull = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as Partial<StoredAdministrativeUnit>;

function find(core: EmulatorCore, id: string): StoredAdministrativeUnit | undefined {
  return administrativeUnitsAreaOf(core.state.doc).units.find((u) => u.id.toLowerCase() === id.toLowerCase());
}

export const administrativeUnitRoutes: RouteDef[] = [
  {
    method: "GET",
    template: "/v1.0/directory/administrativeUnits",
    handler: (core, req) => {
      // Documented, not emulated: answer 400 so a client that starts using them finds out here.
      for (const p of ["$count", "$search", "$expand"])
        if (req.query.has(p))
          return badRequest(core, req, `Query option '${p}' is not emulated on this collection.`);
      return viewMany(
        core,
        req,
        VIEW,
        administrativeUnitsAreaOf(core.state.doc).units,
        "directory/administrativeUnits",
        {
          filter: {
            resource: "AdministrativeUnit",
            properties: { id: (u) => u.id, displayName: (u) => u.displayName },
          },
          paging: DIRECTORY_PAGING,
        },
      );
    },
  },
  {
    method: "POST",
    template: "/v1.0/directory/administrativeUnits",
    write: true,
    handler: (core, req) => {
      const body = req.body as Record<string, unknown>;
      const problem = invalidBody(req.body, nonNull(typeof body === "object" && body ? body : {}), true);
      if (problem) return badRequest(core, req, problem);
      const unit = addUnit(core.state.doc, core.state.tenant.tenantId, body);
      core.state.touch();
      return viewOne(core, req, VIEW, unit, "directory/administrativeUnits", 201);
    },
  },
  {
    method: "GET",
    template: "/v1.0/directory/administrativeUnits/{id}",
    handler: (core, req, { id }) => {
      const unit = find(core, id);
      return unit ? viewOne(core, req, VIEW, unit, "directory/administrativeUnits") : notFound(core, req, id);
    },
  },
  {
    method: "PATCH",
    template: "/v1.0/directory/administrativeUnits/{id}",
    write: true,
    handler: (core, req, { id }): EmulatorResponse => {
      const unit = find(core, id);
      if (!unit) return notFound(core, req, id);
      const body = req.body as Record<string, unknown>;
      const patch = typeof body === "object" && body ? body : {};
      // administrativeunit-update.md: properties not in the body keep their values.
      const problem = invalidBody(req.body, { ...nonNull(unit), ...nonNull(patch) }, false);
      if (problem) return badRequest(core, req, problem);
      Object.assign(unit, patch);
      core.state.touch();
      return { status: 204 };
    },
  },
  {
    method: "DELETE",
    template: "/v1.0/directory/administrativeUnits/{id}",
    write: true,
    handler: (core, req, { id }) => {
      const area = administrativeUnitsAreaOf(core.state.doc);
      const at = area.units.findIndex((u) => u.id.toLowerCase() === id.toLowerCase());
      if (at < 0) return notFound(core, req, id);
      area.units.splice(at, 1);
      core.state.touch();
      return { status: 204 };
    },
  },
];
