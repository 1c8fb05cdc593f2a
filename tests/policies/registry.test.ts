import { definePolicy, type RegisteredPolicy } from "../../policies/lib/define";
import { PolicyRegistry, registry, selectPolicies, selectRegistered } from "../../policies/registry";

const stub = (id: string): RegisteredPolicy =>
  definePolicy(
    {
      id,
      vendor: "teams",
      service: "voice",
      kind: "resource",
      severity: "low",
      enforcementLevel: "advisory",
      description: "A stub.",
      rationale: "Tests.",
      remediation: "None.",
      topics: [],
    },
    { validateResource: () => undefined },
  );

describe("the registry", () => {
  it("rejects a duplicate id and says how to fix it", () => {
    expect(() => new PolicyRegistry([stub("teams-voice-x-y"), stub("teams-voice-x-y")])).toThrow(
      "Another policy with the id 'teams-voice-x-y' is already registered. Either register the policy only once (policies/rules/index.ts), or give one of them a unique id.",
    );
  });

  it("rejects the reserved name 'all'", () => {
    expect(() => new PolicyRegistry([stub("all")])).toThrow("A policy may not be called 'all'");
  });

  it("rejects metadata whose kind disagrees with the body", () => {
    expect(() =>
      definePolicy(
        { ...stub("teams-voice-x-y").metadata, kind: "stack" },
        { validateResource: () => undefined },
      ),
    ).toThrow(
      "Policy 'teams-voice-x-y' is declared kind 'stack' but defines validateResource; make them agree.",
    );
  });

  it("selects by metadata", () => {
    expect(selectRegistered({ vendors: ["m365"] }).map((r) => r.metadata.id)).toEqual([
      "m365-identity-group-membership-restricted",
      "m365-identity-conditional-access-break-glass-excluded",
      "m365-identity-conditional-access-no-unexcluded-block",
      "m365-identity-no-standing-scoped-admin-role",
      "m365-licensing-grouplicenses-seats-within-owned",
      "m365-licensing-grouplicenses-no-unmarked-removal",
    ]);
    expect(
      selectRegistered({ severities: ["critical"], kinds: ["resource"] }).map((r) => r.metadata.id),
    ).toEqual([
      "m365-identity-conditional-access-break-glass-excluded",
      "m365-identity-conditional-access-no-unexcluded-block",
      "teams-voice-numberassignments-emergency-location",
    ]);
    expect(selectPolicies()).toHaveLength(registry.all().length);
  });

  it("builds the CrossGuard policy from the metadata", () => {
    for (const { metadata: m, policy } of registry.all()) {
      expect(policy).toMatchObject({
        name: m.id,
        description: m.description,
        severity: m.severity,
        enforcementLevel: m.enforcementLevel,
        remediationSteps: m.remediation,
      });
    }
  });
});
