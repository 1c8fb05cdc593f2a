import { planJson } from "../../src/plan/format/json";
import { formatSubscriptions } from "../../src/plan/format/text";
import type { RenderedGraph } from "../../src/render/graph";
import { renderTenant } from "../../src/render/renderer";
import { summarizeSubscriptions } from "../../src/plan/subscriptions";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { one, T } from "./helpers/graph";

/** mobility vends a subscription of its own; culture stays in the shared corp subscription. */
const BILLING = "/providers/Microsoft.Billing/billingAccounts/1234/enrollmentAccounts/5678";
const MGMT = "7a000000-0000-4000-8000-000000000001";
const CONN = "7a000000-0000-4000-8000-000000000002";
const SHARED_CORP = "7a000000-0000-4000-8000-00000000c0c0";
const ALIAS = "vp-vend-mobility";

let graph: RenderedGraph;

beforeAll(async () => {
  const base = loadValidDefinition(MINIMAL_FIXTURE);
  base.tenant.landingZone.departmentSubscriptions.billingScope = BILLING;
  base.tenant.landingZone.defender = { plans: ["VirtualMachines", "Arm"], contacts: ["soc@villa.example"] };
  const definition = {
    ...base,
    departments: base.departments.map((d) =>
      d.id === "mobility" ? { ...d, network: { ...d.network, vendSubscription: true } } : d,
    ),
  };
  ({ graph } = await renderTenant(definition, {
    layers: ["landingZone"],
    budgetStartDate: "2026-11-01T00:00:00Z",
    environment: "test",
  }));
});

it("vends the subscription under the department's landing zone, billed to the billing scope, protected", () => {
  const alias = one(graph, "azure-native:subscription:Alias", ALIAS);
  expect(alias.inputs).toMatchObject({
    aliasName: ALIAS,
    properties: {
      billingScope: BILLING,
      workload: "Production",
      displayName: "vp Movilidad",
      additionalProperties: { managementGroupId: "/providers/Microsoft.Management/managementGroups/vp-corp" },
    },
  });
  expect(alias.dependencies).toContain(one(graph, T.managementGroup, "mg-vp-corp").urn);
  expect(alias).toMatchObject({ protect: true, retainOnDelete: true });
});

it("deploys the department through a provider for the subscription Azure assigned", () => {
  const provider = one(graph, T.provider, `sub-${ALIAS}`);
  expect(provider.inputs.subscriptionId).toMatch(/^[0-9a-f-]{36}$/);
  expect(provider.dependencies).toContain(one(graph, "azure-native:subscription:Alias", ALIAS).urn);
  const rg = one(graph, T.resourceGroup, "rg-vp-mobility");
  expect(rg.provider?.startsWith(`${provider.urn}::`)).toBe(true);
  expect(rg.dependencies).toContain(one(graph, "azure-native:subscription:Alias", ALIAS).urn);
});

it("summarizes per subscription which management group governs it and who lives there", () => {
  const summary = summarizeSubscriptions(graph);
  expect(summary.map((s) => [s.subscription, s.managementGroup, s.hosts])).toEqual([
    // "platform": the Defender plans and security contact the platform sets on every subscription.
    [SHARED_CORP, "vp-corp", ["platform", "culture"]],
    [`vended: ${ALIAS}`, "vp-corp", ["platform", "mobility"]],
    [MGMT, "vp-platform", ["platform"]],
    [CONN, "vp-platform", ["platform", "culture", "mobility"]],
  ]);
  const text = formatSubscriptions(summary).join("\n");
  expect(text).toContain(`vended: ${ALIAS}`);
  expect(text).not.toContain("NOT GOVERNED");
});

it("carries each resource's provider and protection options in the JSON plan", () => {
  const json = planJson(graph).resources;
  const rg = json.find((r) => r.name === "rg-vp-mobility")!;
  expect(rg.provider).toBe(one(graph, T.provider, `sub-${ALIAS}`).urn);
  const alias = json.find((r) => r.name === ALIAS)!;
  expect(alias).toMatchObject({ protect: true, retainOnDelete: true });
  const group = json.find((r) => r.name === "mg-vp")!;
  expect(group.provider).toBeNull();
});

it("switches on the Defender plans and the security contact on every subscription, through its provider", () => {
  const subscriptions = [MGMT, CONN, SHARED_CORP, ALIAS];
  for (const key of subscriptions) {
    const provider = one(graph, T.provider, `sub-${key}`);
    const vm = one(
      graph,
      "azure-native:security:Pricing",
      `mdfc-${key === ALIAS ? "vend-mobility" : key}-VirtualMachines`,
    );
    expect(vm.inputs).toMatchObject({
      pricingName: "VirtualMachines",
      pricingTier: "Standard",
      subPlan: "P2",
    });
    expect(vm.inputs.scopeId).toBe(`/subscriptions/${String(provider.inputs.subscriptionId)}`);
    expect(vm.provider?.startsWith(`${provider.urn}::`)).toBe(true);
    const contact = one(
      graph,
      "azure-native:security:SecurityContact",
      `mdfc-contact-${key === ALIAS ? "vend-mobility" : key}`,
    );
    expect(contact.inputs).toMatchObject({ emails: "soc@villa.example", isEnabled: true });
    expect(contact.provider?.startsWith(`${provider.urn}::`)).toBe(true);
  }
  expect(graph.resources.filter((r) => r.type === "azure-native:security:Pricing")).toHaveLength(
    subscriptions.length * 2,
  );
});
