import { CONDITIONAL_ACCESS_POLICY } from "../../src/plan/conditionalAccess";
import { rankRisks } from "../../src/plan/risk";
import type { Risk } from "../../src/plan/model";
import { departmentSummary, resourceChange } from "./helpers/summary";

const read = (risks: readonly Risk[]) => risks.map((r) => `${r.level}: ${r.message}`);

/** A tenant-wide section with one change to the MFA policy. */
const tenantWide = (change: ReturnType<typeof resourceChange>) =>
  rankRisks([departmentSummary({ department: undefined, changes: [change] })]);

const stateChange = (old: string, now: string) =>
  resourceChange("update", CONDITIONAL_ACCESS_POLICY, "ca-vp-requireMfa", {
    properties: [{ path: "state", old, new: now }],
  });

describe("conditional access rollout risks", () => {
  it("report-only → on is high, in words, pointing at the policy", () => {
    const risks = tenantWide(stateChange("enabledForReportingButNotEnforced", "enabled"));
    expect(risks).toEqual([
      {
        level: "high",
        kind: "conditional-access-on",
        department: undefined,
        message:
          "tenant-wide: conditional access policy ca-vp-requireMfa switches from report-only to on — from now on Entra blocks every sign-in that does not meet it; check its report-only results first",
        urn: "urn:ca-vp-requireMfa",
      },
    ]);
  });

  it("off → on is high too", () => {
    expect(read(tenantWide(stateChange("disabled", "enabled")))).toEqual([
      "high: tenant-wide: conditional access policy ca-vp-requireMfa switches from off to on — from now on Entra blocks every sign-in that does not meet it; check its report-only results first",
    ]);
  });

  it("a policy created on, skipping report-only, is high; created report-only is not a risk", () => {
    const created = (state: string) => ({
      ...resourceChange("create", CONDITIONAL_ACCESS_POLICY, "ca-vp-blockLegacyAuthentication"),
      inputs: { state },
    });
    expect(read(tenantWide(created("enabled")))).toEqual([
      "high: tenant-wide: conditional access policy ca-vp-blockLegacyAuthentication is created on (enforced) with no report-only window — deploy it as reportOnly first and read its results in the sign-in logs",
    ]);
    expect(tenantWide(created("enabledForReportingButNotEnforced"))).toEqual([]);
  });

  it("on → report-only or off is medium: the protection stops", () => {
    expect(read(tenantWide(stateChange("enabled", "disabled")))).toEqual([
      "medium: tenant-wide: conditional access policy ca-vp-requireMfa is no longer enforced (on → off)",
    ]);
  });

  it("report-only ↔ off, and changes of a policy that is not enforced, are not risks", () => {
    expect(tenantWide(stateChange("disabled", "enabledForReportingButNotEnforced"))).toEqual([]);
    const levels = resourceChange("update", CONDITIONAL_ACCESS_POLICY, "ca-vp-signInRisk", {
      properties: [{ path: "conditions.signInRiskLevels[0]", old: "high", new: "medium" }],
      context: { state: "enabledForReportingButNotEnforced" },
    });
    expect(tenantWide(levels)).toEqual([]);
  });

  it("an enforced policy that changes whom it covers or what it asks is medium, each setting named once", () => {
    const change = resourceChange("update", CONDITIONAL_ACCESS_POLICY, "ca-vp-allowedLocations", {
      properties: [
        { path: "conditions.locations.excludedLocations[0]", old: "nl-a", new: "nl-b" },
        { path: "conditions.locations.excludedLocations[1]", new: "nl-c" },
        { path: "conditions.users.excludedUsers[2]", new: "11111111-1111-1111-1111-111111111111" },
      ],
      context: { state: "enabled" },
    });
    expect(read(tenantWide(change))).toEqual([
      "medium: tenant-wide: conditional access policy ca-vp-allowedLocations is on and changes conditions.locations.excludedLocations, conditions.users.excludedUsers — whom it covers or what it asks changes at once, with no report-only window",
    ]);
  });

  it("a department exception group added to an enforced policy is left to the department's exception risk", () => {
    const change = resourceChange("update", CONDITIONAL_ACCESS_POLICY, "ca-vp-requireMfa", {
      properties: [{ path: "conditions.users.excludedGroups[0]", new: "grp-vp-obras-exc-requiremfa" }],
      context: { state: "enabled" },
    });
    expect(tenantWide(change)).toEqual([]);
  });
});
