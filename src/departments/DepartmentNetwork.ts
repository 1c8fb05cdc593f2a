import * as network from "@pulumi/azure-native/network";
import * as pulumi from "@pulumi/pulumi";
import type { Department } from "../config/schema/department";
import type { LandingZoneOutputs } from "../landing-zone/outputs";
import { spokeRoutes, spokeSecurityRules } from "../landing-zone/networkPlan";
import { peeringName, spokeVirtualNetworkName } from "../naming";
import type { Tags } from "../tags";
import { COMPONENT_TYPES } from "../resourceTypes";

export interface DepartmentNetworkArgs {
  shortName: string;
  departmentId: string;
  region: string;
  addressSpace: string;
  /** Subnets from the department file; each gets the spoke's route table and its own security group. */
  subnets?: Department["network"]["subnets"];
  resourceGroupName: pulumi.Input<string>;
  hub: LandingZoneOutputs["hub"];
  /** The hub firewall's private IP: next hop of the spoke's default route. Without a firewall, no route table. */
  firewallIp?: pulumi.Input<string>;
  /** DNS servers of the spoke (the resolver's inbound endpoint or the firewall's DNS proxy); empty: Azure's. */
  dnsServers?: readonly pulumi.Input<string>[];
  /** AzureBastionSubnet's prefix, the one source allowed on management ports. */
  bastionPrefix?: string;
  /** The hub's gateway: spokes then use it (gateway transit) and peer only once it exists. */
  hubGateway?: pulumi.Resource;
  tags: Tags;
  /** Provider of the department's subscription (spoke and its side of the peering); default provider if unset. */
  provider?: pulumi.ProviderResource;
  /** Provider of the hub's subscription (the hub's side of the peering); default provider if unset. */
  hubProvider?: pulumi.ProviderResource;
}

/**
 * Peering options for both directions. Traffic the hub forwards (firewall, on-premises routes) must reach the
 * spoke and back, so forwarded traffic is allowed both ways. With a hub gateway, the hub offers gateway transit
 * and the spoke uses it, so the city's sites and SBCs reach the spoke through one gateway.
 */
export function peeringOptions() {
  return {
    allowVirtualNetworkAccess: true,
    allowForwardedTraffic: true,
    allowGatewayTransit: false,
    useRemoteGateways: false,
  };
}

/**
 * A department's spoke network: its subnets, each with a network security group (nothing inbound from the
 * internet, management ports only from Bastion) and the route table that sends 0.0.0.0/0 to the hub firewall;
 * DNS through the hub; and its peerings with the hub, in both directions (Azure needs one per end).
 */
export class DepartmentNetwork extends pulumi.ComponentResource {
  static readonly TYPE = COMPONENT_TYPES.departmentNetwork;
  declare readonly spoke: network.VirtualNetwork;
  declare readonly spokeToHub: network.VirtualNetworkPeering;
  declare readonly hubToSpoke: network.VirtualNetworkPeering;
  declare readonly routeTable?: network.RouteTable;
  declare readonly securityGroups: network.NetworkSecurityGroup[];

  constructor(name: string, args: DepartmentNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super(DepartmentNetwork.TYPE, name, {}, opts);
    const inSpoke = { parent: this, provider: args.provider };
    const spokeName = spokeVirtualNetworkName(args.shortName, args.departmentId, args.region);
    const subnets = args.subnets ?? [];
    const routeTable =
      args.firewallIp && subnets.length > 0
        ? new network.RouteTable(
            `rt-${spokeName}`,
            {
              routeTableName: `rt-${spokeName}`,
              resourceGroupName: args.resourceGroupName,
              location: args.region,
              routes: spokeRoutes(args.firewallIp),
              // Routes learnt from a gateway would bypass the firewall.
              disableBgpRoutePropagation: true,
              tags: args.tags,
            },
            inSpoke,
          )
        : undefined;
    this.routeTable = routeTable;
    this.securityGroups = subnets.map(
      (s) =>
        new network.NetworkSecurityGroup(
          `nsg-${spokeName}-${s.name}`,
          {
            networkSecurityGroupName: `nsg-${spokeName}-${s.name}`,
            resourceGroupName: args.resourceGroupName,
            location: args.region,
            securityRules: spokeSecurityRules(args.bastionPrefix),
            tags: args.tags,
          },
          inSpoke,
        ),
    );
    this.spoke = new network.VirtualNetwork(
      spokeName,
      {
        virtualNetworkName: spokeName,
        resourceGroupName: args.resourceGroupName,
        location: args.region,
        addressSpace: { addressPrefixes: [args.addressSpace] },
        ...(args.dnsServers && args.dnsServers.length > 0
          ? { dhcpOptions: { dnsServers: [...args.dnsServers] } }
          : {}),
        // Inline, like the hub's: one owner of the subnet list (pulumi-azure-native#611).
        ...(subnets.length > 0
          ? {
              subnets: subnets.map((s, i) => ({
                name: s.name,
                addressPrefix: s.addressPrefix,
                networkSecurityGroup: { id: this.securityGroups[i].id },
                ...(routeTable ? { routeTable: { id: routeTable.id } } : {}),
              })),
            }
          : {}),
        tags: args.tags,
      },
      inSpoke,
    );
    const gateway = args.hubGateway !== undefined;
    const toHub = peeringName(args.shortName, args.departmentId, "hub");
    this.spokeToHub = new network.VirtualNetworkPeering(
      toHub,
      {
        virtualNetworkPeeringName: toHub,
        resourceGroupName: args.resourceGroupName,
        virtualNetworkName: this.spoke.name,
        remoteVirtualNetwork: { id: args.hub.vnetId },
        ...peeringOptions(),
        useRemoteGateways: gateway,
      },
      // useRemoteGateways fails while the hub's gateway is still being created.
      { ...inSpoke, dependsOn: args.hubGateway ? [args.hubGateway] : [] },
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
        allowGatewayTransit: gateway,
      },
      { parent: this, provider: args.hubProvider, dependsOn: args.hubGateway ? [args.hubGateway] : [] },
    );
    this.registerOutputs({ spokeId: this.spoke.id });
  }
}
