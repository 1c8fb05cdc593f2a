import { azureAddressSpaceRule } from "../../../src/config/rules/azureAddressSpace";
import type { Edit } from "../helpers/validate";
import { ruleProblemsAfter, type RuleCase } from "../helpers/validate";

// azure-address-space alone: the ranges the Azure Virtual Network FAQ says a virtual network cannot use, and the
// subnet sizes it supports (/2 to /29). culture's spoke is at departments/culture.yaml:19.
const spoke = (cidr: string): Edit => [
  "departments/culture.yaml",
  "addressSpace: 10.20.4.0/24",
  `addressSpace: ${cidr}`,
];
const hubSubnet = (cidr: string): Edit => [
  "tenant.yaml",
  "addressPrefix: 10.20.0.0/26",
  `addressPrefix: ${cidr}`,
];
const reserved = (cidr: string, range: string, what: string) =>
  `departments/culture.yaml:19:17: network.addressSpace: ${cidr} overlaps ${range} (${what}), which Azure does not allow in a virtual network — choose a private range such as 10.0.0.0/8`;

describe("azure-address-space: reserved ranges", () => {
  it.each([
    ["224.0.0.0/24", "224.0.0.0/4", "multicast"],
    ["239.255.255.0/24", "224.0.0.0/4", "multicast"],
    ["255.255.255.248/29", "255.255.255.255/32", "broadcast"],
    ["127.20.0.0/16", "127.0.0.0/8", "loopback"],
    ["169.254.4.0/24", "169.254.0.0/16", "link-local"],
    ["168.63.129.0/24", "168.63.129.16/32", "Azure's internal DNS and health probes"],
    ["0.0.0.0/0", "224.0.0.0/4", "multicast"], // everything: the first reserved range it meets is named
  ])("a spoke %s overlaps %s", (cidr, range, what) =>
    expect(ruleProblemsAfter(azureAddressSpaceRule, { edits: [spoke(cidr)] })).toEqual([
      reserved(cidr, range, what),
    ]),
  );

  it.each([
    "10.20.4.0/24",
    "223.255.255.0/24",
    "240.0.0.0/24",
    "168.63.128.0/24",
    "169.253.0.0/16",
    "128.0.0.0/8",
  ])("a spoke %s next to a reserved range is allowed", (cidr) =>
    expect(ruleProblemsAfter(azureAddressSpaceRule, { edits: [spoke(cidr)] })).toEqual([]),
  );
});

describe("azure-address-space: hub subnets", () => {
  const cases: RuleCase[] = [
    { name: "a /29 hub subnet", edits: [hubSubnet("10.20.0.0/29")], errors: [] },
    { name: "a /2 hub subnet", edits: [hubSubnet("0.0.0.0/2")], errors: [] },
    {
      name: "a /30 hub subnet",
      edits: [hubSubnet("10.20.0.0/30")],
      errors: [
        "tenant.yaml:33:24: landingZone.hub.subnets[0].addressPrefix: subnet 10.20.0.0/30 is a /30, but Azure supports IPv4 subnets from /2 to /29 (5 addresses of each are reserved) — make it a /29 or larger",
      ],
    },
    {
      name: "a /1 hub subnet (which also takes in loopback)",
      edits: [hubSubnet("0.0.0.0/1")],
      errors: [
        "tenant.yaml:33:24: landingZone.hub.subnets[0].addressPrefix: 0.0.0.0/1 overlaps 127.0.0.0/8 (loopback), which Azure does not allow in a virtual network — choose a private range such as 10.0.0.0/8",
        "tenant.yaml:33:24: landingZone.hub.subnets[0].addressPrefix: subnet 0.0.0.0/1 is a /1, but Azure supports IPv4 subnets from /2 to /29 (5 addresses of each are reserved) — make it a /2 or smaller",
      ],
    },
    {
      // network-addresses says what is wrong with an unreadable block; its size is not judged here.
      name: "an unreadable hub subnet is not judged",
      edits: [hubSubnet("10.20.0.1/30")],
      errors: [],
    },
    {
      name: "spokes are judged when tenant.yaml does not load",
      edits: [["tenant.yaml", "organization:", "organization: [\n"], spoke("127.20.0.0/16")],
      errors: [reserved("127.20.0.0/16", "127.0.0.0/8", "loopback")],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(azureAddressSpaceRule, change)).toEqual(errors),
  );
});
