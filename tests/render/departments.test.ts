import type { TenantDefinition } from "../../src/config/definition";
import type { RenderedGraph } from "../../src/render/graph";
import { fakeGuid } from "../../src/render/fakeIds";

/** The minimal fixture's shared corp subscription: both departments name none of their own. */
const SHARED_CORP = "7a000000-0000-4000-8000-00000000c0c0";
import { renderTenant } from "../../src/render/renderer";
import type { TenantOutputs } from "../../src/program";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { ofType, one, T } from "./helpers/graph";

/**
 * The whole program rendered under the mock runtime for tests/fixtures/minimal (two departments, culture
 * with two admins), asserting what each department component registers.
 */
const SETTINGS = {
  layers: ["landingZone", "identity", "m365", "teamsVoice"] as const,
  budgetStartDate: "2026-11-01T00:00:00Z",
  environment: "test",
};
const user = (upn: string) => fakeGuid(`user:${upn}`);

let definition: TenantDefinition;
let graph: RenderedGraph;
let outputs: TenantOutputs;

beforeAll(async () => {
  const base = loadValidDefinition(MINIMAL_FIXTURE);
  definition = {
    ...base,
    departments: base.departments.map((d) =>
      d.id === "culture" ? { ...d, admins: ["eva@villa.example", "ANA@villa.example"] } : d,
    ),
  };
  ({ graph, outputs } = await renderTenant(definition, { ...SETTINGS, layers: [...SETTINGS.layers] }));
});

const urnOf = (type: string, name: string) => one(graph, type, name).urn;

describe("the render", () => {
  it("answers every registration and knows every parent", () => {
    const urns = new Set(graph.resources.map((r) => r.urn));
    for (const r of graph.resources) {
      expect(r.urn).toMatch(/^urn:pulumi:test::tenant::/);
      if (r.type !== T.stack) expect(urns.has(r.parent as string)).toBe(true);
    }
  });

  it("exports per department the ids of its groups, resource group and spoke", () => {
    expect(Object.keys(outputs.departments)).toEqual(["culture", "mobility"]);
    expect(outputs.departments.culture).toEqual({
      resourceGroupId: `/subscriptions/${SHARED_CORP}/resourceGroups/rg-vp-culture`,
      spokeId: `/subscriptions/${SHARED_CORP}/resourceGroups/rg-vp-culture/providers/Microsoft.Network/virtualNetworks/vnet-vp-culture-spaincentral`,
      groupId: fakeGuid(`${T.group}::grp-vp-culture`),
      adminGroupId: fakeGuid(`${T.group}::grp-vp-culture-admins`),
    });
  });
});

describe.each([
  ["culture", "CC-100", "10.20.4.0/24", 500, ["ana@villa.example"], "Cultura"],
  ["mobility", "CC-200", "10.20.5.0/24", 300, ["luis@villa.example"], "Movilidad"],
])("department %s", (id, costCenter, cidr, amount, contacts, departmentValue) => {
  const tags = { managedBy: "tenant-provisioning", environment: "test", department: id, costCenter };
  const zoneUrn = () => urnOf(T.departmentZone, id);
  const rgId = `/subscriptions/${SHARED_CORP}/resourceGroups/rg-vp-${id}`;
  const spokeId = `${rgId}/providers/Microsoft.Network/virtualNetworks/vnet-vp-${id}-spaincentral`;

  it("gets a tagged resource group in the primary region, in the shared corp subscription", () => {
    const rg = one(graph, T.resourceGroup, `rg-vp-${id}`);
    expect(rg.parent).toBe(zoneUrn());
    expect(rg.inputs).toEqual({ resourceGroupName: `rg-vp-${id}`, location: "spaincentral", tags });
    expect(rg.provider?.startsWith(`${one(graph, T.provider, `sub-${SHARED_CORP}`).urn}::`)).toBe(true);
    // Removing the department file must not silently delete the group and everything in it.
    expect(rg.protect).toBe(true);
  });

  it("gets a tagged spoke with its address space in its resource group", () => {
    const spoke = one(graph, T.vnet, `vnet-vp-${id}-spaincentral`);
    expect(spoke.parent).toBe(urnOf(T.departmentNetwork, id));
    expect(one(graph, T.departmentNetwork, id).parent).toBe(zoneUrn());
    expect(spoke.inputs).toEqual({
      virtualNetworkName: `vnet-vp-${id}-spaincentral`,
      resourceGroupName: `rg-vp-${id}`,
      location: "spaincentral",
      addressSpace: { addressPrefixes: [cidr] },
      tags,
      // Defaults the azure-native SDK fills in; they reach the engine like any input.
      enableDdosProtection: false,
      enableVmProtection: false,
    });
    expect(spoke.dependencies).toContain(urnOf(T.resourceGroup, `rg-vp-${id}`));
  });

  it("is peered with the hub both ways, each end pointing at the other network", () => {
    const hub = outputs.landingZone!.platform.hub;
    const options = {
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: true,
      allowGatewayTransit: false,
      useRemoteGateways: false,
    };
    const toHub = one(graph, T.peering, `peer-vp-${id}-to-hub`);
    expect(toHub.inputs).toEqual({
      virtualNetworkPeeringName: `peer-vp-${id}-to-hub`,
      resourceGroupName: `rg-vp-${id}`,
      virtualNetworkName: `vnet-vp-${id}-spaincentral`,
      remoteVirtualNetwork: { id: hub.vnetId },
      ...options,
    });
    const toSpoke = one(graph, T.peering, `peer-vp-hub-to-${id}`);
    expect(toSpoke.inputs).toEqual({
      virtualNetworkPeeringName: `peer-vp-hub-to-${id}`,
      resourceGroupName: hub.resourceGroupName,
      virtualNetworkName: hub.vnetName,
      remoteVirtualNetwork: { id: spokeId },
      ...options,
    });
    expect(hub.vnetName).toBe("vnet-vp-hub-spaincentral");
    expect(toSpoke.dependencies).toEqual(
      expect.arrayContaining([
        urnOf(T.vnet, `vnet-vp-${id}-spaincentral`),
        urnOf(T.vnet, "vnet-vp-hub-spaincentral"),
      ]),
    );
  });

  it("gets a monthly budget on its resource group with an alert per threshold to its contacts", () => {
    const budget = one(graph, T.budget, `budget-vp-${id}`);
    expect(budget.parent).toBe(zoneUrn());
    expect(budget.inputs).toEqual({
      budgetName: `budget-vp-${id}`,
      scope: rgId,
      amount,
      category: "Cost",
      timeGrain: "Monthly",
      timePeriod: { startDate: "2026-11-01T00:00:00Z" },
      notifications: Object.fromEntries(
        [80, 100].map((t) => [
          `actual-ge-${t}-percent`,
          {
            enabled: true,
            operator: "GreaterThanOrEqualTo",
            threshold: t,
            thresholdType: "Actual",
            contactEmails: contacts,
          },
        ]),
      ),
    });
  });

  // The deploying principal owns both groups, so Group.Create suffices to update them later (docs/permissions.md).
  const owners = () => [fakeGuid("deployer"), ...contacts.map(user)];

  it("gets a dynamic security group owned by the deployer and its owners", () => {
    const group = one(graph, T.group, `grp-vp-${id}`);
    expect(group.parent).toBe(urnOf(T.departmentIdentity, id));
    expect(group.inputs).toMatchObject({
      displayName: `grp-vp-${id}`,
      securityEnabled: true,
      mailEnabled: false,
      types: ["DynamicMembership"],
      dynamicMembership: { enabled: true, rule: `(user.department -eq "${departmentValue}")` },
      owners: owners(),
    });
  });

  it("gets an admin group, eligible (not standing) for Contributor on the resource group", () => {
    const admins = one(graph, T.group, `grp-vp-${id}-admins`);
    expect(admins.inputs.types).toBeUndefined();
    expect(admins.inputs).toMatchObject({ securityEnabled: true, owners: owners() });
    // No standing role assignment for the admin group: PIM eligibility only (activated on demand, audited).
    expect(ofType(graph, T.roleAssignment).map((r) => r.name)).not.toContain(`ra-vp-${id}-contributor`);
    const eligible = one(graph, T.roleEligibility, `el-vp-${id}-contributor`);
    expect(eligible.parent).toBe(urnOf(T.departmentIdentity, id));
    expect(eligible.inputs).toMatchObject({
      scope: rgId,
      roleDefinitionId: `/subscriptions/${SHARED_CORP}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c`,
      principalId: outputs.departments[id].adminGroupId,
      scheduleInfo: { expiration: { type: "NoExpiration" } },
    });
    expect(eligible.dependencies).toContain(admins.urn);
  });
});

it("puts the named admins in the admin group (one lookup for owners and admins)", () => {
  expect(one(graph, T.group, "grp-vp-culture-admins").inputs.members).toEqual([
    user("eva@villa.example"),
    user("ana@villa.example"),
  ]);
  expect(one(graph, T.group, "grp-vp-mobility-admins").inputs.members).toEqual([]);
});

it("renders the same graph twice (stable ids and names)", async () => {
  const again = await renderTenant(definition, { ...SETTINGS, layers: [...SETTINGS.layers] });
  // Compared by URN: a dynamic resource (GroupLicenses) registers once its serialized provider is ready,
  // which is later on the first render than on the second (the SDK caches it), so the order may differ.
  const byUrn = (g: RenderedGraph) => ({
    ...g,
    resources: [...g.resources].sort((a, b) => a.urn.localeCompare(b.urn)),
  });
  expect(byUrn(again.graph)).toEqual(byUrn(graph));
});
