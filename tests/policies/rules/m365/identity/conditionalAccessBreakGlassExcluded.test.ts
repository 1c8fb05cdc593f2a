import {
  CONDITIONAL_ACCESS_POLICY,
  conditionalAccessBreakGlassExcluded,
} from "../../../../../policies/rules/m365/identity/conditionalAccessBreakGlassExcluded";
import { runResourcePolicy } from "../../../helpers/harness";

const BG1 = "11111111-1111-4111-8111-111111111111";
const BG2 = "22222222-2222-4222-8222-222222222222";
const CONFIG = { breakGlassObjectIds: [BG1, BG2] };

const policy = (excludedUsers?: string[]) => ({
  displayName: "VP CA: Require MFA for all users",
  state: "enabled",
  conditions: { users: { includedUsers: ["All"], ...(excludedUsers ? { excludedUsers } : {}) } },
  grantControls: { operator: "OR", builtInControls: ["mfa"] },
});

const run = (props: Record<string, unknown>, config: Record<string, unknown> = CONFIG) =>
  runResourcePolicy(conditionalAccessBreakGlassExcluded, CONDITIONAL_ACCESS_POLICY, props, config);

describe("m365-identity-conditional-access-break-glass-excluded", () => {
  it("accepts a policy that excludes every break-glass account (ids in any case, others excluded too)", () => {
    expect(run(policy([BG2.toUpperCase(), "33333333-3333-4333-8333-333333333333", BG1]))).toEqual([]);
  });

  it("reports a policy that excludes none of them", () => {
    expect(run(policy())).toEqual([
      `Conditional access policy VP CA: Require MFA for all users does not exclude break-glass accounts ${BG1}, ${BG2}.`,
    ]);
  });

  it("reports a policy that excludes only one", () => {
    expect(run(policy([BG1]))).toEqual([
      `Conditional access policy VP CA: Require MFA for all users does not exclude break-glass account ${BG2}.`,
    ]);
  });

  it("reports a report-only or disabled policy too: switching it on must not be what locks everyone out", () => {
    expect(run({ ...policy(), state: "enabledForReportingButNotEnforced" })).toHaveLength(1);
  });

  it("without the stack's break-glass ids, requires at least one excluded user", () => {
    expect(run(policy(), {})).toEqual([
      "Conditional access policy VP CA: Require MFA for all users excludes no user, so it also applies to the break-glass accounts.",
    ]);
    expect(run(policy([BG1]), {})).toEqual([]);
  });
});
