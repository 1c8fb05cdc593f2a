import type { EmulatorCore, RouteDef } from "../http/types";
import type { FilterSchema } from "../odata/filter";
import { graphError } from "../http/errors";
import { teamsArea, type TeamsNumberRecord } from "../state/teams";
import { numbersByUser, numbersOfUser } from "../state/teamsInventory";
import { enabledPlans } from "../state/teamsOperations";
import { effectivePolicies, memberTest, type MemberOf } from "../state/teamsPolicies";
import type { UserRecord } from "../state/types";
import { DIRECTORY_PAGING, viewMany, viewOne, type EntityView } from "./common";
import { userConfigurationShape } from "./teamsShapes";

/**
 * `GET /admin/teams/userConfigurations[/{userId}]` (graph-teams-licensing.md §2.7): each user's numbers and
 * effective policies (direct beats group, lowest group rank wins, else the tenant default), read-only.
 * The best read-back for drift detection of numbers and policies.
 */

const PROPS = [
  "id",
  "userPrincipalName",
  "tenantId",
  "accountType",
  "isEnterpriseVoiceEnabled",
  "featureTypes",
  "telephoneNumbers",
  "effectivePolicyAssignments",
  "createdDateTime",
  "modifiedDateTime",
] as const;

/** `featureTypes` from the user's enabled plans: Teams always, PhoneSystem with MCOEV, CallingPlan with MCOPSTN*. */
function featureTypes(core: EmulatorCore, user: UserRecord): string[] {
  const plans = [...enabledPlans(core.state, user)];
  const out = ["Teams"];
  if (plans.some((p) => p === "MCOEV" || p.startsWith("MCOEV_"))) out.push("PhoneSystem");
  if (plans.some((p) => p.startsWith("MCOPSTN"))) out.push("CallingPlan");
  if (plans.includes("MCOMEETADV")) out.push("AudioConferencing");
  return out;
}

/** A view whose shape reads the Teams area; built per request so membership and numbers are computed once. */
function view(core: EmulatorCore, numbers: (u: UserRecord) => TeamsNumberRecord[]): EntityView<UserRecord> {
  const area = teamsArea(core.state);
  const memberOf: MemberOf = memberTest(core.state);
  const tenantId = core.state.tenant.tenantId;
  return {
    typeName: "microsoft.graph.teamsAdministration.teamsUserConfiguration",
    defaults: PROPS,
    selectable: PROPS,
    shape: (user) =>
      userConfigurationShape({
        user,
        tenantId,
        numbers: numbers(user),
        policies: effectivePolicies(area, tenantId, user, memberOf),
        enterpriseVoice: area.enterpriseVoice[user.id.toLowerCase()] === true,
        featureTypes: featureTypes(core, user),
        modified: area.userModified[user.id.toLowerCase()],
      }),
  };
}

const FILTER: FilterSchema<UserRecord> = {
  resource: "teamsUserConfiguration",
  properties: {
    id: (u) => u.id,
    userPrincipalName: (u) => u.userPrincipalName,
    accountType: (u) => (u.userType === "Guest" ? "guest" : "user"),
  },
};

export const teamsUserConfigurationRoutes: RouteDef[] = [
  {
    method: "GET",
    template: "/v1.0/admin/teams/userConfigurations",
    handler: (core, req) => {
      const byUser = numbersByUser(teamsArea(core.state));
      return viewMany(
        core,
        req,
        view(core, (u) => byUser.get(u.id.toLowerCase()) ?? []),
        core.state.users,
        "admin/teams/userConfigurations",
        { filter: FILTER, paging: DIRECTORY_PAGING },
      );
    },
  },
  {
    method: "GET",
    template: "/v1.0/admin/teams/userConfigurations/{id}",
    handler: (core, req, { id }) => {
      const user = core.state.findUser(id);
      if (!user) return graphError(core, req, 404, "NotFound", `User configuration '${id}' was not found.`);
      const area = teamsArea(core.state);
      return viewOne(
        core,
        req,
        view(core, (u) => numbersOfUser(area, u.id)),
        user,
        "admin/teams/userConfigurations",
      );
    },
  },
];
