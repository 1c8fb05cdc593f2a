import {
  planAssignments,
  sameAssignments,
  sortAssignments,
  type AssignmentEntry,
} from "../../../src/teams/assignments/delta";
import type { GroupPolicyAssignment } from "../../../src/teams/admin/port";

const entry = (policyType: string, policyName: string, rank: number) =>
  ({ policyType, policyName, rank }) as AssignmentEntry;
const live = (policyType: string, policyName: string, rank: number) =>
  ({ groupId: "g", policyType, policyName, rank }) as GroupPolicyAssignment;

describe("planAssignments", () => {
  const calling = entry("TeamsCallingPolicy", "Staff", 2);

  it.each<
    [string, AssignmentEntry[], GroupPolicyAssignment[], AssignmentEntry[], AssignmentEntry[], string[]]
  >([
    ["grants a type the group lacks", [calling], [], [], [calling], []],
    [
      "re-grants when the group holds another policy of the type",
      [calling],
      [live("TeamsCallingPolicy", "Other", 2)],
      [calling],
      [calling],
      [],
    ],
    [
      // Ranks are positional: another department's change moves the live rank; that is not drift.
      "leaves it alone when only the live rank moved",
      [calling],
      [live("TeamsCallingPolicy", "staff", 5)],
      [calling],
      [],
      [],
    ],
    [
      "re-inserts when the definition moved the rank",
      [entry("TeamsCallingPolicy", "Staff", 1)],
      [live("TeamsCallingPolicy", "Staff", 2)],
      [calling],
      [entry("TeamsCallingPolicy", "Staff", 1)],
      [],
    ],
    [
      "removes a type it granted and the definition dropped",
      [],
      [live("TeamsCallingPolicy", "Staff", 2)],
      [calling],
      [],
      ["TeamsCallingPolicy"],
    ],
    [
      "does not remove what someone else granted since",
      [],
      [live("TeamsCallingPolicy", "Theirs", 2)],
      [calling],
      [],
      [],
    ],
    ["does not remove what is already gone", [], [], [calling], [], []],
  ])("%s", (_what, desired, liveNow, previous, grant, remove) => {
    expect(planAssignments(desired, liveNow, previous)).toEqual({ grant, remove });
  });
});

describe("sameAssignments", () => {
  it.each<[string, AssignmentEntry[], AssignmentEntry[], boolean]>([
    ["policy names compare case-insensitively", [entry("T", "Staff", 1)], [entry("T", "STAFF", 1)], true],
    [
      "order does not matter",
      [entry("A", "x", 1), entry("B", "y", 1)],
      [entry("B", "y", 1), entry("A", "x", 1)],
      true,
    ],
    ["a rank differs", [entry("T", "Staff", 1)], [entry("T", "Staff", 2)], false],
    ["an entry is missing", [entry("T", "Staff", 1)], [], false],
  ])("%s: %s", (_what, a, b, same) => {
    expect(sameAssignments(a, b)).toBe(same);
  });
});

describe("sortAssignments", () => {
  it("orders by policy type without touching its input", () => {
    const list = [entry("TenantDialPlan", "d", 1), entry("TeamsCallingPolicy", "c", 1)];
    expect(sortAssignments(list).map((e) => e.policyType)).toEqual(["TeamsCallingPolicy", "TenantDialPlan"]);
    expect(list[0].policyType).toBe("TenantDialPlan");
  });
});
