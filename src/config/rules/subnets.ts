import {
  BASTION_SUBNET,
  FIREWALL_SUBNET,
  GATEWAY_SUBNET,
  minimumPrefix,
  ANY_SUBNET_MIN_PREFIX,
  MIN_PREFIX,
} from "../../landing-zone/networkPlan";
import { blockContains, blocksOverlap, parseCidr, type Block } from "./cidr";
import type { Rule, RuleContext } from "./context";
import { place } from "./wording";

/**
 * What the hub's services and the spokes' subnets need: each service its subnet, each subnet big enough for what
 * it hosts, department subnets inside their spoke and apart, and a firewall for the egress spokes route to it.
 */
const msg = {
  serviceWithoutSubnet: (service: string, subnet: string) =>
    `the hub has ${service} but no subnet named '${subnet}' — add '${subnet}' to landingZone.hub.subnets`,
  tooSmall: (name: string, cidr: string, min: number, what: string) =>
    `subnet '${name}' ${cidr} is too small for ${what} — Azure needs at least a /${min}; widen it`,
  outsideSpoke: (name: string, cidr: string, spoke: string) =>
    `subnet '${name}' ${cidr} is not inside the spoke ${spoke} — choose a block inside network.addressSpace`,
  overlap: (name: string, cidr: string, other: string, where: string) =>
    `subnet '${name}' ${cidr} overlaps subnet '${other}' (${where}) — subnets must not overlap; choose a free block`,
  noFirewall: () =>
    `these subnets send their internet traffic (0.0.0.0/0) through the hub firewall, but tenant.yaml has no landingZone.hub.firewall — add the firewall (and its AzureFirewallSubnet), or remove network.subnets`,
  unknownResolverSubnet: (name: string) =>
    `the DNS resolver's inbound subnet '${name}' is not a hub subnet — add it to landingZone.hub.subnets or name one that is`,
};

export const subnetsRule: Rule = {
  info: {
    id: "network-subnets",
    summary:
      "Hub services have their subnets at the size Azure requires; department subnets lie inside their spoke, do not overlap, are at least a /29, and egress through a hub firewall.",
    errors: [
      {
        when: "a hub service without its subnet",
        example: msg.serviceWithoutSubnet("a firewall", FIREWALL_SUBNET),
      },
      {
        when: "a subnet smaller than what it hosts needs",
        example: msg.tooSmall(FIREWALL_SUBNET, "10.20.0.64/27", 26, "Azure Firewall"),
      },
      {
        when: "a department subnet outside its spoke",
        example: msg.outsideSpoke("app", "10.20.9.0/26", "10.20.4.0/24"),
      },
      {
        when: "two department subnets overlap",
        example: msg.overlap("data", "10.20.4.32/27", "app", "stacks/example/departments/culture.yaml:21"),
      },
      { when: "department subnets without a hub firewall to egress through", example: msg.noFirewall() },
      {
        when: "the resolver's inbound subnet is not a hub subnet",
        example: msg.unknownResolverSubnet("DnsInbound"),
      },
    ],
  },
  check: checkSubnets,
};

const WHAT: Record<string, string> = {
  [FIREWALL_SUBNET]: "Azure Firewall",
  AzureFirewallManagementSubnet: "Azure Firewall's management traffic",
  [BASTION_SUBNET]: "Azure Bastion",
  [GATEWAY_SUBNET]: "a virtual network gateway",
};

function parsed(text: string): Block | undefined {
  const result = parseCidr(text);
  return result.ok ? result.block : undefined;
}

function prefixOf(block: Block): number {
  return 32 - Math.log2(block.last - block.first + 1);
}

function checkSubnets(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  const hub = tenant?.value.landingZone.hub;
  if (tenant && hub) {
    const names = hub.subnets.map((s) => s.name);
    const services: [present: boolean, service: string, subnet: string, path: string][] = [
      [hub.firewall !== undefined, "a firewall", FIREWALL_SUBNET, "firewall"],
      [hub.gateway !== undefined, "a gateway", GATEWAY_SUBNET, "gateway"],
      [hub.bastion, "Bastion", BASTION_SUBNET, "bastion"],
    ];
    for (const [present, service, subnet, path] of services) {
      if (present && !names.includes(subnet)) {
        ctx.at(tenant, ["landingZone", "hub", path], msg.serviceWithoutSubnet(service, subnet));
      }
    }
    const resolverSubnet = hub.dnsResolver?.inboundSubnet;
    if (resolverSubnet !== undefined && !names.includes(resolverSubnet)) {
      ctx.at(
        tenant,
        ["landingZone", "hub", "dnsResolver", "inboundSubnet"],
        msg.unknownResolverSubnet(resolverSubnet),
      );
    }
    hub.subnets.forEach((s, i) => {
      const block = parsed(s.addressPrefix);
      if (!block) return; // network-addresses reports it
      // The general /29 limit of a hub subnet is azure-address-space's; this rule adds what a service needs.
      if (s.name !== resolverSubnet && !(s.name in MIN_PREFIX)) return;
      const min = minimumPrefix(s.name, resolverSubnet);
      if (prefixOf(block) > min) {
        const what = s.name === resolverSubnet ? "a DNS resolver endpoint" : (WHAT[s.name] ?? "any subnet");
        ctx.at(
          tenant,
          ["landingZone", "hub", "subnets", i, "addressPrefix"],
          msg.tooSmall(s.name, s.addressPrefix, min, what),
        );
      }
    });
  }

  for (const dep of ctx.loaded.departments) {
    const { network } = dep.value;
    if (network.subnets.length === 0) continue;
    if (tenant && hub && hub.firewall === undefined) ctx.at(dep, ["network", "subnets"], msg.noFirewall());
    const spoke = parsed(network.addressSpace);
    const seen: { block: Block; index: number }[] = [];
    network.subnets.forEach((s, i) => {
      const path = ["network", "subnets", i, "addressPrefix"];
      const result = parseCidr(s.addressPrefix);
      if (!result.ok) {
        ctx.at(dep, path, result.problem);
        return;
      }
      const block = result.block;
      if (spoke && !blockContains(spoke, block)) {
        ctx.at(dep, path, msg.outsideSpoke(s.name, s.addressPrefix, network.addressSpace));
      }
      if (prefixOf(block) > ANY_SUBNET_MIN_PREFIX) {
        ctx.at(dep, path, msg.tooSmall(s.name, s.addressPrefix, ANY_SUBNET_MIN_PREFIX, "any subnet"));
      }
      const other = seen.find((o) => blocksOverlap(o.block, block));
      if (other) {
        const otherPath = ["network", "subnets", other.index, "addressPrefix"];
        ctx.at(
          dep,
          path,
          msg.overlap(s.name, s.addressPrefix, network.subnets[other.index].name, place(dep, otherPath)),
        );
      }
      seen.push({ block, index: i });
    });
  }
}
