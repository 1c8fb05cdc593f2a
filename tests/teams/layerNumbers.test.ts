/**
 * The departments' NumberAssignments as the layer makes them, under the mock runtime: each carries only the
 * emergency locations its own entries use, not the whole city's map (state size, and no department sees the
 * others' locations).
 */
import * as pulumi from "@pulumi/pulumi";
import { captureRegistrations } from "../../src/render/capture";
import { RenderMocks } from "../../src/render/mocks";
import { RESOURCE_TYPES } from "../../src/resourceTypes";
import { loadValidDefinition } from "../../src/stackConfig";
import { teamsNumbersFor } from "../../src/teams/layerNumbers";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";

describe("teamsNumbersFor", () => {
  it("feeds each department's NumberAssignments only the locations its entries use", async () => {
    const definition = loadValidDefinition(MINIMAL_FIXTURE);
    await pulumi.runtime.setMocks(new RenderMocks(), "tenant", "test", false);
    const capture = captureRegistrations();
    const made = teamsNumbersFor(definition, {
      org: "Villa Pruebas",
      locationIds: pulumi.output({
        "town-hall-p0": "lis-p0",
        "town-hall-p1": "lis-p1",
        "depot-west": "lis-dw",
      }),
      groupAssignments: {},
      addresses: [],
      licences: {},
    });
    expect(Object.keys(made)).toEqual(["culture"]);
    await capture.settled();
    await pulumi.runtime.disconnect();
    const numbers = capture.resources.filter((r) => r.type === RESOURCE_TYPES.numberAssignments);
    expect(numbers).toHaveLength(1);
    expect(numbers[0].inputs.locationIds).toEqual({ "town-hall-p0": "lis-p0" });
  });
});
