import { networkRule } from "../../../src/config/rules/network";
import type { Edit } from "../helpers/validate";
import { ruleProblemsAfter, type RuleCase } from "../helpers/validate";

// network-addresses alone. Fixture: plan 10.20.0.0/16, hub 10.20.0.0/22, culture 10.20.4.0/24, mobility 10.20.5.0/24.
const T = "tenant.yaml";
const culture = (cidr: string): Edit => [
  "departments/culture.yaml",
  "addressSpace: 10.20.4.0/24",
  `addressSpace: ${cidr}`,
];
const mobility = (cidr: string): Edit => [
  "departments/mobility.yaml",
  "addressSpace: 10.20.5.0/24",
  `addressSpace: ${cidr}`,
];
const UNREADABLE_TENANT: Edit = [T, "organization:", "organization: [\n"];

describe("network-addresses", () => {
  const cases: RuleCase[] = [
    { name: "the fixture's plan, hub and spokes", errors: [] },
    {
      // Without a readable plan there is nothing to hold the hub or the spokes to; only the plan is reported.
      name: "an address plan that is not a block",
      edits: [[T, "addressPlan: 10.20.0.0/16", "addressPlan: 10.20.0.0/33"], mobility("10.99.5.0/24")],
      errors: [
        "tenant.yaml:28:16: landingZone.addressPlan: '10.20.0.0/33' has prefix length /33, but an IPv4 prefix is /0 to /32 — correct it",
      ],
    },
    {
      name: "a spoke that contains another overlaps it, named by department",
      edits: [mobility("10.20.4.0/23")],
      errors: [
        "departments/mobility.yaml:14:17: network.addressSpace: spoke 10.20.4.0/23 overlaps the spoke of 'culture' 10.20.4.0/24 (departments/culture.yaml:19) — address blocks must not overlap; choose a free block",
      ],
    },
    {
      name: "a spoke outside the plan, over the hub and another spoke: each clash is reported",
      edits: [culture("10.0.0.0/8")],
      errors: [
        "departments/culture.yaml:19:17: network.addressSpace: spoke 10.0.0.0/8 is not inside the address plan 10.20.0.0/16 — choose a block inside 10.20.0.0/16",
        "departments/culture.yaml:19:17: network.addressSpace: spoke 10.0.0.0/8 overlaps the hub 10.20.0.0/22 (tenant.yaml:30) — address blocks must not overlap; choose a free block",
        "departments/mobility.yaml:14:17: network.addressSpace: spoke 10.20.5.0/24 overlaps the spoke of 'culture' 10.0.0.0/8 (departments/culture.yaml:19) — address blocks must not overlap; choose a free block",
      ],
    },
    {
      name: "a spoke with host bits set is reported as such and compared with nothing",
      edits: [mobility("10.20.4.1/23")],
      errors: [
        "departments/mobility.yaml:14:17: network.addressSpace: '10.20.4.1/23' has host bits set — write the network address 10.20.4.0/23",
      ],
    },
    {
      // Spokes need only each other to be judged, so a broken tenant.yaml does not hide their clash.
      name: "overlapping spokes are reported when tenant.yaml does not load",
      edits: [UNREADABLE_TENANT, mobility("10.20.4.0/24")],
      errors: [
        "departments/mobility.yaml:14:17: network.addressSpace: spoke 10.20.4.0/24 overlaps the spoke of 'culture' 10.20.4.0/24 (departments/culture.yaml:19) — address blocks must not overlap; choose a free block",
      ],
    },
    {
      name: "a hub subnet outside the hub that also overlaps an earlier one",
      edits: [
        [
          T,
          "        addressPrefix: 10.20.0.0/26\n",
          "        addressPrefix: 10.20.0.0/26\n      - name: wide\n        addressPrefix: 10.20.0.0/21\n",
        ],
      ],
      errors: [
        "tenant.yaml:35:24: landingZone.hub.subnets[1].addressPrefix: subnet 10.20.0.0/21 is not inside the hub address space 10.20.0.0/22 — choose a block inside 10.20.0.0/22",
        "tenant.yaml:35:24: landingZone.hub.subnets[1].addressPrefix: subnet 10.20.0.0/21 overlaps subnet 'GatewaySubnet' 10.20.0.0/26 (tenant.yaml:33) — address blocks must not overlap; choose a free block",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(networkRule, change)).toEqual(errors),
  );
});
