/**
 * The teamsVoice layer under the mock runtime (the offline `tenant plan` render of tests/fixtures/minimal):
 * each Teams resource with its own type token, stable names, the contract inputs, and the dependencies that
 * order `pulumi up` (usages → routes/policies → group grants → numbers).
 */
import { buildPlan } from "../../src/plan/buildPlan";
import { formatPlanText } from "../../src/plan/format/text";
import type { RenderedGraph } from "../../src/render/graph";
import { fakeGuid } from "../../src/render/fakeIds";
import { RESOURCE_TYPES } from "../../src/resourceTypes";
import { loadValidDefinition } from "../../src/stackConfig";
import { placedGrants, rankLevels } from "../../src/teams/layer";
import { departmentNumberArgs, locationIdsUsed } from "../../src/teams/layerNumbers";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";

let graph: RenderedGraph;
let text: string;
const definition = loadValidDefinition(MINIMAL_FIXTURE);

beforeAll(async () => {
  const plan = await buildPlan(definition, {
    layers: ["landingZone", "identity", "m365", "teamsVoice"],
    budgetStartDate: "2026-11-01T00:00:00Z",
    environment: "test",
  });
  graph = plan.graph;
  text = formatPlanText(plan.header, plan.summary);
});

const one = (type: string) => {
  const found = graph.resources.filter((r) => r.type === type);
  expect(found).toHaveLength(1);
  const { __provider, ...inputs } = found[0].inputs;
  expect(typeof __provider).toBe("string");
  return { ...found[0], inputs };
};

describe("the teamsVoice layer", () => {
  it("registers every tenant-wide resource under its own token and a stable name, with the contract inputs", () => {
    expect(one(RESOURCE_TYPES.pstnUsages)).toMatchObject({
      name: "tv-vp-pstn-usages",
      inputs: { kind: "PstnUsages", usages: ["Local"] },
    });
    expect(one(RESOURCE_TYPES.voiceRoute)).toMatchObject({
      name: "tv-vp-route-spain",
      inputs: {
        name: "Spain",
        numberPattern: "^\\+34\\d{9}$",
        gateways: ["sbc1.villa.example"],
        pstnUsages: ["Local"],
        priority: 1,
      },
    });
    expect(one(RESOURCE_TYPES.callingPolicy)).toMatchObject({
      name: "tv-vp-calling-standard",
      inputs: { name: "Standard", allowPrivateCalling: true, allowVoicemail: "UserOverride" },
    });
    expect(one(RESOURCE_TYPES.emergencyCallingPolicy).inputs).toMatchObject({
      name: "Emergency",
      notificationGroup: ["seguridad@villa.example"],
      notificationMode: "NotificationOnly",
    });
    expect(one(RESOURCE_TYPES.voiceRoutingPolicy).inputs).toMatchObject({
      name: "Spain",
      pstnUsages: ["Local"],
    });
    expect(one(RESOURCE_TYPES.dialPlan).inputs).toMatchObject({
      name: "ES-Villa",
      normalizationRules: [
        { name: "Extension", pattern: "^(\\d{4})$", translation: "+3491555$1", isInternalExtension: true },
      ],
    });
    expect(one(RESOURCE_TYPES.emergencyAddress)).toMatchObject({
      name: "tv-vp-address-town-hall",
      inputs: {
        key: "town-hall",
        countryOrRegion: "ES",
        latitude: 40.4168,
        longitude: -3.7038,
        locations: [{ id: "town-hall-p0", name: "Planta baja" }],
      },
    });
    // The fixture sets no globalEmergencyCallRoutingPolicy, so nothing is granted tenant-wide.
    expect(graph.resources.filter((r) => r.type === RESOURCE_TYPES.globalPolicyGrant)).toEqual([]);
  });

  it("grants a department's policies to its group at its Teams position (alone: 1), after the policies and the group", () => {
    const grants = one(RESOURCE_TYPES.groupPolicyAssignments);
    expect(grants.name).toBe("tv-vp-grants-culture");
    expect(grants.inputs).toEqual({
      kind: "GroupPolicyAssignments",
      department: "culture",
      groupId: fakeGuid("azuread:index/group:Group::grp-vp-culture"),
      assignments: [
        { policyType: "OnlineVoiceRoutingPolicy", policyName: "Spain", rank: 1 },
        { policyType: "TeamsCallingPolicy", policyName: "Standard", rank: 1 },
        { policyType: "TeamsEmergencyCallingPolicy", policyName: "Emergency", rank: 1 },
        { policyType: "TenantDialPlan", policyName: "ES-Villa", rank: 1 },
      ],
    });
    const urn = (type: string) => graph.resources.find((r) => r.type === type)!.urn;
    for (const type of [
      RESOURCE_TYPES.callingPolicy,
      RESOURCE_TYPES.emergencyCallingPolicy,
      RESOURCE_TYPES.voiceRoutingPolicy,
      RESOURCE_TYPES.dialPlan,
    ])
      expect(grants.dependencies).toContain(urn(type));
    expect(grants.dependencies).toContain(graph.resources.find((r) => r.name === "grp-vp-culture")!.urn);
    // Usages come before what uses them.
    const usages = urn(RESOURCE_TYPES.pstnUsages);
    expect(one(RESOURCE_TYPES.voiceRoute).dependencies).toContain(usages);
    expect(one(RESOURCE_TYPES.voiceRoutingPolicy).dependencies).toContain(usages);
  });

  it("prepares each department's numbers with the number type from its range", () => {
    expect(departmentNumberArgs(definition, "culture")).toEqual({
      department: "culture",
      assignments: [
        {
          userPrincipalName: "ana@villa.example",
          number: "+34915550001",
          numberType: "directRouting",
          emergencyLocation: "town-hall-p0",
          category: "primary",
        },
        {
          userPrincipalName: "pedro@villa.example",
          number: "+34915550002",
          numberType: "directRouting",
          emergencyLocation: "town-hall-p0",
          category: "primary",
        },
      ],
    });
    expect(departmentNumberArgs(definition, "mobility")).toBeUndefined();
  });

  it("creates one NumberAssignments per department with numbers, fed the addresses' locationIds, after its grants", () => {
    const numbers = graph.resources.filter((r) => r.type === RESOURCE_TYPES.numberAssignments);
    expect(numbers.map((r) => r.name)).toEqual(["tv-vp-numbers-culture"]);
    expect(numbers[0].inputs).toMatchObject({ department: "culture" });
    const urn = (type: string) => graph.resources.find((r) => r.type === type)!.urn;
    expect(numbers[0].dependencies).toEqual(
      expect.arrayContaining([
        urn(RESOURCE_TYPES.groupPolicyAssignments),
        urn(RESOURCE_TYPES.emergencyAddress),
        // Deployed in the same stack, the department's licences come first: a number needs Teams Phone.
        urn(RESOURCE_TYPES.groupLicenses),
      ]),
    );
  });

  it("creates a lower rank's grants before a higher rank's, since Teams keeps ranks as positions", async () => {
    const culture = definition.departments.find((d) => d.id === "culture")!;
    const mayor = { ...culture, id: "mayor", displayName: "Mayor", teams: { ...culture.teams!, rank: 2 } };
    const twoRanks = { ...definition, departments: [culture, mayor], numbers: {} };
    expect(rankLevels(twoRanks.departments).map((l) => l.map((d) => d.id))).toEqual([["mayor"], ["culture"]]);
    const plan = await buildPlan(twoRanks, {
      layers: ["landingZone", "identity", "m365", "teamsVoice"],
      budgetStartDate: "2026-11-01T00:00:00Z",
      environment: "test",
    });
    const grants = (id: string) => plan.graph.resources.find((r) => r.name === `tv-vp-grants-${id}`)!;
    expect(grants("culture").dependencies).toContain(grants("mayor").urn);
    expect(grants("mayor").dependencies).not.toContain(grants("culture").urn);
  });

  it("shows the Teams resources in the plan text", () => {
    expect(text).toMatch(/pulumi-nodejs:dynamic\/tenant-teams:GroupPolicyAssignments\s+1/);
    expect(text).toMatch(/pulumi-nodejs:dynamic\/tenant-teams:DialPlan\s+1/);
  });
});

describe("locationIdsUsed: a department's resource carries only its own locations", () => {
  const city = { "town-hall-p0": "lis-1", "town-hall-p1": "lis-2", "depot-west": "lis-3" };

  it("keeps the locations the department's entries use, once each and sorted", () => {
    const entries = [
      { emergencyLocation: "town-hall-p1" },
      { emergencyLocation: "town-hall-p0" },
      { emergencyLocation: "town-hall-p1" },
    ];
    expect(locationIdsUsed(city, entries)).toEqual({ "town-hall-p0": "lis-1", "town-hall-p1": "lis-2" });
  });

  it("leaves out a location the city does not define, so NumberAssignments names it in its input error", () => {
    expect(locationIdsUsed(city, [{ emergencyLocation: "nowhere" }])).toEqual({});
  });
});

describe("placedGrants: the definition's ranks as Teams positions", () => {
  const culture = definition.departments.find((d) => d.id === "culture")!;
  const dept = (id: string, rank: number, teams = culture.teams!) => ({
    ...culture,
    id,
    teams: { ...teams, rank },
  });

  it("places a grant right after the departments ranked strictly before it, per policy type", () => {
    const noDialPlan = { ...culture.teams!, dialPlan: undefined };
    const departments = [dept("a", 20), dept("b", 5, noDialPlan), dept("c", 10), dept("d", 10), dept("e", 5)];
    const rankOf = (id: string, type: string) =>
      placedGrants(
        departments,
        departments.find((d) => d.id === id)!,
      ).find((g) => g.policyType === type)?.rank;
    // Calling policy: b and e (5) first, then c and d (10) at 3, a (20) after all four.
    expect(["a", "b", "c", "d", "e"].map((id) => rankOf(id, "TeamsCallingPolicy"))).toEqual([5, 1, 3, 3, 1]);
    // Dial plan: b grants none, so only e is ahead of c and d.
    expect(["a", "b", "c", "d", "e"].map((id) => rankOf(id, "TenantDialPlan"))).toEqual([
      4,
      undefined,
      2,
      2,
      1,
    ]);
  });
});
