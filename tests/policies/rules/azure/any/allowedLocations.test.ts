import { AZURE } from "../../../../../policies/lib/azure";
import { allowedLocations } from "../../../../../policies/rules/azure/any/allowedLocations";
import { azureStack } from "../../../helpers/fixtures";
import { changed, runStackPolicy, urnOf, type StackEntry } from "../../../helpers/harness";

const inRegion = (entries: StackEntry[], name: string, location: string) =>
  changed(entries, name, (e) => ({ ...e, props: { ...e.props, location } }));

describe("azure-any-resource-allowed-locations", () => {
  it("accepts the compliant stack", () => {
    expect(runStackPolicy(allowedLocations, azureStack())).toEqual([]);
  });

  it("reports a resource outside the assignment's regions, at the resource", () => {
    expect(runStackPolicy(allowedLocations, inRegion(azureStack(), "vnet-vp-culture", "eastus"))).toEqual([
      {
        message:
          "'vnet-vp-culture' is in region 'eastus', which is not allowed; allowed regions: spaincentral, westeurope.",
        urn: urnOf(AZURE.virtualNetwork, "vnet-vp-culture"),
      },
    ]);
  });

  it("compares regions the way ARM does (case and spaces do not matter)", () => {
    expect(
      runStackPolicy(allowedLocations, inRegion(azureStack(), "vnet-vp-culture", "West Europe")),
    ).toEqual([]);
  });

  it("exempts 'global' like Azure's definition", () => {
    expect(runStackPolicy(allowedLocations, inRegion(azureStack(), "vnet-vp-culture", "global"))).toEqual([]);
  });

  it("uses the resource-group assignment's list for resource groups when there is one", () => {
    const withGroupList: StackEntry[] = [
      ...azureStack(),
      {
        type: AZURE.policyAssignment,
        name: "pa-vp-Deny-RG-Locations",
        props: {
          policyDefinitionId:
            "/providers/Microsoft.Authorization/policyDefinitions/e765b5de-1225-4ba3-bd56-1ac6695af988",
          parameters: { listOfAllowedLocations: { value: ["westeurope"] } },
        },
      },
    ];
    expect(runStackPolicy(allowedLocations, withGroupList).map((v) => v.message)).toEqual([
      "'rg-vp-mgmt' is in region 'spaincentral', which is not allowed; allowed regions: westeurope.",
      "'rg-vp-culture' is in region 'spaincentral', which is not allowed; allowed regions: westeurope.",
      "'rg-vp-mobility' is in region 'spaincentral', which is not allowed; allowed regions: westeurope.",
    ]);
  });

  it("falls back to allowedRegions from config when the stack has no assignment", () => {
    const noAssignment = changed(azureStack(), "pa-vp-Deny-Resource-Locations", () => undefined);
    expect(
      runStackPolicy(allowedLocations, noAssignment, { allowedRegions: ["westeurope"] }).map((v) => v.urn),
    ).toContain(urnOf(AZURE.resourceGroup, "rg-vp-culture"));
  });

  it("is not applicable without an assignment or config", () => {
    const noAssignment = changed(azureStack(), "pa-vp-Deny-Resource-Locations", () => undefined);
    expect(() => runStackPolicy(allowedLocations, noAssignment)).toThrow(
      "The stack has no 'Allowed locations' assignment and the policy config sets no allowedRegions.",
    );
  });
});
