import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import type * as pulumi from "@pulumi/pulumi";
import type { LandingZone } from "../config/schema/landingZone";
import { hubVirtualNetworkName, platformResourceGroupName } from "../naming";
import type { Tags } from "../tags";

export interface ConnectivityArgs {
  shortName: string;
  region: string;
  hub: LandingZone["hub"];
  tags: Tags;
}

export interface Connectivity {
  resourceGroup: resources.ResourceGroup;
  hub: network.VirtualNetwork;
}

/**
 * The hub resource group and virtual network. Subnets are inline (`subnets` on the VNet), not separate
 * `network.Subnet` resources: with both, every VNet update sends its own subnet list and the two resources
 * fight over it (pulumi-azure-native#611). The hub's subnets are fixed by tenant.yaml, so one owner is right.
 * Peerings stay separate resources (made by each department) and are not listed here.
 */
export function createConnectivity(args: ConnectivityArgs, opts: pulumi.CustomResourceOptions): Connectivity {
  const rgName = platformResourceGroupName(args.shortName, "hub", args.region);
  const resourceGroup = new resources.ResourceGroup(
    rgName,
    { resourceGroupName: rgName, location: args.region, tags: args.tags },
    // Protected, not locked: a CanNotDelete lock would also block deleting a retired department's peering.
    { ...opts, protect: true },
  );
  const vnetName = hubVirtualNetworkName(args.shortName, args.region);
  const hub = new network.VirtualNetwork(
    vnetName,
    {
      virtualNetworkName: vnetName,
      resourceGroupName: resourceGroup.name,
      location: args.region,
      addressSpace: { addressPrefixes: [args.hub.addressSpace] },
      subnets: args.hub.subnets.map((s) => ({ name: s.name, addressPrefix: s.addressPrefix })),
      tags: args.tags,
    },
    { ...opts, protect: true },
  );
  return { resourceGroup, hub };
}
