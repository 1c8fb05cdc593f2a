import type * as pulumi from "@pulumi/pulumi";
import ipaddr from "ipaddr.js";
import type { FirewallRule, LandingZone } from "../config/schema/landingZone";

/** Subnet names Azure fixes for the hub's services. */
export const FIREWALL_SUBNET = "AzureFirewallSubnet";
export const BASTION_SUBNET = "AzureBastionSubnet";
export const GATEWAY_SUBNET = "GatewaySubnet";

/**
 * The largest prefix length (smallest subnet) each hub service accepts, from Microsoft's docs: Azure Firewall
 * and Bastion need a /26, a gateway a /27 (a /29 is accepted but cannot coexist with ExpressRoute), a DNS
 * private resolver endpoint a /28; any other IPv4 subnet a /29 (Azure reserves five addresses of each).
 */
export const MIN_PREFIX: Readonly<Record<string, number>> = {
  [FIREWALL_SUBNET]: 26,
  AzureFirewallManagementSubnet: 26,
  [BASTION_SUBNET]: 26,
  [GATEWAY_SUBNET]: 27,
};
export const RESOLVER_MIN_PREFIX = 28;
export const ANY_SUBNET_MIN_PREFIX = 29;

/** The smallest subnet a hub subnet may be, by what it hosts. */
export function minimumPrefix(name: string, resolverSubnet: string | undefined): number {
  if (name === resolverSubnet) return RESOLVER_MIN_PREFIX;
  return MIN_PREFIX[name] ?? ANY_SUBNET_MIN_PREFIX;
}

/**
 * The first address Azure hands out in a subnet: it reserves the network address and the next three, so a
 * firewall (or a resolver endpoint with static allocation) in an empty subnet gets base + 4.
 */
export function firstUsableAddress(cidr: string): string {
  const [address, prefix] = ipaddr.IPv4.parseCIDR(cidr);
  const value = address.toByteArray().reduce((n, b) => n * 256 + b, 0);
  const size = 2 ** (32 - prefix);
  const first = value - (value % size) + 4;
  return [24, 16, 8, 0].map((shift) => Math.floor(first / 2 ** shift) % 256).join(".");
}

function subnetPrefix(hub: LandingZone["hub"], name: string): string | undefined {
  return hub.subnets.find((s) => s.name === name)?.addressPrefix;
}

/**
 * Whether spokes route through a firewall. Its private IP is not computed here: Azure allocates it in
 * AzureFirewallSubnet, and the program reads it from the firewall (`ipConfigurations[0].privateIPAddress`,
 * connectivity.ts `firewallPrivateIp`).
 */
export function hubHasFirewall(hub: LandingZone["hub"]): boolean {
  return hub.firewall !== undefined && subnetPrefix(hub, FIREWALL_SUBNET) !== undefined;
}

/** The resolver's inbound endpoint address (statically allocated, so spokes can name it before it exists). */
export function resolverInboundIp(hub: LandingZone["hub"]): string | undefined {
  const prefix = hub.dnsResolver ? subnetPrefix(hub, hub.dnsResolver.inboundSubnet) : undefined;
  return prefix ? firstUsableAddress(prefix) : undefined;
}

/**
 * DNS servers of every spoke: the resolver's inbound endpoint when there is one, else the firewall's DNS proxy
 * (which the firewall policy turns on), else Azure's default. Spokes resolve private-link names either way,
 * because both forward to Azure DNS from the hub, where the private DNS zones are linked.
 */
export function spokeDnsServers(
  hub: LandingZone["hub"],
  firewallIp: pulumi.Input<string> | undefined,
): pulumi.Input<string>[] {
  const resolver = resolverInboundIp(hub);
  if (resolver) return [resolver];
  return firewallIp !== undefined ? [firewallIp] : [];
}

/** Network security rules of every spoke subnet: nothing from the internet, management ports only via Bastion. */
export function spokeSecurityRules(bastionPrefix: string | undefined) {
  const rule = (
    name: string,
    priority: number,
    access: "Allow" | "Deny",
    sourceAddressPrefix: string,
    destinationPortRanges: string[],
  ) => ({
    name,
    priority,
    direction: "Inbound",
    access,
    protocol: "*",
    sourceAddressPrefix,
    sourcePortRange: "*",
    destinationAddressPrefix: "*",
    destinationPortRanges,
  });
  return [
    ...(bastionPrefix ? [rule("allow-bastion-management", 100, "Allow", bastionPrefix, ["22", "3389"])] : []),
    rule("deny-management-ports", 200, "Deny", "*", ["22", "3389", "5985", "5986"]),
    rule("deny-internet-inbound", 300, "Deny", "Internet", ["0-65535"]),
  ];
}

/** Routes of every spoke: everything not local goes to the firewall. */
export function spokeRoutes(firewallIp: pulumi.Input<string>) {
  return [
    {
      name: "default-via-firewall",
      addressPrefix: "0.0.0.0/0",
      nextHopType: "VirtualAppliance",
      nextHopIpAddress: firewallIp,
    },
  ];
}

/** One firewall rule in the shape `FirewallPolicyRuleCollectionGroup` takes (`ruleType` discriminates). */
export function firewallRule(rule: FirewallRule) {
  if (rule.kind === "application") {
    return {
      ruleType: "ApplicationRule" as const,
      name: rule.name,
      sourceAddresses: rule.sourceAddresses,
      targetFqdns: rule.destinationFqdns,
      protocols: rule.protocols.map((p) => ({ protocolType: p, port: p === "Http" ? 80 : 443 })),
    };
  }
  return {
    ruleType: "NetworkRule" as const,
    name: rule.name,
    sourceAddresses: rule.sourceAddresses,
    destinationAddresses: rule.destinationAddresses,
    destinationPorts: rule.destinationPorts,
    ipProtocols: rule.protocols,
  };
}

/**
 * The rule collections of one group: deny before allow, network and application rules in separate collections
 * (Azure does not mix them), each only when it has rules.
 */
export function ruleCollections(group: { deny: readonly FirewallRule[]; allow: readonly FirewallRule[] }) {
  const collections = [];
  let priority = 100;
  for (const action of ["Deny", "Allow"] as const) {
    const rules = action === "Deny" ? group.deny : group.allow;
    for (const kind of ["network", "application"] as const) {
      const ofKind = rules.filter((r) => r.kind === kind);
      if (ofKind.length > 0) {
        collections.push({
          ruleCollectionType: "FirewallPolicyFilterRuleCollection" as const,
          name: `${action.toLowerCase()}-${kind}`,
          priority,
          action: { type: action },
          rules: ofKind.map(firewallRule),
        });
      }
      priority += 100;
    }
  }
  return collections;
}
