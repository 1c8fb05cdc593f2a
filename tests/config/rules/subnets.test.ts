import { subnetsRule } from "../../../src/config/rules/subnets";
import type { Edit } from "../helpers/validate";
import { ruleProblemsAfter, type RuleCase } from "../helpers/validate";

// network-subnets alone: what each hub service needs of its subnet, and department subnets inside their spoke.
const TENANT = "tenant.yaml";
const CULTURE = "departments/culture.yaml";
const HUB_SUBNETS = "    subnets:\n      - name: GatewaySubnet\n        addressPrefix: 10.20.0.0/26\n";

/** The hub's subnets (subnet i: name at tenant.yaml line 32 + 2i, prefix the line below) and more hub fields. */
function hub(subnets: [name: string, prefix: string][], more = ""): Edit {
  const lines = subnets.map(([n, p]) => `      - name: ${n}\n        addressPrefix: ${p}\n`).join("");
  return [TENANT, HUB_SUBNETS, `    subnets:\n${lines}${more}`];
}

/** culture's subnets (subnet i's prefix at line 22 + 2i). */
function spoke(...subnets: [name: string, prefix: string][]): Edit {
  const lines = subnets.map(([n, p]) => `    - name: ${n}\n      addressPrefix: ${p}\n`).join("");
  return [CULTURE, "addressSpace: 10.20.4.0/24\n", `addressSpace: 10.20.4.0/24\n  subnets:\n${lines}`];
}

const WITH_FIREWALL = hub(
  [
    ["GatewaySubnet", "10.20.0.0/26"],
    ["AzureFirewallSubnet", "10.20.0.64/26"],
  ],
  "    firewall: {}\n",
);

const tooSmall = (line: number, i: number, name: string, cidr: string, min: number, what: string) =>
  `tenant.yaml:${line}:24: landingZone.hub.subnets[${i}].addressPrefix: subnet '${name}' ${cidr} is too small for ${what} — Azure needs at least a /${min}; widen it`;

describe("network-subnets: the hub", () => {
  const cases: RuleCase[] = [
    { name: "the fixture's hub", errors: [] },
    {
      name: "a gateway without GatewaySubnet",
      edits: [hub([["snet-shared", "10.20.0.0/26"]], "    gateway:\n      type: Vpn\n      sku: VpnGw2AZ\n")],
      errors: [
        "tenant.yaml:35:7: landingZone.hub.gateway: the hub has a gateway but no subnet named 'GatewaySubnet' — add 'GatewaySubnet' to landingZone.hub.subnets",
      ],
    },
    {
      name: "Bastion without AzureBastionSubnet",
      edits: [hub([["GatewaySubnet", "10.20.0.0/26"]], "    bastion: true\n")],
      errors: [
        "tenant.yaml:34:14: landingZone.hub.bastion: the hub has Bastion but no subnet named 'AzureBastionSubnet' — add 'AzureBastionSubnet' to landingZone.hub.subnets",
      ],
    },
    { name: "a /27 GatewaySubnet", edits: [hub([["GatewaySubnet", "10.20.0.0/27"]])], errors: [] },
    {
      name: "a /28 GatewaySubnet",
      edits: [hub([["GatewaySubnet", "10.20.0.0/28"]])],
      errors: [tooSmall(33, 0, "GatewaySubnet", "10.20.0.0/28", 27, "a virtual network gateway")],
    },
    {
      name: "a /27 AzureBastionSubnet (Bastion needs a /26 even before it is switched on)",
      edits: [hub([["AzureBastionSubnet", "10.20.0.0/27"]])],
      errors: [tooSmall(33, 0, "AzureBastionSubnet", "10.20.0.0/27", 26, "Azure Bastion")],
    },
    {
      name: "a /27 AzureFirewallManagementSubnet",
      edits: [hub([["AzureFirewallManagementSubnet", "10.20.0.0/27"]])],
      errors: [
        tooSmall(
          33,
          0,
          "AzureFirewallManagementSubnet",
          "10.20.0.0/27",
          26,
          "Azure Firewall's management traffic",
        ),
      ],
    },
    {
      // The /29 floor of an ordinary hub subnet is azure-address-space's to report.
      name: "a /30 ordinary hub subnet is not this rule's concern",
      edits: [hub([["snet-shared", "10.20.0.0/30"]])],
      errors: [],
    },
    {
      name: "a resolver naming a subnet the hub does not have",
      edits: [
        hub([["GatewaySubnet", "10.20.0.0/26"]], "    dnsResolver:\n      inboundSubnet: DnsInbound\n"),
      ],
      errors: [
        "tenant.yaml:35:22: landingZone.hub.dnsResolver.inboundSubnet: the DNS resolver's inbound subnet 'DnsInbound' is not a hub subnet — add it to landingZone.hub.subnets or name one that is",
      ],
    },
    {
      name: "a /28 resolver subnet",
      edits: [hub([["DnsInbound", "10.20.0.0/28"]], "    dnsResolver:\n      inboundSubnet: DnsInbound\n")],
      errors: [],
    },
    {
      name: "a /29 resolver subnet",
      edits: [hub([["DnsInbound", "10.20.0.0/29"]], "    dnsResolver:\n      inboundSubnet: DnsInbound\n")],
      errors: [tooSmall(33, 0, "DnsInbound", "10.20.0.0/29", 28, "a DNS resolver endpoint")],
    },
    {
      // network-addresses reports an unreadable block; this rule says nothing rather than guess its size.
      name: "an unreadable hub subnet prefix",
      edits: [hub([["GatewaySubnet", "10.20.0.0/99"]])],
      errors: [],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(subnetsRule, change)).toEqual(errors),
  );
});

describe("network-subnets: department subnets", () => {
  const cases: RuleCase[] = [
    {
      name: "subnets inside the spoke behind a hub firewall",
      edits: [WITH_FIREWALL, spoke(["app", "10.20.4.0/26"], ["data", "10.20.4.64/29"])],
      errors: [],
    },
    {
      name: "a subnet that is not an address block reports why, and nothing else",
      edits: [WITH_FIREWALL, spoke(["app", "10.20.4.1/26"])],
      errors: [
        "departments/culture.yaml:22:22: network.subnets[0].addressPrefix: '10.20.4.1/26' has host bits set — write the network address 10.20.4.0/26",
      ],
    },
    {
      name: "a subnet overlapping two earlier ones is reported once, against the first",
      edits: [WITH_FIREWALL, spoke(["a", "10.20.4.0/26"], ["b", "10.20.4.64/26"], ["all", "10.20.4.0/25"])],
      errors: [
        "departments/culture.yaml:26:22: network.subnets[2].addressPrefix: subnet 'all' 10.20.4.0/25 overlaps subnet 'a' (departments/culture.yaml:22) — subnets must not overlap; choose a free block",
      ],
    },
    {
      name: "a subnet both outside the spoke and too small gets both lines",
      edits: [WITH_FIREWALL, spoke(["far", "10.20.9.0/30"])],
      errors: [
        "departments/culture.yaml:22:22: network.subnets[0].addressPrefix: subnet 'far' 10.20.9.0/30 is not inside the spoke 10.20.4.0/24 — choose a block inside network.addressSpace",
        "departments/culture.yaml:22:22: network.subnets[0].addressPrefix: subnet 'far' 10.20.9.0/30 is too small for any subnet — Azure needs at least a /29; widen it",
      ],
    },
    {
      // Without a readable tenant.yaml there is no hub to judge; the spoke's own checks still run.
      name: "no firewall complaint when tenant.yaml does not load",
      edits: [[TENANT, "organization:", "organization: [\n"], spoke(["far", "10.20.9.0/29"])],
      errors: [
        "departments/culture.yaml:22:22: network.subnets[0].addressPrefix: subnet 'far' 10.20.9.0/29 is not inside the spoke 10.20.4.0/24 — choose a block inside network.addressSpace",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(subnetsRule, change)).toEqual(errors),
  );
});
