import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { enforcementLevelOf, loadPackConfig, packConfigProblems, policyConfigOf } from "../../src/policy";
import { registry } from "../../policies/registry";
import { definitionDerivedConfig } from "../../src/policy/generated";
import { BREAK_GLASS_IDS, fullIdentity } from "../identity/conditionalAccess/helpers/identity";
import { minimalDefinition } from "../landing-zone/helpers/renderLandingZone";

const corp = () => registry.get("azure-network-corp-no-public-endpoints")!.policy;

describe("policy pack config", () => {
  it("loads every stack's file in policies/config without problems", () => {
    expect(() => loadPackConfig("example")).not.toThrow();
    expect(loadPackConfig("no-such-stack")).toEqual({});
  });

  it("names each problem and the fix", () => {
    expect(
      packConfigProblems({
        all: "loud",
        "azure-any-resource-alowed-locations": "mandatory",
        "teams-voice-dialplan-limits": { enforcementLevel: "sometimes", maxRules: 3 },
        "azure-network-corp-no-public-endpoints": { onlineDepartments: "cultura" },
      }),
    ).toEqual([
      "'all' must be one of advisory, mandatory, remediate, disabled",
      "'azure-any-resource-alowed-locations' is not a policy of the pack; see policies/RULES.md for the ids",
      "'teams-voice-dialplan-limits': enforcementLevel 'sometimes' must be one of advisory, mandatory, remediate, disabled",
      "'teams-voice-dialplan-limits': unknown property 'maxRules' (it takes none)",
      "'azure-network-corp-no-public-endpoints': 'onlineDepartments' must be of type array",
    ]);
  });

  it("rejects a file that is not JSON, naming it", () => {
    const dir = mkdtempSync(join(tmpdir(), "policy-config-"));
    try {
      writeFileSync(join(dir, "broken.json"), "{");
      expect(() => loadPackConfig("broken", dir)).toThrow(`${join(dir, "broken.json")}: not valid JSON`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("resolves the level: own entry, then all, then the policy's", () => {
    expect(enforcementLevelOf(corp(), {}, "advisory")).toBe("mandatory");
    expect(enforcementLevelOf(corp(), { all: "advisory" }, "advisory")).toBe("advisory");
    expect(
      enforcementLevelOf(
        corp(),
        { all: "advisory", "azure-network-corp-no-public-endpoints": "disabled" },
        "advisory",
      ),
    ).toBe("disabled");
  });

  it("gives getConfig the schema defaults overlaid with the entry, without the level", () => {
    expect(policyConfigOf(corp(), {})).toEqual({ onlineDepartments: [] });
    expect(
      policyConfigOf(corp(), {
        "azure-network-corp-no-public-endpoints": { enforcementLevel: "advisory", onlineDepartments: ["x"] },
      }),
    ).toEqual({ onlineDepartments: ["x"] });
  });
});

describe("definition-derived config: break-glass accounts", () => {
  const ID = "m365-identity-conditional-access-break-glass-excluded";

  it("gives the break-glass policy tenant.yaml's object ids, and nothing without an identity section", () => {
    const base = minimalDefinition();
    const withIdentity = { ...base, tenant: { ...base.tenant, identity: fullIdentity() } };
    expect(definitionDerivedConfig(withIdentity)[ID]).toEqual({ breakGlassObjectIds: BREAK_GLASS_IDS });
    expect(definitionDerivedConfig(base)).not.toHaveProperty(ID);
  });
});
