import { emptyTeamsArea } from "../../../src/emulator/state/teams";
import { isPsError } from "../../../src/emulator/state/teamsCmdletBinding";
import { createPolicy, MAX_GROUPS_PER_POLICY_TYPE } from "../../../src/emulator/state/teamsPolicies";
import { GROUP_HANDLERS } from "../../../src/emulator/state/teamsPsGroups";
import type { PsContext } from "../../../src/emulator/state/teamsPsPolicies";
import { guidFrom } from "../../../src/emulator/ids";

/**
 * Group policy assignment (MicrosoftDocs/office-docs-powershell teams/teams-ps/MicrosoftTeams/
 * New-CsGroupPolicyAssignment.md, Get-/Remove-CsGroupPolicyAssignment.md at 93336da2bca96c31c0fc8acc52658a30ef8a6c94):
 * one assignment per group and policy type, ranked relative to the others of that type, at most 64 groups per type,
 * not for Emergency Call Routing policies. Parameters arrive bound.
 */
type Obj = Record<string, unknown>;
const TENANT = "11111111-2222-3333-4444-555555555555";
const group = (n: number) => guidFrom("group", String(n));

function groups() {
  const area = emptyTeamsArea();
  const state = {
    findGroup: (id: string) => (id.startsWith("00000000") ? undefined : { id: id.toLowerCase() }),
  };
  const ctx = { area, tenantId: TENANT, now: Date.UTC(2026, 0, 1), state } as unknown as PsContext;
  createPolicy(area, TENANT, "TeamsCallingPolicy", "Staff", {});
  createPolicy(area, TENANT, "TeamsEmergencyCallRoutingPolicy", "Madrid", {});
  const run = (cmdlet: string, params: Obj) => GROUP_HANDLERS[cmdlet](ctx, params);
  const assign = (groupId: string, extra: Obj = {}) =>
    run("New-CsGroupPolicyAssignment", {
      GroupId: groupId,
      PolicyType: "TeamsCallingPolicy",
      PolicyName: "Staff",
      ...extra,
    });
  const list = (params: Obj = {}) => {
    const result = run("Get-CsGroupPolicyAssignment", params);
    if (isPsError(result)) throw new Error(result.message);
    return result as Obj[];
  };
  return { area, run, assign, list };
}

describe("New-CsGroupPolicyAssignment", () => {
  it("assigns, showing the rank as Priority", () => {
    const g = groups();
    expect(g.assign(group(1))).toBeNull();
    expect(g.assign(group(2), { Rank: "1" })).toBeNull();
    expect(g.list()).toEqual([
      expect.objectContaining({ GroupId: group(2), PolicyName: "Staff", Priority: 1 }),
      expect.objectContaining({ GroupId: group(1), PolicyName: "Staff", Priority: 2 }),
    ]);
  });

  it.each<[string, Obj, string]>([
    [
      "an Emergency Call Routing policy",
      { PolicyType: "TeamsEmergencyCallRoutingPolicy", PolicyName: "Madrid" },
      "InvalidArgument",
    ],
    ["a group that does not exist", { GroupId: "00000000-0000-0000-0000-000000000000" }, "ObjectNotFound"],
    ["a group id that is no GUID", { GroupId: "culture" }, "ObjectNotFound"],
    ["a policy that does not exist", { PolicyName: "Nobody" }, "ObjectNotFound"],
    ["a rank that is no whole number", { Rank: "first" }, "InvalidArgument"],
    ["a rank below 1", { Rank: "0" }, "InvalidArgument"],
  ])("refuses %s", (_what, params, kind) => {
    const g = groups();
    expect(g.assign(group(1), params)).toMatchObject({ kind });
    expect(g.area.groupAssignments).toEqual([]);
  });

  it("refuses a second assignment of the same type to a group", () => {
    const g = groups();
    g.assign(group(1));
    expect(g.assign(group(1).toUpperCase())).toMatchObject({ kind: "ResourceExists" });
  });

  it(`refuses a group past the documented ${MAX_GROUPS_PER_POLICY_TYPE} per policy type`, () => {
    const g = groups();
    for (let i = 1; i <= MAX_GROUPS_PER_POLICY_TYPE; i++) expect(g.assign(group(i))).toBeNull();
    expect(g.assign(group(MAX_GROUPS_PER_POLICY_TYPE + 1))).toMatchObject({ kind: "LimitsExceeded" });
  });
});

describe("Get- and Remove-CsGroupPolicyAssignment", () => {
  it("filters by group and by type", () => {
    const g = groups();
    g.assign(group(1));
    g.assign(group(2));
    expect(g.list({ GroupId: group(2).toUpperCase() })).toHaveLength(1);
    expect(g.list({ PolicyType: "TenantDialPlan" })).toEqual([]);
  });

  it("removes an assignment and closes the rank gap", () => {
    const g = groups();
    [1, 2, 3].forEach((n) => g.assign(group(n)));
    expect(
      g.run("Remove-CsGroupPolicyAssignment", { GroupId: group(1), PolicyType: "TeamsCallingPolicy" }),
    ).toBeNull();
    expect(g.list().map((a) => [a.GroupId, a.Priority])).toEqual([
      [group(2), 1],
      [group(3), 2],
    ]);
  });

  // New takes the policy type in any casing; Get and Remove must then find what New made.
  it("matches the policy type in any casing, as New does", () => {
    const g = groups();
    g.assign(group(1), { PolicyType: "teamscallingpolicy" });
    expect(g.list({ PolicyType: "TEAMSCALLINGPOLICY" })).toHaveLength(1);
    expect(
      g.run("Remove-CsGroupPolicyAssignment", { GroupId: group(1), PolicyType: "teamsCallingPolicy" }),
    ).toBeNull();
  });

  it("refuses to remove an assignment that does not exist", () => {
    expect(
      groups().run("Remove-CsGroupPolicyAssignment", { GroupId: group(1), PolicyType: "TeamsCallingPolicy" }),
    ).toMatchObject({ kind: "ObjectNotFound" });
  });
});
