import { dig, LAYER_READERS } from "../../src/layerReference";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";

describe("dig", () => {
  const exported = {
    departments: { culture: { resourceGroupId: "/subscriptions/s/resourceGroups/rg-vp-culture" } },
  };

  it("follows a path into what the platform stack exported", () => {
    expect(dig(exported, ["departments", "culture", "resourceGroupId"], "city/tenant/platform")).toBe(
      "/subscriptions/s/resourceGroups/rg-vp-culture",
    );
  });

  it.each([
    [["departments", "sports", "resourceGroupId"]],
    [["departments", "culture"]],
    [["nothing", "here"]],
  ])("says what to do when %j is missing", (path) => {
    expect(() => dig(exported, path, "city/tenant/platform")).toThrow(
      `Stack city/tenant/platform exports no ${path.join(".")} — deploy it with the same definition first (pulumi up on city/tenant/platform).`,
    );
  });
});

describe("LAYER_READERS", () => {
  it("reads each landing-zone field at the path the layer exports it under", () => {
    const definition = loadValidDefinition(MINIMAL_FIXTURE);
    const read = LAYER_READERS.landingZone(definition, (path) => path.join("."));
    expect(read.departments.culture).toEqual({
      subscriptionId: "landingZone.departments.culture.subscriptionId",
      resourceGroupId: "landingZone.departments.culture.resourceGroupId",
      resourceGroupName: "landingZone.departments.culture.resourceGroupName",
      spokeId: "landingZone.departments.culture.spokeId",
      spokeName: "landingZone.departments.culture.spokeName",
    });
    expect(Object.keys(read.platform.managementGroupIds)).toEqual([
      "vp",
      "vp-platform",
      "vp-landingzones",
      "vp-corp",
    ]);
    expect(LAYER_READERS.identity(definition, (path) => path.join(".")).departments.mobility).toEqual({
      groupId: "identity.departments.mobility.groupId",
      adminGroupId: "identity.departments.mobility.adminGroupId",
    });
  });
});
