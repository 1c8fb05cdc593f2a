import { CONDITIONAL_ACCESS_POLICY } from "../../../../../policies/rules/m365/identity/conditionalAccessBreakGlassExcluded";
import { conditionalAccessNoUnexcludedBlock } from "../../../../../policies/rules/m365/identity/conditionalAccessNoUnexcludedBlock";
import { runResourcePolicy } from "../../../helpers/harness";

const block = (users: Record<string, unknown>, state = "enabled") => ({
  displayName: "VP CA: Block legacy authentication",
  state,
  conditions: { users, clientAppTypes: ["exchangeActiveSync", "other"] },
  grantControls: { operator: "OR", builtInControls: ["block"] },
});

const run = (props: Record<string, unknown>) =>
  runResourcePolicy(conditionalAccessNoUnexcludedBlock, CONDITIONAL_ACCESS_POLICY, props);

describe("m365-identity-conditional-access-no-unexcluded-block", () => {
  it("reports an enabled block of all users that excludes no one", () => {
    expect(run(block({ includedUsers: ["All"] }))).toEqual([
      "Conditional access policy VP CA: Block legacy authentication is enabled, blocks all users and excludes no one: it would lock everyone out of the tenant.",
    ]);
    expect(run(block({ includedUsers: ["All"], excludedUsers: [], excludedGroups: [] }))).toHaveLength(1);
  });

  it.each([
    ["a user", { excludedUsers: ["11111111-1111-4111-8111-111111111111"] }],
    ["a group", { excludedGroups: ["g"] }],
    ["a role", { excludedRoles: ["r"] }],
  ])("accepts the block when it excludes %s", (_, exclusion) => {
    expect(run(block({ includedUsers: ["All"], ...exclusion }))).toEqual([]);
  });

  it("accepts a report-only or disabled block, a block of some users, and an enabled MFA policy", () => {
    expect(run(block({ includedUsers: ["All"] }, "enabledForReportingButNotEnforced"))).toEqual([]);
    expect(run(block({ includedUsers: ["All"] }, "disabled"))).toEqual([]);
    expect(run(block({ includedRoles: ["62e90394-69f5-4237-9190-012177145e10"] }))).toEqual([]);
    expect(
      run({
        ...block({ includedUsers: ["All"] }),
        grantControls: { operator: "OR", builtInControls: ["mfa"] },
      }),
    ).toEqual([]);
  });
});
