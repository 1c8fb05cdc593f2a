import type { TenantDefinition } from "../../src/config/definition";
import type { LayerName } from "../../src/layers";
import { RESOURCE_TYPES } from "../../src/resourceTypes";
import { renderTenant } from "../../src/render/renderer";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { one, ofType, T } from "./helpers/graph";

/** The layer switch: what a stack registers for each `tenant:layers` value. */
let definition: TenantDefinition;
beforeAll(() => {
  definition = loadValidDefinition(MINIMAL_FIXTURE);
});

const PLATFORM = "city/tenant/platform";
const render = (layers: LayerName[], platformStack?: string) =>
  renderTenant(definition, {
    layers,
    platformStack,
    budgetStartDate: "2026-11-01T00:00:00Z",
    environment: "tenant",
  });

it("identity only: Entra groups and role eligibilities scoped through the platform stack, no landing zone", async () => {
  const { graph, outputs } = await render(["identity"], PLATFORM);
  const azureNative = graph.resources.filter((r) => r.type.startsWith("azure-native:")).map((r) => r.type);
  // The eligibility joins both layers (admin group × resource group); it is identity's, so nothing else is Azure.
  expect(azureNative).toEqual([T.roleEligibility, T.roleEligibility]);
  expect(ofType(graph, T.landingZone)).toEqual([]);
  expect(ofType(graph, T.group)).toHaveLength(4);
  const refs = ofType(graph, T.stackReference);
  expect(refs).toHaveLength(1);
  expect(refs[0].inputs).toMatchObject({ name: PLATFORM });
  expect(refs[0].read).toBe(true);
  expect(one(graph, T.roleEligibility, "el-vp-culture-contributor").inputs).toMatchObject({
    scope: `<${PLATFORM}: landingZone.departments.culture.resourceGroupId>`,
    roleDefinitionId: `/subscriptions/<${PLATFORM}: landingZone.departments.culture.subscriptionId>/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c`,
  });
  expect(outputs.landingZone).toBeUndefined();
  expect(Object.keys(outputs.identity?.departments ?? {})).toEqual(["culture", "mobility"]);
  expect(outputs.departments.culture).toEqual({
    groupId: expect.any(String),
    adminGroupId: expect.any(String),
  });
});

it("landing zone only: no Entra resources, no stack reference", async () => {
  const { graph, outputs } = await render(["landingZone"]);
  expect(graph.resources.filter((r) => r.type.startsWith("azuread:"))).toEqual([]);
  expect(ofType(graph, T.stackReference)).toEqual([]);
  expect(ofType(graph, T.departmentZone).map((r) => r.name)).toEqual(["culture", "mobility"]);
  expect(ofType(graph, T.roleEligibility)).toEqual([]);
  expect(outputs.identity).toBeUndefined();
});

it("m365 and teamsVoice only: licences and Teams group grants read their groups from the platform stack", async () => {
  const { graph, outputs } = await render(["m365", "teamsVoice"], PLATFORM);
  const teams = graph.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/tenant-teams:"));
  expect(
    graph.resources
      .filter((r) => !teams.includes(r))
      .map((r) => r.type)
      .sort(),
  ).toEqual([T.stack, T.stackReference, RESOURCE_TYPES.groupLicenses, RESOURCE_TYPES.groupLicenses].sort());
  // The Teams voice layer itself is covered by tests/teams/layer.test.ts; here only its group source matters.
  const grants = teams.filter((r) => r.type === RESOURCE_TYPES.groupPolicyAssignments);
  expect(grants.map((g) => g.inputs.groupId)).toEqual([
    `<${PLATFORM}: identity.departments.culture.groupId>`,
  ]);
  expect(outputs).toMatchObject({ m365: {}, teamsVoice: {} });
});

it("refuses to render layers whose reads have no source, before registering anything", async () => {
  await expect(render(["identity"])).rejects.toThrow("set tenant:platformStack");
});
