import type { RenderedGraph } from "../../src/render/graph";
import { renderTenant } from "../../src/render/renderer";
import type { TenantOutputs } from "../../src/program";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { one, ofType, T } from "./helpers/graph";

/** culture gets a subscription of its own: placed under the corp group and deployed with its own provider. */
const SUB = "cccccccc-1111-2222-3333-444444444444";
const CONNECTIVITY = "7a000000-0000-4000-8000-000000000002";
const SHARED_CORP = "7a000000-0000-4000-8000-00000000c0c0";

let graph: RenderedGraph;
let outputs: TenantOutputs;

beforeAll(async () => {
  const base = loadValidDefinition(MINIMAL_FIXTURE);
  const definition = {
    ...base,
    departments: base.departments.map((d) =>
      d.id === "culture" ? { ...d, network: { ...d.network, subscriptionId: SUB } } : d,
    ),
  };
  ({ graph, outputs } = await renderTenant(definition, {
    layers: ["landingZone", "identity"],
    budgetStartDate: "2026-11-01T00:00:00Z",
    environment: "test",
  }));
});

const providerRef = () => {
  const provider = one(graph, T.provider, `sub-${SUB}`);
  return { provider, prefix: `${provider.urn}::` };
};

it("creates a provider for the subscription, pinned to the tenant", () => {
  const { provider } = providerRef();
  expect(provider.inputs).toMatchObject({
    subscriptionId: SUB,
    tenantId: "11111111-2222-3333-4444-555555555555",
  });
  expect(provider.parent).toBe(one(graph, T.placement, SUB).urn);
});

it("moves the subscription under the department's landing-zone group, after the group exists", () => {
  const placement = one(graph, T.mgSubscription, `mgsub-vp-corp-${SUB}`);
  expect(placement.inputs).toEqual({ groupId: "vp-corp" });
  expect(placement.provider?.startsWith(providerRef().prefix)).toBe(true);
  expect(placement.dependencies).toContain(one(graph, T.managementGroup, "mg-vp-corp").urn);
  expect(placement.retainOnDelete).toBe(true);
  // management and connectivity (platform), the shared corp subscription, and culture's own.
  expect(ofType(graph, T.mgSubscription).map((p) => p.inputs.groupId)).toEqual([
    "vp-platform",
    "vp-platform",
    "vp-corp",
    "vp-corp",
  ]);
});

it("deploys the department's resource group, spoke and its side of the peering into that subscription", () => {
  const { prefix } = providerRef();
  const rg = one(graph, T.resourceGroup, "rg-vp-culture");
  expect(rg.provider?.startsWith(prefix)).toBe(true);
  expect(rg.dependencies).toContain(one(graph, T.mgSubscription, `mgsub-vp-corp-${SUB}`).urn);
  expect(one(graph, T.vnet, "vnet-vp-culture-spaincentral").provider?.startsWith(prefix)).toBe(true);
  expect(one(graph, T.peering, "peer-vp-culture-to-hub").provider?.startsWith(prefix)).toBe(true);
  expect(one(graph, T.budget, "budget-vp-culture").inputs.scope).toBe(
    `/subscriptions/${SUB}/resourceGroups/rg-vp-culture`,
  );
});

it("creates the hub's side of each peering with the connectivity provider, the other departments in the shared one", () => {
  const via = (subscription: string) => `${one(graph, T.provider, `sub-${subscription}`).urn}::`;
  expect(one(graph, T.peering, "peer-vp-hub-to-culture").provider?.startsWith(via(CONNECTIVITY))).toBe(true);
  expect(one(graph, T.peering, "peer-vp-hub-to-mobility").provider?.startsWith(via(CONNECTIVITY))).toBe(true);
  expect(one(graph, T.resourceGroup, "rg-vp-mobility").provider?.startsWith(via(SHARED_CORP))).toBe(true);
});

it("leaves no subscription- or resource-group-scoped Azure resource on the default provider", () => {
  const tenantScoped = [
    T.managementGroup,
    "azure-native:authorization:PolicyAssignment",
    "azure-native:authorization:PolicyDefinitionAtManagementGroup",
    "azure-native:policyinsights:RemediationAtManagementGroup",
    // Role assignments, eligibilities and budgets are created at their `scope`, whatever the provider's subscription.
    T.roleAssignment,
    T.roleEligibility,
  ];
  const onDefault = graph.resources
    .filter((r) => r.type.startsWith("azure-native:") && !tenantScoped.includes(r.type) && !r.provider)
    .map((r) => r.name);
  expect(onDefault).toEqual([]);
});

it("makes the admins eligible for Contributor with the role definition of the department's subscription", () => {
  expect(one(graph, T.roleEligibility, "el-vp-culture-contributor").inputs).toMatchObject({
    scope: `/subscriptions/${SUB}/resourceGroups/rg-vp-culture`,
    roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c`,
  });
  expect(outputs.landingZone?.departments.culture.subscriptionId).toBe(SUB);
});
