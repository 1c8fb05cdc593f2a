import { badRequest, notFound } from "../http/errors";
import type { EmulatorCore, EmulatorRequest, EmulatorResponse, RouteDef, RouteHandler } from "../http/types";
import { parseSelect, project } from "../odata/select";
import {
  assignedLicenses,
  assignGroupLicense,
  assignUserLicense,
  consumedUnits,
  parseAssignLicenseBody,
  reprocessUserLicences,
} from "../state/licensing";
import { auditLicenceChange } from "./audit";
import { fail, isError, json, viewOne } from "./common";
import { GROUP_VIEW, groupOr, isGroup } from "./groups";
import { skuShape } from "./shapes";
import { USER_VIEW } from "./users";

const SKU_PROPS = [
  "accountId",
  "accountName",
  "appliesTo",
  "capabilityStatus",
  "consumedUnits",
  "id",
  "prepaidUnits",
  "servicePlans",
  "skuId",
  "skuPartNumber",
  "subscriptionIds",
];

/** subscribedSkus supports `$select` only (§1.1). */
function skuQuery(core: EmulatorCore, req: EmulatorRequest): string[] | EmulatorResponse {
  for (const p of ["$filter", "$search", "$orderby", "$top"]) {
    if (req.query.has(p))
      return badRequest(core, req, `Query option '${p}' is not allowed on subscribedSkus.`);
  }
  const select = parseSelect(req.query, SKU_PROPS, "microsoft.graph.subscribedSku");
  if (isError(select)) return fail(core, req, select);
  return select ?? SKU_PROPS;
}

const listSkus: RouteHandler = (core, req) => {
  const props = skuQuery(core, req);
  if (!Array.isArray(props)) return props;
  const used = consumedUnits(core.state);
  return json({
    "@odata.context": `${req.origin}/v1.0/$metadata#subscribedSkus`,
    value: core.state.skus.map((s) => project(skuShape(core.state, s, used), props)),
  });
};

const getSku: RouteHandler = (core, req, { id }) => {
  const props = skuQuery(core, req);
  if (!Array.isArray(props)) return props;
  const skuId = id.split("_")[1] ?? "";
  const sku = id.toLowerCase().startsWith(core.state.tenant.tenantId.toLowerCase())
    ? core.state.findSku(skuId)
    : undefined;
  if (!sku) return notFound(core, req, id);
  return json({
    "@odata.context": `${req.origin}/v1.0/$metadata#subscribedSkus/$entity`,
    ...project(skuShape(core.state, sku), props),
  });
};

/** 200 with the user (§1.2): synchronous and all-or-nothing. */
const assignToUser: RouteHandler = (core, req, { id }) => {
  const user = core.state.findUser(id);
  if (!user) return notFound(core, req, id);
  const body = parseAssignLicenseBody(req.body);
  if (isError(body)) return fail(core, req, body);
  const before = assignedLicenses(user);
  const err = assignUserLicense(core.state, user, body, core.clock.now());
  if (err) return fail(core, req, err);
  auditLicenceChange(core, req, { kind: "user", user }, before, assignedLicenses(user));
  return viewOne(core, req, USER_VIEW, user, "users");
};

/** 202 with the group and an internal Location (§1.3); members are processed on the emulator clock. */
const assignToGroup: RouteHandler = (core, req, { id }) => {
  const group = groupOr(core, req, id);
  if (!isGroup(group)) return group;
  const body = parseAssignLicenseBody(req.body);
  if (isError(body)) return fail(core, req, body);
  const before = group.assignedLicenses.map((l) => ({ ...l }));
  const err = assignGroupLicense(core.state, group, body, core.clock.now(), core.timing);
  if (err) return fail(core, req, err);
  auditLicenceChange(core, req, { kind: "group", group }, before, group.assignedLicenses);
  const location = `${req.origin}/v2/${core.state.tenant.tenantId}/directoryObjects/${group.id}/Microsoft.DirectoryServices.Group`;
  return viewOne(core, req, GROUP_VIEW, group, "groups", 202, { Location: location });
};

/** 200 with the user (user-reprocesslicenseassignment.md); no body is taken. */
const reprocessUser: RouteHandler = (core, req, { id }) => {
  const user = core.state.findUser(id);
  if (!user) return notFound(core, req, id);
  reprocessUserLicences(core.state, user, core.clock.now());
  return viewOne(core, req, USER_VIEW, user, "users");
};

export const licensingRoutes: RouteDef[] = [
  {
    method: "POST",
    template: "/v1.0/users/{id}/reprocessLicenseAssignment",
    handler: reprocessUser,
    write: true,
  },
  { method: "GET", template: "/v1.0/subscribedSkus", handler: listSkus },
  { method: "GET", template: "/v1.0/subscribedSkus/{id}", handler: getSku },
  { method: "POST", template: "/v1.0/users/{id}/assignLicense", handler: assignToUser, write: true },
  {
    method: "POST",
    template: "/v1.0/users/{id}/microsoft.graph.assignLicense",
    handler: assignToUser,
    write: true,
  },
  { method: "POST", template: "/v1.0/groups/{id}/assignLicense", handler: assignToGroup, write: true },
  {
    method: "POST",
    template: "/v1.0/groups/{id}/microsoft.graph.assignLicense",
    handler: assignToGroup,
    write: true,
  },
];
