/** What the Teams policy grants of this folder need from the tenant (docs/permissions.md). */
import { teamsPowerShellManifest } from "../../permissions/teamsPowerShell";
import { RESOURCE_TYPES } from "../../resourceTypes";

export const groupPolicyAssignmentsManifest = teamsPowerShellManifest(
  RESOURCE_TYPES.groupPolicyAssignments,
  "Get/New/Remove-CsGroupPolicyAssignment",
);
export const globalPolicyGrantManifest = teamsPowerShellManifest(
  RESOURCE_TYPES.globalPolicyGrant,
  "Grant-CsTeamsEmergencyCallRoutingPolicy -Global and Get/Set/Remove-CsTeamsEmergencyCallRoutingPolicy -Identity Global",
);
