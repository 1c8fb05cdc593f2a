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

  it("other changes of a policy, and report-only ↔ off, are not risks", () => {
    expect(tenantWide(stateChange("disabled", "enabledForReportingButNotEnforced"))).toEqual([]);
    const levels = resourceChange("update", CONDITIONAL_ACCESS_POLICY, "ca-vp-signInRisk", {
      properties: [{ path: "conditions.signInRiskLevels[0]", old: "high", new: "medium" }],
    });
    expect(tenantWide(levels)).toEqual([]);
  });
});
