import { inferRanges } from "../../src/export/ranges";
import { parseMembershipRule } from "../../src/export/membership";
import { locationId, slugText } from "../../src/export/addresses";
import { membershipRule } from "../../src/identity/membershipRule";
import { inferGlobalPolicies } from "../../src/live/readTeams";
import { mergeRanks } from "../../src/export/ranks";
import type { LivePolicy } from "../../src/live/snapshot";

describe("parseMembershipRule inverts the toolkit's membershipRule", () => {
  it.each([
    [{ attribute: "department" as const, values: ["Cultura"] }],
    [{ attribute: "companyName" as const, values: ["A", "B c"] }],
    [{ attribute: "department" as const, values: ['Say "hi"', "back`tick", "a,b"] }],
  ])("%j", (membership) => {
    expect(parseMembershipRule(membershipRule(membership))).toEqual(membership);
  });

  it.each([
    ['(user.department -eq "A") or (user.city -eq "B")'],
    ['(user.department -ne "A")'],
    ["(user.department -eq A)"],
    ['(user.department -in ["A",])'],
    [null],
  ])("%j is not the structured form", (rule) => {
    expect(parseMembershipRule(rule)).toBeUndefined();
  });
});

describe("inferRanges", () => {
  const n = (telephoneNumber: string, department?: string, numberType = "directRouting" as const) => ({
    telephoneNumber,
    numberType,
    department,
  });

  it("joins consecutive numbers of one type and splits where the department changes", () => {
    const ranges = inferRanges([
      n("+34915550003", "b"),
      n("+34915550000"),
      n("+34915550001", "a"),
      n("+34915550002"),
      n("+34915550004"),
      // a gap starts a new block
      n("+34915550010"),
      n("+34915550011"),
    ]);
    expect(ranges.map((r) => [r.id, r.start, r.end, r.departments])).toEqual([
      ["a-dr", "+34915550000", "+34915550002", ["a"]],
      ["b-dr", "+34915550003", "+34915550004", ["b"]],
      ["reserve-dr", "+34915550010", "+34915550011", []],
    ]);
  });

  it("does not join numbers of different types, and numbers a department's second range", () => {
    const ranges = inferRanges([
      n("+34915550000", "a"),
      n("+34915550001", "a", "operatorConnect" as never),
      n("+34915550005", "a"),
    ]);
    expect(ranges.map((r) => [r.id, r.type, r.start, r.end])).toEqual([
      ["a-dr", "directRouting", "+34915550000", "+34915550000"],
      ["a-oc", "operatorConnect", "+34915550001", "+34915550001"],
      ["a-dr-2", "directRouting", "+34915550005", "+34915550005"],
    ]);
  });
});

describe("location ids", () => {
  it.each([
    ["Planta baja", "town-hall-planta-baja"],
    ["Sótano 1 (CPD y seguridad)", "town-hall-sotano-1-cpd-y-seguridad"],
    ["", "town-hall-location"],
  ])("%j → %s", (name, id) => {
    expect(locationId("town-hall", name, new Set())).toBe(id);
  });

  it("keeps ids unique and at most 40 characters", () => {
    const taken = new Set<string>();
    const a = locationId("a-very-long-building-identifier-x", "Planta baja numero uno", taken);
    const b = locationId("a-very-long-building-identifier-x", "Planta baja numero uno", taken);
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(40);
    expect(b.length).toBeLessThanOrEqual(40);
    expect(slugText("Ñandú Ü")).toBe("nandu-u");
  });
});

describe("inferGlobalPolicies", () => {
  // Grant-CsTeamsEmergencyCallRoutingPolicy.md @ 93336da (-Global): Global takes a COPY of the named settings.
  const policy = (name: string, settings: Record<string, unknown>): LivePolicy => ({
    type: "TeamsEmergencyCallRoutingPolicy",
    name,
    settings,
  });

  it("names the one policy whose settings Global holds; nothing when none or several match", () => {
    const e112 = { EmergencyNumbers: [{ EmergencyDialString: "112" }] };
    expect(inferGlobalPolicies([policy("Global", e112), policy("E-112", e112), policy("Other", {})])).toEqual(
      {
        TeamsEmergencyCallRoutingPolicy: "E-112",
      },
    );
    expect(inferGlobalPolicies([policy("Global", e112), policy("A", e112), policy("B", e112)])).toEqual({});
    expect(inferGlobalPolicies([policy("Global", {}), policy("Empty", {})])).toEqual({});
  });
});

describe("mergeRanks", () => {
  const r = (department: string, policyType: string, rank: number) => ({ department, policyType, rank });

  it("ranks departments 10, 11, … (after the platform team's reserved ranks) in the order every type agrees on", () => {
    const merged = mergeRanks([
      r("b", "calling", 2),
      r("a", "calling", 1),
      r("c", "dial", 2),
      r("b", "dial", 1),
    ]);
    expect(merged.conflicts).toEqual([]);
    expect([...merged.ranks].sort()).toEqual([
      ["a", 10],
      ["b", 11],
      ["c", 12],
    ]);
  });

  it("gives everyone the default rank when the types' orders contradict each other", () => {
    const merged = mergeRanks([
      r("a", "calling", 1),
      r("b", "calling", 2),
      r("b", "dial", 1),
      r("a", "dial", 2),
    ]);
    expect(merged.conflicts).toEqual(["a", "b"]);
    expect([...merged.ranks.values()]).toEqual([10, 10]);
  });
});
