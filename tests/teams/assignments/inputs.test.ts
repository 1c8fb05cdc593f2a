import { checkAssignments, UNKNOWN_VALUE } from "../../../src/teams/assignments/inputs";
import type { GroupPolicyAssignmentsInputs } from "../../../src/resourceTypes";

const GROUP = "6bb7e5cd-6200-56f0-b7e7-7320d748147c";
const valid = (over: Partial<GroupPolicyAssignmentsInputs> = {}) =>
  ({
    department: "culture",
    groupId: GROUP,
    assignments: [{ policyType: "TeamsCallingPolicy", policyName: "Staff", rank: 1 }],
    ...over,
  }) as GroupPolicyAssignmentsInputs;
const entry = (policyType: string, policyName = "Staff", rank = 1) => ({ policyType, policyName, rank });

describe("checkAssignments", () => {
  it("passes a valid department, and a group id still unknown during a first preview", () => {
    expect(checkAssignments(valid())).toEqual([]);
    expect(checkAssignments(valid({ groupId: UNKNOWN_VALUE }))).toEqual([]);
  });

  it.each<[string, Partial<GroupPolicyAssignmentsInputs>, string, string]>([
    ["no department", { department: "" }, "department", "must be the department id"],
    [
      "a group named, not its object id",
      { groupId: "GRP Culture" },
      "groupId",
      "must be the department group's object id",
    ],
    [
      "an unknown policy type",
      { assignments: [entry("TeamsCallingPolicies")] as never },
      "assignments[0].policyType",
      "must be one of",
    ],
    [
      "emergency call routing (Teams cannot assign it to groups)",
      { assignments: [entry("TeamsEmergencyCallRoutingPolicy")] as never },
      "assignments[0].policyType",
      "use teamsVoice.globalEmergencyCallRoutingPolicy",
    ],
    [
      "a type assigned twice",
      { assignments: [entry("TenantDialPlan"), entry("TenantDialPlan", "Other")] as never },
      "assignments[1].policyType",
      "TenantDialPlan is assigned twice",
    ],
    [
      "no policy name",
      { assignments: [entry("TenantDialPlan", "")] as never },
      "assignments[0].policyName",
      "must be a policy name",
    ],
    [
      "rank 0",
      { assignments: [entry("TenantDialPlan", "x", 0)] as never },
      "assignments[0].rank",
      "must be a whole number >= 1",
    ],
    [
      "rank 1.5",
      { assignments: [entry("TenantDialPlan", "x", 1.5)] as never },
      "assignments[0].rank",
      "must be a whole number >= 1",
    ],
  ])("refuses %s, naming the property", (_what, over, property, reason) => {
    expect(checkAssignments(valid(over))).toEqual([{ property, reason: expect.stringContaining(reason) }]);
  });
});
