import contractJson from "../../../vendor/reference/microsoft-graph/graph-v1-endpoints.json";
import type { GraphContract } from "../../graphContract/types";
import type { FidelityRow, FidelitySource } from "../types";

/**
 * Ledger rows of the Graph emulator. One `route` row per Graph route, derived from the generated contract
 * (its page and commit, or the metadata, or the reason no page applies), then one row per behaviour the
 * emulator adds on top: query options, status codes, validation rules, side effects, throttling.
 */
const REPO = "microsoftgraph/microsoft-graph-docs-contrib";
const CONTRACT = contractJson as GraphContract;

const doc = (path: string, commit: string, section?: string): FidelitySource => ({
  kind: "doc",
  repo: REPO,
  path,
  commit,
  ...(section ? { section } : {}),
});
const assumed = (reason: string): FidelitySource => ({ kind: "assumed", reason });

const API = "api-reference/v1.0/api";
const PAGES = {
  throttling: doc("concepts/throttling.md", "28dd02d354f97b62bae70d54d69a251298e5b4c9"),
  batching: doc("concepts/json-batching.md", "97a442f24da9f1c0ef23891b05026e624cbcaeed"),
  paging: doc("concepts/paging.md", "be71320f984815b4492ab0a9389a0cea3fb12d9d"),
  advanced: doc("concepts/aad-advanced-queries.md", "db5e5a862a57b76fae89be8008a09d6dc76cd68c"),
  userList: doc(`${API}/user-list.md`, "008316a3480bf8069254a9535f5f61b0e6600f6b"),
  groupList: doc(`${API}/group-list.md`, "0350b97e46788940241666a8f4b3f7780c13706d"),
  skuList: doc(`${API}/subscribedsku-list.md`, "08210e1f5ed674a3a62f24d54c0df8e2e88c95dd"),
  groupAssign: doc(`${API}/group-assignlicense.md`, "0713c450496046d1f357f9afae7a914ac6ab4277"),
  reprocess: doc(`${API}/user-reprocesslicenseassignment.md`, "09455a65abde17103c17fc70605c4c8553f01978"),
  numbersList: doc(
    `${API}/teamsadministration-telephonenumbermanagementroot-list-numberassignments.md`,
    "639afd0564e1553afdb30e0222b3602cfc050231",
  ),
  assignNumber: doc(
    `${API}/teamsadministration-numberassignment-assignnumber.md`,
    "3545666b4290b19d3935c4965bc8ba8e5f6a826f",
  ),
  updateNumber: doc(
    `${API}/teamsadministration-numberassignment-updatenumber.md`,
    "639afd0564e1553afdb30e0222b3602cfc050231",
  ),
  operation: doc(
    "api-reference/v1.0/resources/teamsadministration-telephonenumberlongrunningoperation.md",
    "5ef2bd9b69347df66b8ead4296877b47d93de4f3",
  ),
  numberResource: doc(
    "api-reference/v1.0/resources/teamsadministration-numberassignment.md",
    "0f04ee0298ebd9d55b3f844e29d4b413128967ed",
  ),
  directoryAudits: doc(`${API}/directoryaudit-list.md`, "05296ab344f3de89a102bceca9b5d6ce1df7a3ef"),
  unitList: doc(`${API}/directory-list-administrativeunits.md`, "01a8d1acc821af160ad997b0660c50dbfa888d88"),
  unitUpdate: doc(`${API}/administrativeunit-update.md`, "03c7b71e4db41c4ac68bfa53212454c3e1412d3c"),
};

/** Routes without a page of their own that the vendored metadata describes (operations' `http`). */
const METADATA_ENTITY: Record<string, string> = {
  "POST /v1.0/users/{id}/assignLicense": "microsoft.graph.assignLicense (bound to user)",
  "POST /v1.0/users/{id}/microsoft.graph.assignLicense": "microsoft.graph.assignLicense (bound to user)",
  "GET /v1.0/groups/{id}/membersWithLicenseErrors": "microsoft.graph.group",
  "GET /v1.0/groups/{id}": "microsoft.graph.group",
  "GET /v1.0/subscribedSkus/{id}": "microsoft.graph.subscribedSku",
  "GET /v1.0/admin/teams/telephoneNumberManagement/numberAssignments/{id}":
    "microsoft.graph.teamsAdministration.numberAssignment",
  "GET /v1.0/admin/teams/userConfigurations/{id}":
    "microsoft.graph.teamsAdministration.teamsUserConfiguration",
  "POST /v1.0/admin/teams/policy/userAssignments/assign": "microsoft.graph.teamsAdministration.assign",
  "POST /v1.0/admin/teams/policy/userAssignments/microsoft.graph.teamsAdministration.assign":
    "microsoft.graph.teamsAdministration.assign",
  "POST /v1.0/admin/teams/policy/userAssignments/unassign": "microsoft.graph.teamsAdministration.unassign",
  "PATCH /v1.0/directory/administrativeUnits/{id}": "microsoft.graph.administrativeUnit",
  "POST /v1.0/admin/teams/policy/userAssignments/microsoft.graph.teamsAdministration.unassign":
    "microsoft.graph.teamsAdministration.unassign",
};

const ROUTE_SOURCES: Record<string, FidelitySource> = {
  "POST /v1.0/$batch": PAGES.batching,
};

const routeRows: FidelityRow[] = CONTRACT.endpoints.map((e) => ({
  area: "graph",
  kind: "route",
  subject: e.route,
  behaviour: e.page
    ? `Serves the call as its page documents: ${e.successStatus ?? "?"} on success; query options and body per the contract.`
    : `Serves the call; ${e.reason ?? "no page"}`,
  source:
    e.page && e.commit
      ? doc(e.page, e.commit)
      : (ROUTE_SOURCES[e.route] ??
        (METADATA_ENTITY[e.route]
          ? { kind: "metadata", entity: METADATA_ENTITY[e.route] }
          : assumed(e.reason ?? "no v1.0 page in the pinned set"))),
}));

const row = (
  kind: FidelityRow["kind"],
  subject: string,
  behaviour: string,
  source: FidelitySource,
): FidelityRow => ({
  area: "graph",
  kind,
  subject,
  behaviour,
  source,
});

const NUMBERS = "GET /v1.0/admin/teams/telephoneNumberManagement/numberAssignments";

const behaviourRows: FidelityRow[] = [
  row("query", "GET /v1.0/users", "Refuses `$skip` (400 Request_BadRequest).", PAGES.userList),
  row(
    "query",
    "GET /v1.0/groups",
    "Refuses `$skip`; pages 100 by default, at most 999 (`$top`).",
    PAGES.groupList,
  ),
  row(
    "query",
    "GET /v1.0/users",
    "`$search` needs `ConsistencyLevel: eventual` and `$count=true`, else 400 Request_BadRequest.",
    PAGES.userList,
  ),
  row(
    "query",
    "GET /v1.0/users",
    "`$count=true` without `ConsistencyLevel: eventual` is ignored (no `@odata.count`).",
    PAGES.advanced,
  ),
  row(
    "query",
    "GET /v1.0/users",
    "Pages 100 by default, `$top` at most 999, nextLink with `$skiptoken`.",
    PAGES.paging,
  ),
  row(
    "query",
    "GET /v1.0/subscribedSkus",
    "Only `$select` is accepted; `$filter` and other options get 400 Request_BadRequest.",
    PAGES.skuList,
  ),
  row(
    "query",
    NUMBERS,
    "`$top` defaults to 500 and is refused above 1,000; `$skip` offsets.",
    PAGES.numbersList,
  ),
  row(
    "query",
    NUMBERS,
    "`$filter` accepts `eq`, `and` and `any` (the documented examples); `in`, `or` and others get 400.",
    PAGES.numbersList,
  ),
  row("query", NUMBERS, "`id` and `city` cannot be filtered.", PAGES.numbersList),
  row(
    "query",
    "GET /v1.0/auditLogs/directoryAudits",
    "`$filter` with `eq`, `ge`, `le`, `startswith`; `$top`, `$orderby`, `$skiptoken`.",
    PAGES.directoryAudits,
  ),
  row(
    "validation",
    "POST /v1.0/admin/teams/telephoneNumberManagement/numberAssignments/assignNumber",
    "A body field that is not in the parameters table gets 400 'The parameter … is not a valid parameter'.",
    PAGES.assignNumber,
  ),
  row(
    "validation",
    "POST /v1.0/admin/teams/telephoneNumberManagement/numberAssignments/assignNumber",
    "telephoneNumber, assignmentTargetId and numberType are mandatory.",
    PAGES.assignNumber,
  ),
  row(
    "validation",
    "POST /v1.0/groups/{id}/assignLicense",
    "addLicenses and removeLicenses are the only body fields; both must be present (non-nullable).",
    PAGES.groupAssign,
  ),
  row(
    "status",
    "POST /v1.0/groups/{id}/assignLicense",
    "202 Accepted with the group and a Location to the directory object.",
    PAGES.groupAssign,
  ),
  row(
    "side-effect",
    "POST /v1.0/groups/{id}/assignLicense",
    "Members are processed in the background (QueuedForProcessing → ProcessingInProgress → ProcessingComplete).",
    assumed("the phase names are in licenseProcessingState; their timing is not documented"),
  ),
  row(
    "side-effect",
    "POST /v1.0/groups/{id}/assignLicense",
    "Members beyond the free seats get CountViolation and appear under membersWithLicenseErrors.",
    assumed("error codes are documented on licenseAssignmentState; the order seats are handed out in is not"),
  ),
  row(
    "side-effect",
    "POST /v1.0/users/{id}/reprocessLicenseAssignment",
    "The user's group-based licences are processed again at once; a freed seat clears CountViolation.",
    PAGES.reprocess,
  ),
  row(
    "status",
    "POST /v1.0/admin/teams/telephoneNumberManagement/numberAssignments/assignNumber",
    "202 Accepted with Location `…/operations('{id}')`.",
    PAGES.assignNumber,
  ),
  row(
    "status",
    "POST /v1.0/admin/teams/telephoneNumberManagement/numberAssignments/updateNumber",
    "200 OK, synchronous; an empty locationId clears it, null or absent keeps it.",
    PAGES.updateNumber,
  ),
  row(
    "status",
    "POST /v1.0/admin/teams/telephoneNumberManagement/numberAssignments/updateNumber",
    "A number listed in the fault `failingNumbers` gets 500 InternalServerError `Service is unavailable. Please try again` (its assign and unassign operations end failed with that reason).",
    assumed(
      "updateNumber documents no error response; a service-side failure of a synchronous action is a 5xx",
    ),
  ),
  row(
    "side-effect",
    "GET /v1.0/admin/teams/telephoneNumberManagement/operations/{id}",
    "An operation moves notStarted → running → succeeded or failed on the emulator clock.",
    PAGES.operation,
  ),
  row(
    "side-effect",
    "GET /v1.0/admin/teams/telephoneNumberManagement/operations/{id}",
    "The operation's timing (seconds per phase) is the emulator's own.",
    assumed("no duration is documented for number operations"),
  ),
  row(
    "side-effect",
    "GET /v1.0/admin/teams/telephoneNumberManagement/operations/{id}",
    "The operation status enum includes `skipped`.",
    PAGES.operation,
  ),
  row(
    "side-effect",
    "GET /v1.0/admin/teams/telephoneNumberManagement/operations/{id}",
    "An assignment that would change nothing (same user, category and location) ends `skipped`; the client counts it as done.",
    assumed(
      "the page lists `skipped` without defining it, and the metadata enum lacks it; this meaning is ours",
    ),
  ),
  row(
    "side-effect",
    NUMBERS,
    "activationState takes the documented values assignmentPending, updatePending and activated.",
    PAGES.numberResource,
  ),
  row(
    "side-effect",
    NUMBERS,
    "A number shows assignmentPending after an assignment and updatePending after a location update for one processing period, then activated.",
    assumed("the values are documented, when they occur and for how long is not"),
  ),
  row(
    "throttle",
    "(every Graph route)",
    "429 TooManyRequests with Retry-After, at the configured rate.",
    PAGES.throttling,
  ),
  row(
    "throttle",
    "(every write route)",
    "A per-app write quota answers 429 with Retry-After once exceeded.",
    assumed("limits per service are documented, the emulator's window and count are configuration"),
  ),
  row(
    "throttle",
    "POST /v1.0/$batch",
    "Inner requests are throttled one by one (inner 429), at most 20 per batch.",
    PAGES.batching,
  ),
  row(
    "status",
    "(every Graph route)",
    "503 serviceNotAvailable with Retry-After and dropped connections, as injected faults.",
    PAGES.throttling,
  ),
  row(
    "status",
    "(every Graph route)",
    "Error body `{error:{code,message,innerError:{date,request-id,client-request-id}}}`.",
    doc("concepts/errors.md", "76a1d2bf28c68f6c2119c1275d701affb677e7c0", "Error resource type"),
  ),
  row(
    "status",
    "(every Graph route)",
    "401 InvalidAuthenticationToken without a bearer token.",
    assumed(
      "code and message as seen in public reports of real replies; no pinned Microsoft page quotes them",
    ),
  ),
];

export const GRAPH_ROWS: readonly FidelityRow[] = [
  ...routeRows,
  ...behaviourRows,
  row(
    "query",
    "GET /v1.0/identity/conditionalAccess/policies and /namedLocations: $top",
    "Cuts the list to $top items without an @odata.nextLink: the rest of the list is not served as a next page.",
    assumed(
      "the pages document $top but not how the service pages these collections; the toolkit reads them whole, without $top",
    ),
  ),
  row(
    "query",
    "GET /v1.0/identity/conditionalAccess/namedLocations: $select",
    "Selects among the base type's properties (id, displayName, createdDateTime, modifiedDateTime), each item keeping its @odata.type; without $select, each location comes with its derived type's properties.",
    assumed("the page documents $select without saying which type's properties it may name"),
  ),
  row(
    "validation",
    "PATCH /v1.0/identity/conditionalAccess/policies/{id}",
    "400 for a property that is not one of displayName, state, conditions, grantControls, sessionControls, and for a state that is not a member of conditionalAccessPolicyState.",
    { kind: "metadata", entity: "microsoft.graph.conditionalAccessPolicy" },
  ),
  row(
    "side-effect",
    "PATCH /v1.0/identity/conditionalAccess/policies/{id}: modifiedDateTime",
    "Set to the emulator's clock on every successful update.",
    assumed("the metadata declares modifiedDateTime; neither page says when the service sets it"),
  ),
  row(
    "query",
    "GET /v1.0/identity/conditionalAccess/policies: $skip, $count, $filter, $orderBy",
    "Documented by the page but not emulated: 400 naming the option, so a client that starts using one finds out in the tests rather than against the tenant.",
    assumed(
      "the emulator implements only what the toolkit sends; refusing the rest is stricter than the service, never more forgiving",
    ),
  ),
  row(
    "side-effect",
    "seed: conditional access baseline",
    "A seeded tenant holds tenant.yaml's named locations and baseline policies as the identity layer's azuread resources create them (src/identity/conditionalAccess/graphShape.ts); signInFrequency.authenticationType is primaryAndSecondaryAuthentication and countryLookupMethod clientIpAddress.",
    assumed("the azuread provider's defaults for those two are not documented"),
  ),
  row(
    "query",
    "GET /v1.0/directory/administrativeUnits: $filter",
    "Filters on id and displayName with eq (the operator the page lists); $top is refused (the page does not list it).",
    PAGES.unitList,
  ),
  row(
    "query",
    "GET /v1.0/directory/administrativeUnits: paging",
    "100 units a page, the rest behind an @odata.nextLink with a $skiptoken, like the other directory collections.",
    assumed(
      "the page does not give the page size; 100 is the directory default the other collections document",
    ),
  ),
  row(
    "query",
    "GET /v1.0/directory/administrativeUnits: $count, $search, $expand",
    "Documented by the page but not emulated: 400 naming the option.",
    assumed(
      "the emulator implements only what the toolkit sends; refusing the rest is stricter than the service",
    ),
  ),
  row(
    "validation",
    "POST /v1.0/directory/administrativeUnits and PATCH …/{id}: properties",
    "400 for a property administrativeUnit does not declare (or the service sets: id, deletedDateTime), for a membershipType other than dynamic/assigned and a membershipRuleProcessingState other than On/Paused (case-insensitive).",
    { kind: "metadata", entity: "microsoft.graph.administrativeUnit" },
  ),
  row(
    "validation",
    "POST /v1.0/directory/administrativeUnits: displayName",
    "400 without a displayName.",
    assumed(
      "the metadata declares it nullable and the page does not say; groups require one, so units are assumed to",
    ),
  ),
  row(
    "validation",
    "POST /v1.0/directory/administrativeUnits and PATCH …/{id}: membershipRule",
    "400 for a dynamic unit without a rule, a rule on a unit that is not dynamic, or a rule over 3,072 characters.",
    assumed(
      "learn.microsoft.com (read 2026-12-04) describes membershipRule as the unit's dynamic rule and points at the dynamic-group rules, whose limit is 3,072 characters; the pairing with membershipType is as for groups",
    ),
  ),
  row(
    "side-effect",
    "PATCH /v1.0/directory/administrativeUnits/{id}",
    "Only the properties sent change; 204 with no body.",
    PAGES.unitUpdate,
  ),
  row(
    "side-effect",
    "seed: administrative units",
    "With tenant.yaml identity.delegatedAdministration, a seeded tenant holds each department's unit as the identity layer's provider creates it (src/identity/delegation/administrativeUnit/desired.ts); members are not computed from the rule.",
    assumed("the emulator does not evaluate unit membership: nothing the toolkit reads depends on it"),
  ),
];
