import type { RenderedGraph } from "../../src/render/graph";
import { renderTenant } from "../../src/render/renderer";
import type { TenantOutputs } from "../../src/program";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { one, ofType, T } from "./graphHelpers";

/** culture gets a subscription of its own: placed under the corp group and deployed with its own provider. */
const SUB = "cccccccc-1111-2222-3333-444444444444";

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
  expect(ofType(graph, T.mgSubscription)).toHaveLength(1);
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

it("keeps the hub's side of the peering and the other departments on the default provider", () => {
  expect(one(graph, T.peering, "peer-vp-hub-to-culture").provider).toBeUndefined();
  expect(one(graph, T.resourceGroup, "rg-vp-mobility").provider).toBeUndefined();
});

it("grants Contributor with the role definition of the department's subscription", () => {
  expect(one(graph, T.roleAssignment, "ra-vp-culture-contributor").inputs).toMatchObject({
    scope: `/subscriptions/${SUB}/resourceGroups/rg-vp-culture`,
    roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c`,
  });
  expect(outputs.landingZone?.departments.culture.subscriptionId).toBe(SUB);
});
