/**
 * `GET /v1.0/auditLogs/directoryAudits` (and `/{id}`): the directory audit the emulator records on licence
 * writes (state/audit.ts). Newest first, as Graph returns it; `$filter` on the properties drift and admins
 * query (`category`, `activityDisplayName`, `result`, `activityDateTime`, `targetResources/any(t:t/id eq …)`,
 * `initiatedBy/user/userPrincipalName`, `initiatedBy/app/appId`), `$top` with skiptoken paging.
 */
import { notFound } from "../http/errors";
import type { RouteDef, RouteHandler } from "../http/types";
import type { FilterSchema } from "../odata/filter";
import { auditArea, recordAudit, initiatorOf, type DirectoryAuditRecord } from "../state/audit";
import type { GroupRecord, UserRecord } from "../state/types";
import type { EmulatorCore, EmulatorRequest } from "../http/types";
import { DIRECTORY_PAGING, viewMany, viewOne, type EntityView } from "./common";

const PROPS = [
  "id",
  "category",
  "correlationId",
  "result",
  "resultReason",
  "activityDisplayName",
  "activityDateTime",
  "loggedByService",
  "operationType",
  "initiatedBy",
  "targetResources",
  "additionalDetails",
];

const VIEW: EntityView<DirectoryAuditRecord> = {
  typeName: "microsoft.graph.directoryAudit",
  defaults: PROPS,
  selectable: PROPS,
  shape: (r) => ({ ...r }),
};

const FILTER: FilterSchema<DirectoryAuditRecord> = {
  resource: "directoryAudit",
  properties: {
    category: (r) => r.category,
    activityDisplayName: (r) => r.activityDisplayName,
    activityDateTime: (r) => r.activityDateTime,
    result: (r) => r.result,
    loggedByService: (r) => r.loggedByService,
    correlationId: (r) => r.correlationId,
    "initiatedBy/user/userPrincipalName": (r) => r.initiatedBy.user?.userPrincipalName ?? null,
    "initiatedBy/user/id": (r) => r.initiatedBy.user?.id ?? null,
    "initiatedBy/app/appId": (r) => r.initiatedBy.app?.appId ?? null,
    targetResources: (r) => r.targetResources as unknown as Record<string, unknown>[],
  },
};

const list: RouteHandler = (core, req) => {
  const newestFirst = [...auditArea(core.state).entries].reverse();
  return viewMany(core, req, VIEW, newestFirst, "auditLogs/directoryAudits", {
    filter: FILTER,
    paging: DIRECTORY_PAGING,
  });
};

const getOne: RouteHandler = (core, req, { id }) => {
  const record = auditArea(core.state).entries.find((e) => e.id === id);
  if (!record) return notFound(core, req, id);
  return viewOne(core, req, VIEW, record, "auditLogs/directoryAudits");
};

export const auditRoutes: RouteDef[] = [
  { method: "GET", template: "/v1.0/auditLogs/directoryAudits", handler: list },
  { method: "GET", template: "/v1.0/auditLogs/directoryAudits/{id}", handler: getOne },
];

type Licences = { skuId: string; disabledPlans: string[] }[];
const licenceText = (l: Licences) =>
  JSON.stringify(l.map((x) => ({ skuId: x.skuId, disabledPlans: [...x.disabledPlans].sort() })));

/** Records a successful `assignLicense` on a group or user, with the caller from the request's token. */
export function auditLicenceChange(
  core: EmulatorCore,
  req: EmulatorRequest,
  target: { kind: "group"; group: GroupRecord } | { kind: "user"; user: UserRecord },
  before: Licences,
  after: Licences,
): void {
  const at = new Date(core.clock.now()).toISOString();
  const initiatedBy = initiatorOf(req, core.auth.clientId);
  const modifiedProperties = [
    { displayName: "AssignedLicense", oldValue: licenceText(before), newValue: licenceText(after) },
  ];
  if (target.kind === "group") {
    const g = target.group;
    recordAudit(
      core.state,
      {
        category: "GroupManagement",
        activityDisplayName: "Set group license",
        activityDateTime: at,
        operationType: "Assign",
        initiatedBy,
        targetResources: [
          {
            id: g.id,
            displayName: g.displayName,
            type: "Group",
            userPrincipalName: null,
            groupType: g.groupTypes.includes("Unified") ? "unifiedGroups" : "azureAD",
            modifiedProperties,
          },
        ],
      },
      req.requestId,
    );
  } else {
    const u = target.user;
    recordAudit(
      core.state,
      {
        category: "UserManagement",
        activityDisplayName: "Change user license",
        activityDateTime: at,
        operationType: "Update",
        initiatedBy,
        targetResources: [
          {
            id: u.id,
            displayName: u.displayName,
            type: "User",
            userPrincipalName: u.userPrincipalName,
            groupType: null,
            modifiedProperties,
          },
        ],
      },
      req.requestId,
    );
  }
}
