import type { TenantDefinition } from "../../src/config/definition";
import { evaluate, evaluatePolicies, policyExitCode, type PolicyResult } from "../../src/policy";
import { SecretValue, UNKNOWN, type RenderedGraph, type RenderedResource } from "../../src/render/graph";
import { renderTenant } from "../../src/render/renderer";
import { RESOURCE_TYPES } from "../../src/resourceTypes";
import { selectRegistered } from "../../policies/registry";
import { loadValidDefinition } from "../../src/stackConfig";
import { DefinitionFixture } from "../helpers/definitionFixture";
import { dialPlan, groupLicenses, numberAssignments } from "./helpers/fixtures";

/**
 * The offline evaluator on real renders of tests/fixtures/minimal (edited copies for the violations), and on
 * small graphs for what the render cannot produce yet (Teams resources, unknowns, secrets).
 */
const SETTINGS = {
  layers: ["landingZone", "identity", "m365", "teamsVoice"] as (
    "landingZone" | "identity" | "m365" | "teamsVoice"
  )[],
  budgetStartDate: "2026-11-01T00:00:00Z",
  environment: "test",
};

async function renderFixture(
  edit?: (f: DefinitionFixture) => void,
  change: (d: TenantDefinition) => TenantDefinition = (d) => d,
): Promise<RenderedGraph> {
  const fixture = new DefinitionFixture();
  try {
    edit?.(fixture);
    return (await renderTenant(change(loadValidDefinition(fixture.dir)), SETTINGS)).graph;
  } finally {
    fixture.remove();
  }
}

const summary = (results: PolicyResult[]) =>
  results.map((r) => `${r.enforcementLevel} ${r.policy}: ${r.message}`);

describe("evaluatePolicies on the minimal fixture", () => {
  let clean: RenderedGraph;
  let moved: RenderedGraph;
  beforeAll(async () => {
    clean = await renderFixture();
    // Mobility's spoke moves to a region the landing zone does not allow. `tenant validate` refuses that in the
    // YAML, so the edit is made after loading: the policy is the check that still holds when code, not the
    // definition, picks the region.
    moved = await renderFixture(undefined, (d) => ({
      ...d,
      departments: d.departments.map((dep) =>
        dep.id === "mobility" ? { ...dep, network: { ...dep.network, region: "eastus" } } : dep,
      ),
    }));
  });

  it("finds nothing in the clean fixture, and exits 0", () => {
    const results = evaluatePolicies(clean, { previous: clean });
    expect(results).toEqual([]);
    expect(policyExitCode(results)).toBe(0);
  });

  it("blocks a department moved to a disallowed region, at its resources", () => {
    const results = evaluatePolicies(moved);
    expect(results).toEqual(
      ["rg-vp-mobility", "vnet-vp-mobility-eastus"].map((name) => ({
        policy: "azure-any-resource-allowed-locations",
        severity: "high",
        enforcementLevel: "mandatory",
        message: `'${name}' is in region 'eastus', which is not allowed; allowed regions: spaincentral, westeurope.`,
        urn: moved.resources.find((r) => r.name === name)?.urn,
        resourceName: name,
        resourceType: name.startsWith("rg-")
          ? "azure-native:resources:ResourceGroup"
          : "azure-native:network:VirtualNetwork",
      })),
    );
    expect(policyExitCode(results)).toBe(1);
  });

  it("lets config disable the policy", () => {
    expect(
      evaluatePolicies(moved, { config: { "azure-any-resource-allowed-locations": "disabled" } }),
    ).toEqual([]);
  });

  it("lets config lower it to advisory, which warns without blocking", () => {
    const results = evaluatePolicies(moved, {
      config: { "azure-any-resource-allowed-locations": { enforcementLevel: "advisory" } },
    });
    expect(results.map((r) => r.enforcementLevel)).toEqual(["advisory", "advisory"]);
    expect(policyExitCode(results)).toBe(0);
  });

  it("lets 'all' set every level and a policy's own entry win over it", () => {
    const results = evaluatePolicies(moved, {
      config: { all: "advisory", "azure-any-resource-allowed-locations": "remediate" },
    });
    // remediate without a remediation reports as mandatory, as the analyzer does.
    expect(results.map((r) => r.enforcementLevel)).toEqual(["mandatory", "mandatory"]);
  });

  it("makes an advisory policy mandatory through config", () => {
    const untagged = structuredClone(clean);
    const rg = untagged.resources.find((r) => r.name === "rg-vp-culture") as RenderedResource;
    delete (rg.inputs.tags as Record<string, string>).managedBy;
    expect(summary(evaluatePolicies(untagged))).toEqual([
      "advisory azure-any-resource-managed-by-tag: The resource has no 'managedBy' tag.",
    ]);
    expect(
      summary(evaluatePolicies(untagged, { config: { "azure-any-resource-managed-by-tag": "mandatory" } })),
    ).toEqual(["mandatory azure-any-resource-managed-by-tag: The resource has no 'managedBy' tag."]);
  });

  it("reports which policies did not apply", () => {
    const { notApplicable } = evaluate(clean);
    expect(notApplicable.map((n) => n.policy)).toEqual(
      expect.arrayContaining([
        "m365-licensing-grouplicenses-no-unmarked-removal",
        "teams-voice-numberassignments-no-unmarked-removal",
      ]),
    );
  });
});

describe("evaluatePolicies on fabricated graphs", () => {
  const resource = (type: string, name: string, inputs: Record<string, unknown>): RenderedResource => ({
    urn: `urn:pulumi:test::tenant::${type}::${name}`,
    type,
    name,
    custom: true,
    parent: "urn:pulumi:test::tenant::pulumi:pulumi:Stack::tenant-test",
    dependencies: [],
    inputs,
    read: false,
  });
  const graph = (...resources: RenderedResource[]): RenderedGraph => ({
    project: "tenant",
    stack: "test",
    resources,
  });

  it("turns an unknown the policy reads into an advisory 'can't run during preview'", () => {
    const plan = resource(RESOURCE_TYPES.dialPlan, "dp", { ...dialPlan(), name: UNKNOWN });
    expect(evaluatePolicies(graph(plan))).toEqual([
      {
        policy: "teams-voice-dialplan-limits",
        severity: "medium",
        enforcementLevel: "advisory",
        message:
          "can't run policy 'teams-voice-dialplan-limits' from policy pack 'tenant-guard@v0.1.0' during preview: string value at .name can't be known during preview",
        urn: plan.urn,
        resourceName: "dp",
        resourceType: RESOURCE_TYPES.dialPlan,
      },
    ]);
  });

  it("hands policies the plaintext of secrets", () => {
    const inputs = numberAssignments();
    const numbers = resource(RESOURCE_TYPES.numberAssignments, "numbers-culture", {
      ...inputs,
      assignments: new SecretValue([{ ...inputs.assignments[0], emergencyLocation: "" }]),
    });
    expect(
      summary(
        evaluatePolicies(graph(numbers), {
          config: { all: "disabled", "teams-voice-numberassignments-emergency-location": "mandatory" },
        }),
      ),
    ).toEqual([
      "mandatory teams-voice-numberassignments-emergency-location: Number +34915550001 of ana@villa.example has no emergency location.",
    ]);
  });

  it("compares against the base render for removals", () => {
    const before = graph(
      resource(RESOURCE_TYPES.groupLicenses, "licences-culture", { ...groupLicenses() }),
      resource(RESOURCE_TYPES.numberAssignments, "numbers-culture", { ...numberAssignments() }),
    );
    const after = graph(
      resource(RESOURCE_TYPES.groupLicenses, "licences-culture", {
        ...groupLicenses(),
        licences: groupLicenses().licences.slice(0, 1),
      }),
      resource(RESOURCE_TYPES.numberAssignments, "numbers-culture", {
        ...numberAssignments(),
        assignments: numberAssignments().assignments.slice(1),
        intentionalRemovals: { numbers: ["+34915550001"], skus: [] },
      }),
    );
    const policies = selectRegistered({
      ids: [
        "m365-licensing-grouplicenses-no-unmarked-removal",
        "teams-voice-numberassignments-no-unmarked-removal",
      ],
    });
    expect(summary(evaluatePolicies(after, { previous: before, policies }))).toEqual([
      "mandatory m365-licensing-grouplicenses-no-unmarked-removal: Department 'culture' would lose MCOEV; list it in intentionalRemovals.skus to remove it on purpose.",
    ]);
    // Without the base render the removal policies do not apply.
    expect(evaluatePolicies(after, { policies })).toEqual([]);
  });

  it("skips reads", () => {
    const rg = { ...resource("azure-native:resources:ResourceGroup", "rg", { tags: {} }), read: true };
    expect(evaluatePolicies(graph(rg))).toEqual([]);
  });
});
