/**
 * Every Graph route the emulator serves, with the v1.0 reference page that documents it. The generator
 * (tools/graph-contract) reads these pages from a local checkout of microsoftgraph/microsoft-graph-docs-contrib;
 * a route whose call has no page of its own names the reason instead, and the emulator then enforces nothing
 * beyond what its handler checks.
 */
export interface EndpointSource {
  route: string;
  page: string | null;
  reason?: string;
}

const API = "api-reference/v1.0/api";
const NUMBERS = "/v1.0/admin/teams/telephoneNumberManagement";
const QUALIFIED = "microsoft.graph.teamsAdministration";

const noPage = (route: string, reason: string): EndpointSource => ({ route, page: null, reason });

export const GRAPH_ENDPOINT_SOURCES: readonly EndpointSource[] = [
  { route: "GET /v1.0/users", page: `${API}/user-list.md` },
  { route: "GET /v1.0/users/{id}", page: `${API}/user-get.md` },
  { route: "GET /v1.0/groups", page: `${API}/group-list.md` },
  noPage(
    "GET /v1.0/groups/{id}",
    "group-get.md is not in the pinned set; $select handling follows user-get.md.",
  ),
  { route: "GET /v1.0/groups/{id}/members", page: `${API}/group-list-members.md` },
  { route: "GET /v1.0/groups/{id}/owners", page: `${API}/group-list-owners.md` },
  noPage(
    "GET /v1.0/groups/{id}/membersWithLicenseErrors",
    "a navigation property of group (metadata); no v1.0 list page for it in the pinned set.",
  ),
  { route: "GET /v1.0/subscribedSkus", page: `${API}/subscribedsku-list.md` },
  noPage("GET /v1.0/subscribedSkus/{id}", "subscribedsku-get.md is not in the pinned set."),
  noPage(
    "POST /v1.0/users/{id}/assignLicense",
    "user-assignlicense.md is not in the pinned set; the body follows the assignLicense action in the metadata.",
  ),
  noPage(
    "POST /v1.0/users/{id}/microsoft.graph.assignLicense",
    "namespace-qualified form of the action (metadata httpQualified).",
  ),
  { route: "POST /v1.0/groups/{id}/assignLicense", page: `${API}/group-assignlicense.md` },
  { route: "POST /v1.0/groups/{id}/microsoft.graph.assignLicense", page: `${API}/group-assignlicense.md` },
  {
    route: "POST /v1.0/users/{id}/reprocessLicenseAssignment",
    page: `${API}/user-reprocesslicenseassignment.md`,
  },
  { route: "GET /v1.0/organization", page: `${API}/organization-list.md` },
  // Conditional access (issue #16): what `tenant drift` and `tenant export` read, and a hand change.
  {
    route: "GET /v1.0/identity/conditionalAccess/policies",
    page: `${API}/conditionalaccessroot-list-policies.md`,
  },
  noPage(
    "GET /v1.0/identity/conditionalAccess/policies/{id}",
    "conditionalaccesspolicy-get.md is not in the pinned set; the object is the metadata's conditionalAccessPolicy.",
  ),
  {
    route: "PATCH /v1.0/identity/conditionalAccess/policies/{id}",
    page: `${API}/conditionalaccesspolicy-update.md`,
  },
  {
    route: "GET /v1.0/identity/conditionalAccess/namedLocations",
    page: `${API}/conditionalaccessroot-list-namedlocations.md`,
  },
  // Administrative units (issue #16): one per department, written by its dynamic provider, read by drift.
  { route: "GET /v1.0/directory/administrativeUnits", page: `${API}/directory-list-administrativeunits.md` },
  { route: "POST /v1.0/directory/administrativeUnits", page: `${API}/directory-post-administrativeunits.md` },
  { route: "GET /v1.0/directory/administrativeUnits/{id}", page: `${API}/administrativeunit-get.md` },
  noPage(
    "PATCH /v1.0/directory/administrativeUnits/{id}",
    "administrativeunit-update.md in the pinned set (@03c7b71e) lists description, displayName and visibility only; " +
      "the page on learn.microsoft.com (read 2026-12-04) and the v1.0 metadata (f54f11b) add membershipRule, " +
      "membershipRuleProcessingState and membershipType. The handler checks those six (routes/administrativeUnits.ts).",
  ),
  { route: "DELETE /v1.0/directory/administrativeUnits/{id}", page: `${API}/administrativeunit-delete.md` },
  { route: "GET /v1.0/auditLogs/directoryAudits", page: `${API}/directoryaudit-list.md` },
  { route: "GET /v1.0/auditLogs/directoryAudits/{id}", page: `${API}/directoryaudit-get.md` },
  {
    route: `GET ${NUMBERS}/numberAssignments`,
    page: `${API}/teamsadministration-telephonenumbermanagementroot-list-numberassignments.md`,
  },
  noPage(
    `GET ${NUMBERS}/numberAssignments/{id}`,
    "teamsadministration-numberassignment-get.md is beta-only in the pinned set.",
  ),
  ...["assignNumber", "unassignNumber", "updateNumber"].flatMap((action) => {
    const page = `${API}/teamsadministration-numberassignment-${action.toLowerCase()}.md`;
    return [
      { route: `POST ${NUMBERS}/numberAssignments/${action}`, page },
      { route: `POST ${NUMBERS}/numberAssignments/${QUALIFIED}.${action}`, page },
    ];
  }),
  {
    route: `GET ${NUMBERS}/operations/{id}`,
    page: `${API}/teamsadministration-telephonenumberlongrunningoperation-get.md`,
  },
  {
    route: `GET ${NUMBERS}/operations('{id}')`,
    page: `${API}/teamsadministration-telephonenumberlongrunningoperation-get.md`,
  },
  ...["assign", "unassign"].flatMap((action) => [
    noPage(
      `POST /v1.0/admin/teams/policy/userAssignments/${action}`,
      `teamsadministration-teamspolicyuserassignment-${action}.md is a stub ("TODO") in v1.0; body per the metadata.`,
    ),
    noPage(
      `POST /v1.0/admin/teams/policy/userAssignments/${QUALIFIED}.${action}`,
      "namespace-qualified form of the action (metadata httpQualified).",
    ),
  ]),
  {
    route: "GET /v1.0/admin/teams/policy/{call}",
    page: `${API}/teamsadministration-teamspolicyassignment-getpolicyid.md`,
  },
  {
    route: "GET /v1.0/admin/teams/userConfigurations",
    page: `${API}/teamsadministration-teamsadminroot-list-userconfigurations.md`,
  },
  noPage(
    "GET /v1.0/admin/teams/userConfigurations/{id}",
    "teamsadministration-teamsuserconfiguration-get.md is not in the pinned set.",
  ),
  noPage("POST /v1.0/$batch", "documented in concepts/json-batching.md, not an API page; see the ledger."),
];
