/** What the tenant-wide Teams voice objects of this folder need from the tenant (docs/permissions.md). */
import { teamsPowerShellManifest } from "../../permissions/teamsPowerShell";
import { RESOURCE_TYPES } from "../../resourceTypes";

const policy = (noun: string) =>
  `Get/New/Set/Remove-Cs${noun} and Get-CsGroupPolicyAssignment (still granted?)`;

export const pstnUsagesManifest = teamsPowerShellManifest(
  RESOURCE_TYPES.pstnUsages,
  "Get-CsOnlinePstnUsage and Set-CsOnlinePstnUsage -Usage @{Add/Remove}",
);
export const voiceRouteManifest = teamsPowerShellManifest(
  RESOURCE_TYPES.voiceRoute,
  "Get/New/Set/Remove-CsOnlineVoiceRoute",
);
export const callingPolicyManifest = teamsPowerShellManifest(
  RESOURCE_TYPES.callingPolicy,
  policy("TeamsCallingPolicy"),
);
export const emergencyCallingPolicyManifest = teamsPowerShellManifest(
  RESOURCE_TYPES.emergencyCallingPolicy,
  policy("TeamsEmergencyCallingPolicy"),
);
export const emergencyCallRoutingPolicyManifest = teamsPowerShellManifest(
  RESOURCE_TYPES.emergencyCallRoutingPolicy,
  policy("TeamsEmergencyCallRoutingPolicy"),
);
export const voiceRoutingPolicyManifest = teamsPowerShellManifest(
  RESOURCE_TYPES.voiceRoutingPolicy,
  policy("OnlineVoiceRoutingPolicy"),
);
export const dialPlanManifest = teamsPowerShellManifest(RESOURCE_TYPES.dialPlan, policy("TenantDialPlan"));
