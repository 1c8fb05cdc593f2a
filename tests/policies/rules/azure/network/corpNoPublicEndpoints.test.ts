import { AZURE } from "../../../../../policies/lib/azure";
import { corpNoPublicEndpoints } from "../../../../../policies/rules/azure/network/corpNoPublicEndpoints";
import { azureStack, tags } from "../../../helpers/fixtures";
import { runStackPolicy, urnOf, type StackEntry } from "../../../helpers/harness";

const publicIp = (department: string): StackEntry => ({
  type: AZURE.publicIpAddress,
  name: `pip-${department}`,
  parent: department,
  props: { location: "spaincentral", resourceGroupName: `rg-vp-${department}` },
});

describe("azure-network-corp-no-public-endpoints", () => {
  it("accepts the compliant stack", () => {
    expect(runStackPolicy(corpNoPublicEndpoints, azureStack())).toEqual([]);
  });

  it("reports a public IP in a corp department (found through its department component)", () => {
    expect(runStackPolicy(corpNoPublicEndpoints, [...azureStack(), publicIp("culture")])).toEqual([
      {
        message:
          "'pip-culture' in corp department 'culture' is a public IP address; corp spokes reach the internet only through the hub.",
        urn: urnOf(AZURE.publicIpAddress, "pip-culture"),
      },
    ]);
  });

  it("accepts a public IP in an online department", () => {
    expect(
      runStackPolicy(corpNoPublicEndpoints, [...azureStack(), publicIp("culture")], {
        onlineDepartments: ["culture"],
      }),
    ).toEqual([]);
  });

  it("reports public network access on a PaaS resource, found by its department tag", () => {
    const storage: StackEntry = {
      type: AZURE.storageAccount,
      name: "stvpmobility",
      props: { publicNetworkAccess: "Enabled", tags: tags("mobility", "CC-200") },
    };
    expect(runStackPolicy(corpNoPublicEndpoints, [...azureStack(), storage]).map((v) => v.message)).toEqual([
      "'stvpmobility' in corp department 'mobility' has publicNetworkAccess 'Enabled'; corp spokes reach the internet only through the hub.",
    ]);
  });

  it("reports a network interface with a public IP", () => {
    const nic: StackEntry = {
      type: AZURE.networkInterface,
      name: "nic-culture",
      parent: "culture",
      props: { ipConfigurations: [{ name: "ip", publicIPAddress: { id: "/pip" } }] },
    };
    expect(runStackPolicy(corpNoPublicEndpoints, [...azureStack(), nic]).map((v) => v.message)).toEqual([
      "'nic-culture' in corp department 'culture' is a network interface with a public IP; corp spokes reach the internet only through the hub.",
    ]);
  });

  it("leaves platform resources (the hub) alone", () => {
    const hubIp: StackEntry = {
      type: AZURE.publicIpAddress,
      name: "pip-hub",
      props: { tags: tags("platform") },
    };
    expect(runStackPolicy(corpNoPublicEndpoints, [...azureStack(), hubIp])).toEqual([]);
  });
});
