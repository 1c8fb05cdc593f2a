import { RESOURCE_TYPES } from "../../resourceTypes";
import type { PermissionManifest } from "../types";

/** Teams voice (issue 5). Declared ahead of the resources so the app registration can be prepared once. */
export const teamsNumberAssignmentsManifest: PermissionManifest = {
  resource: RESOURCE_TYPES.numberAssignments,
  read: ["TeamsTelephoneNumber.Read.All", "User.Read.All"],
  write: ["TeamsTelephoneNumber.ReadWrite.All"],
  why:
    "Reads the department's numbers from the inventory (refresh too) and polls assign/unassign operations " +
    "(TeamsTelephoneNumber.Read.All), resolves user principal names to object ids with GET /users/{upn}?$select=id " +
    "(User.Read.All), and assigns, unassigns and updates numbers (TeamsTelephoneNumber.ReadWrite.All).",
  note: "Issue 5 (Teams voice): src/teams/numbers.",
};

export const teamsPolicyAssignmentsManifest: PermissionManifest = {
  resource: "teams:UserPolicyAssignments",
  read: ["TeamsUserConfiguration.Read.All", "TeamsPolicyUserAssign.ReadWrite.All"],
  write: ["TeamsPolicyUserAssign.ReadWrite.All"],
  why:
    "Per-user policy assign/unassign and getPolicyId have only TeamsPolicyUserAssign.ReadWrite.All (no read-only " +
    "permission exists, so read lists it too); effective assignments are read back through userConfigurations.",
  note: "Used by issue 5 (Teams voice). Whether getPolicyId accepts the same permission is not confirmed by Microsoft's docs.",
};

/**
 * Policies, dial plans, voice routes, emergency locations and group policy assignment exist only in the
 * MicrosoftTeams PowerShell module (graph-teams-licensing.md §3): no Graph permission, a directory role instead.
 */
export const teamsPowerShellManifest: PermissionManifest = {
  resource: "teams:PowerShellAdministration",
  read: ["Organization.Read.All"],
  write: [],
  why:
    "App-only Connect-MicrosoftTeams (certificate) runs the *-Cs cmdlets: Microsoft's \"Application-based " +
    'authentication in Teams PowerShell Module" page requires the Graph application permission ' +
    "Organization.Read.All plus a directory role for them.",
  roles: ["Teams Administrator"],
};
