/**
 * The m365 layer in `tenant plan`: the offline render of tests/fixtures/minimal shows one GroupLicenses per
 * licensed department, with the contract inputs (resourceTypes.ts) the policy pack reads, on the group the
 * identity layer creates, and the plan text counts it.
 */
import { buildPlan } from "../../src/plan/buildPlan";
import { formatPlanText } from "../../src/plan/format/text";
import type { RenderedGraph } from "../../src/render/graph";
import { fakeGuid } from "../../src/render/fakeIds";
import { RESOURCE_TYPES } from "../../src/resourceTypes";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";

const SETTINGS = {
  layers: ["landingZone", "identity", "m365", "teamsVoice"] as (
    "landingZone" | "identity" | "m365" | "teamsVoice"
  )[],
  budgetStartDate: "2026-11-01T00:00:00Z",
  environment: "test",
};

let graph: RenderedGraph;
let text: string;

beforeAll(async () => {
  const definition = loadValidDefinition(MINIMAL_FIXTURE);
  const plan = await buildPlan(definition, SETTINGS);
  graph = plan.graph;
  text = formatPlanText(plan.header, plan.summary);
});

describe("the m365 layer in the offline plan", () => {
  it("registers one GroupLicenses per licensed department with the contract inputs", () => {
    const licences = graph.resources.filter((r) => r.type === RESOURCE_TYPES.groupLicenses);
    expect(licences.map((r) => r.name).sort()).toEqual(["lic-vp-culture", "lic-vp-mobility"]);
    const mobility = licences.find((r) => r.name === "lic-vp-mobility")!;
    const { __provider, ...inputs } = mobility.inputs;
    expect(typeof __provider).toBe("string");
    expect(inputs).toEqual({
      department: "mobility",
      groupId: fakeGuid("azuread:index/group:Group::grp-vp-mobility"),
      headcount: 30,
      licences: [{ skuPartNumber: "SPE_E5", disabledPlans: ["YAMMER_ENTERPRISE"], seatsOwned: 100 }],
    });
    // The group id flows from the identity layer's group: a real dependency, so licences follow the group.
    const group = graph.resources.find((r) => r.name === "grp-vp-mobility")!;
    expect(mobility.dependencies).toContain(group.urn);
  });

  it("shows in the plan text", () => {
    expect(text).toMatch(/pulumi-nodejs:dynamic\/tenant-m365:GroupLicenses\s+2/);
  });
});
