import { emptyTeamsArea, type TeamsAreaDoc } from "../../../src/emulator/state/teams";
import {
  addGroupAssignment,
  canonicalPolicyType,
  createPolicy,
  effectivePolicies,
  findPolicy,
  groupAssignmentsOf,
  listPolicies,
  policyIdentity,
  policyNameOf,
  policyUses,
  removeGroupAssignment,
  type MemberOf,
} from "../../../src/emulator/state/teamsPolicies";
import type { UserRecord } from "../../../src/emulator/state/types";

/**
 * Teams policies and who gets them, as MicrosoftDocs/office-docs-powershell
 * teams/teams-ps/MicrosoftTeams/New-CsGroupPolicyAssignment.md (93336da2bca96c31c0fc8acc52658a30ef8a6c94) says: a
 * user directly assigned a policy of a type does not inherit one of that type from a group; of several groups the
 * best-ranked assignment wins; the rank is relative to the other assignments of the same policy type.
 */
const TENANT = "11111111-2222-3333-4444-555555555555";
const CALLING = "TeamsCallingPolicy";
const ana = { id: "AAAA-ana" } as UserRecord;

function area(): TeamsAreaDoc {
  return emptyTeamsArea();
}

const ranks = (a: TeamsAreaDoc) => groupAssignmentsOf(a, CALLING).map((g) => `${g.groupId}:${g.rank}`);

describe("policy names and types", () => {
  it.each([
    ["Tag:Staff", "Staff"],
    ["tag:Staff", "Staff"],
    ["Global", "Global"],
    ["Staff", "Staff"],
  ])("the identity %s names the policy %s", (identity, name) => {
    expect(policyNameOf(identity)).toBe(name);
  });

  it.each([
    ["Staff", "Tag:Staff"],
    ["global", "Global"],
  ])("PowerShell shows the policy %s as %s", (name, identity) => {
    expect(policyIdentity({ name })).toBe(identity);
  });

  it.each([
    ["teamscallingpolicy", CALLING],
    ["TENANTDIALPLAN", "TenantDialPlan"],
    ["TeamsMeetingPolicy", "TeamsMeetingPolicy"],
    ["TeamsCallingPolicies", undefined],
  ])("the policy type %s is known as %s", (given, canonical) => {
    expect(canonicalPolicyType(given)).toBe(canonical);
  });
});

describe("policies", () => {
  it("always has the built-in Global of each type, with a stable id", () => {
    const a = area();
    expect(listPolicies(a, TENANT, CALLING).map((p) => p.name)).toEqual(["Global"]);
    expect(findPolicy(a, TENANT, CALLING, "GLOBAL")?.policyId).toBe(
      findPolicy(area(), TENANT, CALLING, "Global")?.policyId,
    );
  });

  it("finds a policy by name case-insensitively, only within its type", () => {
    const a = area();
    const staff = createPolicy(a, TENANT, CALLING, "Staff", {});
    expect(findPolicy(a, TENANT, CALLING, "STAFF")).toBe(staff);
    expect(findPolicy(a, TENANT, "TenantDialPlan", "Staff")).toBeUndefined();
  });

  it("gives a re-created policy a new id, as Teams does", () => {
    const a = area();
    const first = createPolicy(a, TENANT, CALLING, "Staff", {});
    const second = createPolicy(a, TENANT, CALLING, "Staff", {});
    expect(second.policyId).not.toBe(first.policyId);
    expect(first.policyId).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("names where a policy is in use, so its removal can be refused", () => {
    const a = area();
    const staff = createPolicy(a, TENANT, CALLING, "Staff", {});
    expect(policyUses(a, staff)).toEqual([]);
    addGroupAssignment(a, { groupId: "g1", policyType: CALLING, policyName: "staff" }, 0);
    a.userPolicies["u1"] = { [CALLING]: staff.policyId };
    a.userPolicies["u2"] = { [CALLING]: staff.policyId };
    expect(policyUses(a, staff)).toEqual([
      "it is assigned to group 'g1'",
      "it is assigned to 2 user(s) directly",
    ]);
  });
});

describe("group assignment ranks (1..n per type)", () => {
  const add = (a: TeamsAreaDoc, groupId: string, rank?: number) =>
    addGroupAssignment(a, { groupId, policyType: CALLING, policyName: "Staff", rank }, 0);

  it.each<[string, (number | undefined)[], string[]]>([
    ["appends without a rank", [undefined, undefined], ["g0:1", "g1:2"]],
    ["inserts at a rank, shifting the others down", [undefined, undefined, 1], ["g2:1", "g0:2", "g1:3"]],
    ["clamps a rank past the end to the end", [undefined, 9], ["g0:1", "g1:2"]],
    ["clamps a rank below 1 to 1", [undefined, 0], ["g1:1", "g0:2"]],
  ])("%s", (_what, given, expected) => {
    const a = area();
    given.forEach((rank, i) => add(a, `g${i}`, rank));
    expect(ranks(a)).toEqual(expected);
  });

  it("closes the gap when one is removed, leaving other types alone", () => {
    const a = area();
    ["g0", "g1", "g2"].forEach((g) => add(a, g));
    addGroupAssignment(a, { groupId: "d", policyType: "TenantDialPlan", policyName: "x" }, 0);
    removeGroupAssignment(a, groupAssignmentsOf(a, CALLING)[0]);
    expect(ranks(a)).toEqual(["g1:1", "g2:2"]);
    expect(groupAssignmentsOf(a, "TenantDialPlan")[0].rank).toBe(1);
  });
});

describe("effectivePolicies", () => {
  const inGroups =
    (...groups: string[]): MemberOf =>
    (groupId) =>
      groups.includes(groupId);
  const callingOf = (a: TeamsAreaDoc, memberOf: MemberOf) =>
    effectivePolicies(a, TENANT, ana, memberOf).find((e) => e.policyType === CALLING)!;

  function setUp() {
    const a = area();
    const high = createPolicy(a, TENANT, CALLING, "High", {});
    const low = createPolicy(a, TENANT, CALLING, "Low", {});
    const mine = createPolicy(a, TENANT, CALLING, "Mine", {});
    addGroupAssignment(a, { groupId: "gLow", policyType: CALLING, policyName: "Low" }, 0);
    addGroupAssignment(a, { groupId: "gHigh", policyType: CALLING, policyName: "High", rank: 1 }, 0);
    return { a, high, low, mine };
  }

  it("a direct assignment beats every group", () => {
    const { a, mine } = setUp();
    a.userPolicies["aaaa-ana"] = { [CALLING]: mine.policyId };
    expect(callingOf(a, inGroups("gHigh", "gLow"))).toEqual({
      policyType: CALLING,
      displayName: "Mine",
      assignmentType: "direct",
      policyId: mine.policyId,
      groupId: null,
    });
  });

  it.each([
    ["both groups: the lowest rank wins", ["gHigh", "gLow"], "High", "gHigh"],
    ["only the second-ranked group", ["gLow"], "Low", "gLow"],
  ])("among groups, %s", (_what, groups, name, groupId) => {
    const { a } = setUp();
    expect(callingOf(a, inGroups(...groups))).toMatchObject({
      displayName: name,
      assignmentType: "group",
      groupId,
    });
  });

  it("without any assignment, the tenant's Global applies", () => {
    const { a } = setUp();
    expect(callingOf(a, inGroups())).toMatchObject({ displayName: "Global", groupId: null });
  });

  it("answers one entry per managed policy type", () => {
    expect(effectivePolicies(area(), TENANT, ana, inGroups()).map((e) => e.policyType)).toEqual([
      "TeamsCallingPolicy",
      "TeamsEmergencyCallingPolicy",
      "TeamsEmergencyCallRoutingPolicy",
      "OnlineVoiceRoutingPolicy",
      "TenantDialPlan",
    ]);
  });
});
