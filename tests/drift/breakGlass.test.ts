import type { TenantDefinition } from "../../src/config/definition";
import { compareBreakGlass } from "../../src/drift/breakGlass";
import type { LiveUserConfiguration } from "../../src/live/snapshot";

const ACCOUNT = {
  userPrincipalName: "emergencia1@villa.onmicrosoft.com",
  objectId: "11111111-1111-4111-8111-111111111111",
};
const definition = {
  tenant: { identity: { breakGlass: [ACCOUNT] } },
} as unknown as TenantDefinition;

const config = (more: Partial<LiveUserConfiguration>): LiveUserConfiguration => ({
  id: ACCOUNT.objectId.toUpperCase(),
  userPrincipalName: ACCOUNT.userPrincipalName,
  telephoneNumbers: [],
  effectivePolicyAssignments: [],
  ...more,
});

describe("compareBreakGlass", () => {
  it("leaves an account with the tenant defaults alone, and accounts Teams does not list", () => {
    const defaults = config({
      effectivePolicyAssignments: [
        { policyType: "TeamsCallingPolicy", policyName: "Global", assignmentType: "direct" },
        { policyType: "TenantDialPlan", policyName: "ES-Capital", assignmentType: "direct" },
      ],
    });
    expect(compareBreakGlass(definition, [defaults], [], { TenantDialPlan: "ES-Capital" })).toEqual([]);
    expect(compareBreakGlass(definition, [], [])).toEqual([]);
  });

  it("names a number, a direct grant and a policy through a department group, each with what to do", () => {
    const held = config({
      telephoneNumbers: [{ telephoneNumber: "+34915550100", assignmentCategory: "primary" }],
      effectivePolicyAssignments: [
        {
          policyType: "TeamsCallingPolicy",
          policyName: "CDE-Estandar",
          assignmentType: "group",
          groupId: "G1",
        },
        { policyType: "OnlineVoiceRoutingPolicy", policyName: "CDE-Nacional", assignmentType: "direct" },
      ],
    });
    const found = compareBreakGlass(
      definition,
      [held],
      [{ id: "g1", displayName: "grp-vp-culture" } as never],
    );
    expect(found.map((e) => [e.kind, e.subject, e.actual, e.message])).toEqual([
      [
        "break-glass-teams",
        ACCOUNT.userPrincipalName,
        "+34915550100",
        `break-glass account ${ACCOUNT.userPrincipalName} holds number +34915550100: an emergency account has no number — unassign it in Teams`,
      ],
      [
        "break-glass-teams",
        ACCOUNT.userPrincipalName,
        "TeamsCallingPolicy:CDE-Estandar through grp-vp-culture",
        `break-glass account ${ACCOUNT.userPrincipalName} gets Teams policy TeamsCallingPolicy:CDE-Estandar through grp-vp-culture: a department's membership rule matches it — clear the attribute the rule tests on the emergency account`,
      ],
      [
        "break-glass-teams",
        ACCOUNT.userPrincipalName,
        "OnlineVoiceRoutingPolicy:CDE-Nacional",
        `break-glass account ${ACCOUNT.userPrincipalName} was granted Teams policy OnlineVoiceRoutingPolicy:CDE-Nacional directly: an emergency account has none — remove the grant in Teams`,
      ],
    ]);
  });
});
