import * as network from "@pulumi/azure-native/network";
import * as pulumi from "@pulumi/pulumi";
import type { LandingZoneOutputs } from "../landing-zone/outputs";
import { peeringName, spokeVirtualNetworkName } from "../naming";
import type { Tags } from "../tags";

export interface DepartmentNetworkArgs {
  shortName: string;
  departmentId: string;
  region: string;
  addressSpace: string;
  resourceGroupName: pulumi.Input<string>;
  hub: LandingZoneOutputs["hub"];
  tags: Tags;
  /** Provider of the department's subscription (spoke and its side of the peering); default provider if unset. */
  provider?: pulumi.ProviderResource;
  /** Provider of the hub's subscription (the hub's side of the peering); default provider if unset. */
  hubProvider?: pulumi.ProviderResource;
}

/**
 * Peering options for both directions. Traffic the hub forwards (firewall, on-premises routes) must reach the
 * spoke and back, so forwarded traffic is allowed both ways. Gateway transit stays off: it needs a deployed
 * gateway in the hub, which the landing zone does not create yet; switching it on later is an in-place update.
 */
export function peeringOptions() {
  return {
    allowVirtualNetworkAccess: true,
    allowForwardedTraffic: true,
    allowGatewayTransit: false,
    useRemoteGateways: false,
  } as const;
}

/** A department's spoke network and its peerings with the hub, in both directions (Azure needs one per end). */
export class DepartmentNetwork extends pulumi.ComponentResource {
  static readonly TYPE = "tenant:department:DepartmentNetwork";
  declare readonly spoke: network.VirtualNetwork;
  declare readonly spokeToHub: network.VirtualNetworkPeering;
  declare readonly hubToSpoke: network.VirtualNetworkPeering;

  constructor(name: string, args: DepartmentNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super(DepartmentNetwork.TYPE, name, {}, opts);
    const spokeName = spokeVirtualNetworkName(args.shortName, args.departmentId, args.region);
    this.spoke = new network.VirtualNetwork(
      spokeName,
      {
        virtualNetworkName: spokeName,
        resourceGroupName: args.resourceGroupName,
        location: args.region,
        addressSpace: { addressPrefixes: [args.addressSpace] },
        tags: args.tags,
      },
      { parent: this, provider: args.provider },
    );
    const toHub = peeringName(args.shortName, args.departmentId, "hub");
    this.spokeToHub = new network.VirtualNetworkPeering(
      toHub,
      {
        virtualNetworkPeeringName: toHub,
        resourceGroupName: args.resourceGroupName,
        virtualNetworkName: this.spoke.name,
        remoteVirtualNetwork: { id: args.hub.vnetId },
        ...peeringOptions(),
      },
      { parent: this, provider: args.provider },
    );
    const toSpoke = peeringName(args.shortName, "hub", args.departmentId);
    this.hubToSpoke = new network.VirtualNetworkPeering(
      toSpoke,
      {
        virtualNetworkPeeringName: toSpoke,
        resourceGroupName: args.hub.resourceGroupName,
        virtualNetworkName: args.hub.vnetName,
        remoteVirtualNetwork: { id: this.spoke.id },
        ...peeringOptions(),
      },
      { parent: this, provider: args.hubProvider },
    );
    this.registerOutputs({ spokeId: this.spoke.id });
  }
}
