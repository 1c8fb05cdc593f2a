/** Department group policy assignments and tenant-wide grants (docs/teams-voice.md). */
export { GroupPolicyAssignments } from "./GroupPolicyAssignments";
export { createGroupPolicyAssignmentsProvider, MAX_GROUPS_PER_POLICY_TYPE } from "./provider";
export { GlobalPolicyGrant } from "./GlobalPolicyGrant";
export { createGlobalPolicyGrantProvider } from "./globalGrantProvider";
