// Every rule of the pack, in RULES.md order. Re-exports only; tests/policies/meta.test.ts fails when a file under
// rules/ is missing here.
import type { RegisteredPolicy } from "../lib/define";
import { allowedLocations } from "./azure/any/allowedLocations";
import { managedByTag } from "./azure/any/managedByTag";
import { noPermanentAdminGroupRole } from "./azure/authorization/noPermanentAdminGroupRole";
import { activityLogToWorkspace } from "./azure/monitor/activityLogToWorkspace";
import { corpNoPublicEndpoints } from "./azure/network/corpNoPublicEndpoints";
import { requiredTags } from "./azure/resources/ResourceGroup/requiredTags";
import { conditionalAccessBreakGlassExcluded } from "./m365/identity/conditionalAccessBreakGlassExcluded";
import { conditionalAccessNoUnexcludedBlock } from "./m365/identity/conditionalAccessNoUnexcludedBlock";
import { noStandingScopedAdminRole } from "./m365/identity/noStandingScopedAdminRole";
import { groupMembershipRestricted } from "./m365/identity/groupMembershipRestricted";
import { noUnmarkedLicenceRemoval } from "./m365/licensing/noUnmarkedLicenceRemoval";
import { seatsWithinOwned } from "./m365/licensing/seatsWithinOwned";
import { departmentBudgets } from "./azure/consumption/departmentBudgets";
import { uniqueNumbers } from "./teams/voice/uniqueNumbers";
import { voiceDepartmentEmergencyPolicy } from "./teams/voice/departmentEmergencyCallingPolicy";
import { dialPlanLimits } from "./teams/voice/dialPlanLimits";
import { emergencyLocation } from "./teams/voice/emergencyLocation";
import { noUnmarkedNumberRemoval } from "./teams/voice/noUnmarkedNumberRemoval";

export const ALL_RULES: readonly RegisteredPolicy[] = [
  allowedLocations,
  managedByTag,
  requiredTags,
  corpNoPublicEndpoints,
  activityLogToWorkspace,
  departmentBudgets,
  noPermanentAdminGroupRole,
  groupMembershipRestricted,
  conditionalAccessBreakGlassExcluded,
  conditionalAccessNoUnexcludedBlock,
  noStandingScopedAdminRole,
  seatsWithinOwned,
  noUnmarkedLicenceRemoval,
  uniqueNumbers,
  emergencyLocation,
  voiceDepartmentEmergencyPolicy,
  dialPlanLimits,
  noUnmarkedNumberRemoval,
];
