import * as dnsresolver from "@pulumi/azure-native/dnsresolver";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import * as resources from "@pulumi/azure-native/resources";
import * as pulumi from "@pulumi/pulumi";
import type { LandingZone } from "../config/schema/landingZone";
import { hubVirtualNetworkName, platformResourceGroupName } from "../naming";
import type { Tags } from "../tags";
import {
  BASTION_SUBNET,
  FIREWALL_SUBNET,
  GATEWAY_SUBNET,
  resolverInboundIp,
  ruleCollections,
} from "./networkPlan";

export interface ConnectivityArgs {
  shortName: string;
  region: string;
  hub: LandingZone["hub"];
  tags: Tags;
}

export interface Connectivity {
  resourceGroup: resources.ResourceGroup;
  hub: network.VirtualNetwork;
  firewall?: network.AzureFirewall;
  /** The firewall's private IP as Azure allocated it: next hop of every spoke's default route, and its DNS proxy. */
  firewallPrivateIp?: pulumi.Output<string>;
  firewallPolicy?: network.FirewallPolicy;
  gateway?: network.VirtualNetworkGateway;
  bastion?: network.BastionHost;
  resolver?: dnsresolver.DnsResolver;
  privateDnsZones: privatedns.PrivateZone[];
  privateDnsLinks: privatedns.VirtualNetworkLink[];
}

/**
 * The hub: resource group and virtual network, and what the definition asks of it — Azure Firewall with its
 * policy (DNS proxy on, rule collection groups from tenant.yaml) and public IP, a VPN or ExpressRoute gateway,
 * Bastion, a DNS private resolver and the private-link DNS zones linked to the hub.
 *
 * Subnets are inline (`subnets` on the VNet), not separate `network.Subnet` resources: with both, every VNet
 * update sends its own subnet list and the two resources fight over it (pulumi-azure-native#611). The hub's
 * subnets are fixed by tenant.yaml, so one owner is right. Peerings stay separate resources (made by each
 * department) and are not listed here. The resource group, network and firewall are protected.
 */
export function createConnectivity(args: ConnectivityArgs, opts: pulumi.CustomResourceOptions): Connectivity {
  const { hub: spec, region, tags, shortName } = args;
  const rgName = platformResourceGroupName(shortName, "hub", region);
  const resourceGroup = new resources.ResourceGroup(
    rgName,
    { resourceGroupName: rgName, location: region, tags },
    // Protected, not locked: a CanNotDelete lock would also block deleting a retired department's peering.
    { ...opts, protect: true },
  );
  const vnetName = hubVirtualNetworkName(shortName, region);
  const resolverSubnet = spec.dnsResolver?.inboundSubnet;
  const hub = new network.VirtualNetwork(
    vnetName,
    {
      virtualNetworkName: vnetName,
      resourceGroupName: resourceGroup.name,
      location: region,
      addressSpace: { addressPrefixes: [spec.addressSpace] },
      subnets: spec.subnets.map((s) => ({
        name: s.name,
        addressPrefix: s.addressPrefix,
        // The resolver's endpoint subnet must be delegated to it and hold nothing else.
        ...(s.name === resolverSubnet
          ? { delegations: [{ name: "dns-resolver", serviceName: "Microsoft.Network/dnsResolvers" }] }
          : {}),
      })),
      tags,
    },
    { ...opts, protect: true },
  );
  const subnetId = (name: string) => pulumi.interpolate`${hub.id}/subnets/${name}`;
  const publicIp = (purpose: string) => {
    const name = `pip-${shortName}-${purpose}-${region}`;
    return new network.PublicIPAddress(
      name,
      {
        publicIpAddressName: name,
        resourceGroupName: resourceGroup.name,
        location: region,
        sku: { name: "Standard", tier: "Regional" },
        publicIPAllocationMethod: "Static",
        tags,
      },
      opts,
    );
  };
  const result: Connectivity = { resourceGroup, hub, privateDnsZones: [], privateDnsLinks: [] };

  if (spec.firewall) {
    const policyName = `afwp-${shortName}-hub-${region}`;
    result.firewallPolicy = new network.FirewallPolicy(
      policyName,
      {
        firewallPolicyName: policyName,
        resourceGroupName: resourceGroup.name,
        location: region,
        sku: { tier: spec.firewall.sku },
        threatIntelMode: spec.firewall.threatIntelMode,
        // DNS proxy: spokes use the firewall as DNS server, so FQDN rules see the names they resolve.
        dnsSettings: { enableProxy: true },
        tags,
      },
      opts,
    );
    for (const group of spec.firewall.ruleCollectionGroups) {
      new network.FirewallPolicyRuleCollectionGroup(
        `rcg-${shortName}-${group.name}`,
        {
          ruleCollectionGroupName: group.name,
          firewallPolicyName: result.firewallPolicy.name,
          resourceGroupName: resourceGroup.name,
          priority: group.priority,
          ruleCollections: ruleCollections(group),
        },
        opts,
      );
    }
    const ip = publicIp("afw");
    const firewallName = `afw-${shortName}-hub-${region}`;
    result.firewall = new network.AzureFirewall(
      firewallName,
      {
        azureFirewallName: firewallName,
        resourceGroupName: resourceGroup.name,
        location: region,
        sku: { name: "AZFW_VNet", tier: spec.firewall.sku },
        firewallPolicy: { id: result.firewallPolicy.id },
        ipConfigurations: [
          { name: "ipconfig", subnet: { id: subnetId(FIREWALL_SUBNET) }, publicIPAddress: { id: ip.id } },
        ],
        tags,
      },
      { ...opts, protect: true },
    );
    result.firewallPrivateIp = firewallPrivateIp(result.firewall);
  }

  if (spec.gateway) {
    const ip = publicIp("vgw");
    const gatewayName = `vgw-${shortName}-hub-${region}`;
    result.gateway = new network.VirtualNetworkGateway(
      gatewayName,
      {
        virtualNetworkGatewayName: gatewayName,
        resourceGroupName: resourceGroup.name,
        location: region,
        gatewayType: spec.gateway.type,
        ...(spec.gateway.type === "Vpn" ? { vpnType: "RouteBased" } : {}),
        sku: { name: spec.gateway.sku, tier: spec.gateway.sku },
        ipConfigurations: [
          {
            name: "ipconfig",
            subnet: { id: subnetId(GATEWAY_SUBNET) },
            publicIPAddress: { id: ip.id },
            privateIPAllocationMethod: "Dynamic",
          },
        ],
        tags,
      },
      opts,
    );
  }

  if (spec.bastion) {
    const ip = publicIp("bas");
    const bastionName = `bas-${shortName}-hub-${region}`;
    result.bastion = new network.BastionHost(
      bastionName,
      {
        bastionHostName: bastionName,
        resourceGroupName: resourceGroup.name,
        location: region,
        sku: { name: "Standard" },
        ipConfigurations: [
          { name: "ipconfig", subnet: { id: subnetId(BASTION_SUBNET) }, publicIPAddress: { id: ip.id } },
        ],
        tags,
      },
      opts,
    );
  }

  if (spec.dnsResolver) {
    const resolverName = `dnspr-${shortName}-hub-${region}`;
    result.resolver = new dnsresolver.DnsResolver(
      resolverName,
      {
        dnsResolverName: resolverName,
        resourceGroupName: resourceGroup.name,
        location: region,
        virtualNetwork: { id: hub.id },
        tags,
      },
      opts,
    );
    new dnsresolver.InboundEndpoint(
      `${resolverName}-in`,
      {
        inboundEndpointName: "inbound",
        dnsResolverName: result.resolver.name,
        resourceGroupName: resourceGroup.name,
        location: region,
        ipConfigurations: [
          {
            subnet: { id: subnetId(spec.dnsResolver.inboundSubnet) },
            // Static, so every spoke can name it as DNS server before the endpoint exists.
            privateIpAllocationMethod: "Static",
            privateIpAddress: resolverInboundIp(spec),
          },
        ],
        tags,
      },
      opts,
    );
  }

  for (const zoneName of spec.privateDnsZones) {
    const zone = new privatedns.PrivateZone(
      zoneName,
      { privateZoneName: zoneName, resourceGroupName: resourceGroup.name, location: "global", tags },
      opts,
    );
    result.privateDnsZones.push(zone);
    result.privateDnsLinks.push(
      new privatedns.VirtualNetworkLink(
        `${zoneName}-hub`,
        {
          virtualNetworkLinkName: `link-${vnetName}`,
          privateZoneName: zone.name,
          resourceGroupName: resourceGroup.name,
          location: "global",
          virtualNetwork: { id: hub.id },
          registrationEnabled: false,
          tags,
        },
        opts,
      ),
    );
  }
  return result;
}

/**
 * The private IP Azure gave the firewall in AzureFirewallSubnet (`ipConfigurations[0].privateIPAddress`). Read, not
 * computed: Azure allocates it, and a guess from the prefix would silently route every spoke to nothing if it
 * ever differed. Empty until the firewall exists (a preview shows it as unknown).
 */
export function firewallPrivateIp(firewall: network.AzureFirewall): pulumi.Output<string> {
  return firewall.ipConfigurations.apply((configs) => configs?.[0]?.privateIPAddress ?? "");
}
