import { problemsAfter, type RuleCase } from "../helpers/validate";

const T = "tenant.yaml";
const CULTURE = "departments/culture.yaml";
const MOBILITY = "departments/mobility.yaml";

describe("management-groups", () => {
  const cases: RuleCase[] = [
    { name: "the minimal hierarchy is valid", errors: [] },
    {
      name: "a parent may be declared after its child",
      edits: [
        [
          T,
          "  managementGroups:\n",
          "  managementGroups:\n    - id: vp-sandbox\n      displayName: Sandbox\n      parent: vp-corp\n",
        ],
      ],
      errors: [],
    },
    {
      name: "a duplicate id is reported at the second, naming the first",
      edits: [[T, "- id: vp-corp", "- id: vp-platform"]],
      errors: [
        "tenant.yaml:22:11: landingZone.managementGroups[3].id: management group id 'vp-platform' is already used at tenant.yaml:14 — give each management group its own id",
      ],
    },
    {
      name: "a parent that does not exist suggests the closest id",
      edits: [[T, "parent: vp-landingzones", "parent: vp-landingzone"]],
      errors: [
        "tenant.yaml:24:15: landingZone.managementGroups[3].parent: parent 'vp-landingzone' is not a management group in this list (did you mean 'vp-landingzones'?) — name the id of a group above, or omit 'parent' for the top group",
      ],
    },
    {
      name: "a cycle is named once, at its last-written member",
      edits: [
        [
          T,
          "      parent: vp\n      archetypes: [landingZones]",
          "      parent: vp-corp\n      archetypes: [landingZones]",
        ],
      ],
      errors: [
        "tenant.yaml:24:15: landingZone.managementGroups[3].parent: management groups form a cycle: vp-corp → vp-landingzones → vp-corp — point one of their parents at a group outside the cycle",
      ],
    },
    {
      name: "a group that is its own parent is a cycle",
      edits: [
        [
          T,
          "      parent: vp\n      archetypes: [platform]",
          "      parent: vp-platform\n      archetypes: [platform]",
        ],
      ],
      errors: [
        "tenant.yaml:16:15: landingZone.managementGroups[1].parent: management groups form a cycle: vp-platform → vp-platform — point one of their parents at a group outside the cycle",
      ],
    },
    {
      name: "a second group without parent",
      edits: [[T, "      parent: vp\n      archetypes: [platform]", "      archetypes: [platform]"]],
      errors: [
        "tenant.yaml:14:11: landingZone.managementGroups[1].id: 'vp-platform' has no parent, but 'vp' (tenant.yaml:11) is already the top group — set parent: vp (or the group it belongs under)",
      ],
    },
    {
      name: "no group without parent",
      edits: [
        [
          T,
          "      displayName: Villa Pequeña\n      archetypes: [root]",
          "      displayName: Villa Pequeña\n      parent: vp-corp\n      archetypes: [root]",
        ],
      ],
      errors: [
        "tenant.yaml:11:5: landingZone.managementGroups: no management group is the top one — omit 'parent' on exactly one group (the one directly under the tenant root group)",
        "tenant.yaml:25:15: landingZone.managementGroups[3].parent: management groups form a cycle: vp-corp → vp-landingzones → vp → vp-corp — point one of their parents at a group outside the cycle",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("landing-zone-archetypes", () => {
  const cases: RuleCase[] = [
    { name: "one corp group and corp departments are valid", errors: [] },
    {
      name: "a department with public access needs an online group",
      edits: [
        [
          MOBILITY,
          "addressSpace: 10.20.5.0/24",
          "addressSpace: 10.20.5.0/24\n  publicAccess: true\n  subscriptionId: 7a000000-0000-4000-8000-0000000000bb",
        ],
      ],
      errors: [
        "departments/mobility.yaml:15:17: network.publicAccess: department 'mobility' lands in the 'online' landing zone, but no management group has archetype 'online' — add 'online' to the archetypes of one group under landing zones",
      ],
    },
    {
      name: "an online group makes public access valid",
      edits: [
        [
          MOBILITY,
          "addressSpace: 10.20.5.0/24",
          "addressSpace: 10.20.5.0/24\n  publicAccess: true\n  subscriptionId: 7a000000-0000-4000-8000-0000000000bb",
        ],
        [
          T,
          "archetypes: [corp]",
          "archetypes: [corp]\n    - id: vp-online\n      displayName: Online\n      parent: vp-landingzones\n      archetypes: [online]",
        ],
      ],
      errors: [],
    },
    {
      name: "without a corp group, corp departments have nowhere to land",
      edits: [[T, "archetypes: [corp]", "archetypes: []"]],
      errors: [
        "departments/culture.yaml:19:3: network: department 'culture' lands in the 'corp' landing zone, but no management group has archetype 'corp' — add 'corp' to the archetypes of one group under landing zones",
        "departments/mobility.yaml:14:3: network: department 'mobility' lands in the 'corp' landing zone, but no management group has archetype 'corp' — add 'corp' to the archetypes of one group under landing zones",
      ],
    },
    {
      name: "a second corp group is ambiguous",
      edits: [[T, "archetypes: [landingZones]", "archetypes: [landingZones, corp]"]],
      errors: [
        "tenant.yaml:25:19: landingZone.managementGroups[3].archetypes: management group 'vp-corp' is the second with archetype 'corp' (the first is at tenant.yaml:18) — departments would land ambiguously; keep 'corp' on one group",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("regions", () => {
  const cases: RuleCase[] = [
    {
      name: "a spoke in another allowed region is valid",
      edits: [
        [MOBILITY, "  addressSpace: 10.20.5.0/24", "  addressSpace: 10.20.5.0/24\n  region: westeurope"],
      ],
      errors: [],
    },
    {
      name: "a primary region outside allowedRegions suggests the closest",
      edits: [[T, "primaryRegion: spaincentral", "primaryRegion: spaincentrl"]],
      errors: [
        "tenant.yaml:26:18: landingZone.primaryRegion: primary region 'spaincentrl' is not in allowedRegions (did you mean 'spaincentral'?) — add it to allowedRegions or choose an allowed region",
      ],
    },
    {
      name: "a spoke region outside allowedRegions lists the allowed ones",
      edits: [
        [MOBILITY, "  addressSpace: 10.20.5.0/24", "  addressSpace: 10.20.5.0/24\n  region: northeurope"],
      ],
      errors: [
        "departments/mobility.yaml:15:11: network.region: region 'northeurope' is not in the landing zone's allowedRegions (declared: 'spaincentral', 'westeurope') — choose an allowed region, or ask the platform team to allow it in tenant.yaml",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("network-addresses", () => {
  const cases: RuleCase[] = [
    {
      name: "a spoke at the very end of the address plan is valid",
      edits: [[MOBILITY, "10.20.5.0/24", "10.20.255.0/24"]],
      errors: [],
    },
    {
      name: "host bits set: says the network address",
      edits: [[CULTURE, "10.20.4.0/24", "10.20.4.1/24"]],
      errors: [
        "departments/culture.yaml:19:17: network.addressSpace: '10.20.4.1/24' has host bits set — write the network address 10.20.4.0/24",
      ],
    },
    {
      name: "an octet over 255",
      edits: [[CULTURE, "10.20.4.0/24", "10.20.400.0/24"]],
      errors: [
        "departments/culture.yaml:19:17: network.addressSpace: '10.20.400.0/24' is not a valid IPv4 address block — write four numbers 0 to 255 without leading zeros, such as 10.20.0.0/16",
      ],
    },
    {
      name: "an octet with a leading zero",
      edits: [[CULTURE, "10.20.4.0/24", "10.20.04.0/24"]],
      errors: [
        "departments/culture.yaml:19:17: network.addressSpace: '10.20.04.0/24' is not a valid IPv4 address block — write four numbers 0 to 255 without leading zeros, such as 10.20.0.0/16",
      ],
    },
    {
      name: "a prefix over /32",
      edits: [[T, "addressPlan: 10.20.0.0/16", "addressPlan: 10.20.0.0/33"]],
      errors: [
        "tenant.yaml:28:16: landingZone.addressPlan: '10.20.0.0/33' has prefix length /33, but an IPv4 prefix is /0 to /32 — correct it",
      ],
    },
    {
      name: "a hub outside the address plan (its subnet then lies outside the hub too)",
      edits: [[T, "addressSpace: 10.20.0.0/22", "addressSpace: 10.30.0.0/22"]],
      errors: [
        "tenant.yaml:30:19: landingZone.hub.addressSpace: hub address space 10.30.0.0/22 is not inside the address plan 10.20.0.0/16 — choose a block inside 10.20.0.0/16",
        "tenant.yaml:33:24: landingZone.hub.subnets[0].addressPrefix: subnet 10.20.0.0/26 is not inside the hub address space 10.30.0.0/22 — choose a block inside 10.30.0.0/22",
      ],
    },
    {
      name: "a hub subnet outside the hub",
      edits: [[T, "addressPrefix: 10.20.0.0/26", "addressPrefix: 10.20.8.0/26"]],
      errors: [
        "tenant.yaml:33:24: landingZone.hub.subnets[0].addressPrefix: subnet 10.20.8.0/26 is not inside the hub address space 10.20.0.0/22 — choose a block inside 10.20.0.0/22",
      ],
    },
    {
      name: "overlapping hub subnets",
      edits: [
        [
          T,
          "        addressPrefix: 10.20.0.0/26\n",
          "        addressPrefix: 10.20.0.0/26\n      - name: SharedServices\n        addressPrefix: 10.20.0.32/27\n",
        ],
      ],
      errors: [
        "tenant.yaml:35:24: landingZone.hub.subnets[1].addressPrefix: subnet 10.20.0.32/27 overlaps subnet 'GatewaySubnet' 10.20.0.0/26 (tenant.yaml:33) — address blocks must not overlap; choose a free block",
      ],
    },
    {
      name: "a spoke outside the address plan",
      edits: [[CULTURE, "10.20.4.0/24", "10.99.4.0/24"]],
      errors: [
        "departments/culture.yaml:19:17: network.addressSpace: spoke 10.99.4.0/24 is not inside the address plan 10.20.0.0/16 — choose a block inside 10.20.0.0/16",
      ],
    },
    {
      name: "a spoke overlapping the hub",
      edits: [[CULTURE, "10.20.4.0/24", "10.20.2.0/24"]],
      errors: [
        "departments/culture.yaml:19:17: network.addressSpace: spoke 10.20.2.0/24 overlaps the hub 10.20.0.0/22 (tenant.yaml:30) — address blocks must not overlap; choose a free block",
      ],
    },
    {
      name: "overlapping spokes: reported at the second, naming the first",
      edits: [[MOBILITY, "10.20.5.0/24", "10.20.4.0/23"]],
      errors: [
        "departments/mobility.yaml:14:17: network.addressSpace: spoke 10.20.4.0/23 overlaps the spoke of 'culture' 10.20.4.0/24 (departments/culture.yaml:19) — address blocks must not overlap; choose a free block",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("azure-address-space", () => {
  const cases: RuleCase[] = [
    {
      name: "a /29 hub subnet is valid",
      edits: [
        // A plain subnet: a GatewaySubnet needs a /27 (network-subnets), which is not this rule's concern.
        [T, "name: GatewaySubnet", "name: snet-shared"],
        [T, "addressPrefix: 10.20.0.0/26", "addressPrefix: 10.20.0.0/29"],
      ],
      errors: [],
    },
    {
      name: "a /30 hub subnet",
      edits: [
        // A plain subnet: a GatewaySubnet needs a /27 (network-subnets), which is not this rule's concern.
        [T, "name: GatewaySubnet", "name: snet-shared"],
        [T, "addressPrefix: 10.20.0.0/26", "addressPrefix: 10.20.0.0/30"],
      ],
      errors: [
        "tenant.yaml:33:24: landingZone.hub.subnets[0].addressPrefix: subnet 10.20.0.0/30 is a /30, but Azure supports IPv4 subnets from /2 to /29 (5 addresses of each are reserved) — make it a /29 or larger",
      ],
    },
    {
      name: "a spoke in the link-local range, a hub and its subnet in loopback (the plan allows anything)",
      edits: [
        [T, "addressPlan: 10.20.0.0/16", "addressPlan: 0.0.0.0/0"],
        [T, "addressSpace: 10.20.0.0/22", "addressSpace: 127.20.0.0/22"],
        [T, "addressPrefix: 10.20.0.0/26", "addressPrefix: 127.20.0.0/26"],
        [CULTURE, "addressSpace: 10.20.4.0/24", "addressSpace: 169.254.4.0/24"],
      ],
      errors: [
        "departments/culture.yaml:19:17: network.addressSpace: 169.254.4.0/24 overlaps 169.254.0.0/16 (link-local), which Azure does not allow in a virtual network — choose a private range such as 10.0.0.0/8",
        "tenant.yaml:30:19: landingZone.hub.addressSpace: 127.20.0.0/22 overlaps 127.0.0.0/8 (loopback), which Azure does not allow in a virtual network — choose a private range such as 10.0.0.0/8",
        "tenant.yaml:33:24: landingZone.hub.subnets[0].addressPrefix: 127.20.0.0/26 overlaps 127.0.0.0/8 (loopback), which Azure does not allow in a virtual network — choose a private range such as 10.0.0.0/8",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("subscriptions", () => {
  const ONLINE_GROUP = [
    T,
    "archetypes: [corp]",
    "archetypes: [corp]\n    - id: vp-online\n      displayName: Online\n      parent: vp-landingzones\n      archetypes: [online]",
  ] as const;
  const cases: RuleCase[] = [
    { name: "platform subscriptions and a shared corp subscription are valid", errors: [] },
    {
      name: "the hub's subscription is required",
      edits: [[T, "    connectivity: 7a000000-0000-4000-8000-000000000002\n", ""]],
      errors: [
        "tenant.yaml:36:5: landingZone.platformSubscriptions: landingZone.platformSubscriptions.connectivity is not set — the hub network would land in whatever subscription the credentials point at, outside the hierarchy; add the connectivity subscription id",
      ],
    },
    {
      name: "a department with no subscription of its own and no shared one of its archetype",
      edits: [
        [MOBILITY, "addressSpace: 10.20.5.0/24", "addressSpace: 10.20.5.0/24\n  publicAccess: true"],
        [...ONLINE_GROUP],
      ],
      errors: [
        "departments/mobility.yaml:14:3: network: department 'mobility' has no subscription — set network.subscriptionId, network.vendSubscription or network.sharedSubscription, or add a shared subscription of archetype 'online' to landingZone.departmentSubscriptions.shared",
      ],
    },
    {
      name: "a department names its subscription two ways",
      edits: [
        [
          MOBILITY,
          "addressSpace: 10.20.5.0/24",
          "addressSpace: 10.20.5.0/24\n  subscriptionId: 7a000000-0000-4000-8000-0000000000aa\n  vendSubscription: true",
        ],
      ],
      errors: [
        "departments/mobility.yaml:16:21: network.vendSubscription: the department names its subscription 2 ways (subscriptionId, vendSubscription) — keep exactly one",
      ],
    },
    {
      name: "an unknown shared subscription suggests the closest",
      edits: [
        [
          MOBILITY,
          "addressSpace: 10.20.5.0/24",
          "addressSpace: 10.20.5.0/24\n  sharedSubscription: corp-share",
        ],
      ],
      errors: [
        "departments/mobility.yaml:15:23: network.sharedSubscription: shared subscription 'corp-share' is not in landingZone.departmentSubscriptions.shared — did you mean 'corp-shared'?",
      ],
    },
    {
      name: "vending needs a billing scope",
      edits: [
        [MOBILITY, "addressSpace: 10.20.5.0/24", "addressSpace: 10.20.5.0/24\n  vendSubscription: true"],
      ],
      errors: [
        "departments/mobility.yaml:15:21: network.vendSubscription: a vended subscription needs landingZone.departmentSubscriptions.billingScope in tenant.yaml — add the enrollment account or invoice section to bill it to",
      ],
    },
    {
      name: "vending with a billing scope is valid",
      edits: [
        [MOBILITY, "addressSpace: 10.20.5.0/24", "addressSpace: 10.20.5.0/24\n  vendSubscription: true"],
        [
          T,
          "  departmentSubscriptions:\n",
          "  departmentSubscriptions:\n    billingScope: /providers/Microsoft.Billing/billingAccounts/1234/enrollmentAccounts/5678\n",
        ],
      ],
      errors: [],
    },
    {
      name: "a platform subscription reused by a department sits under two groups",
      edits: [
        [
          MOBILITY,
          "addressSpace: 10.20.5.0/24",
          "addressSpace: 10.20.5.0/24\n  subscriptionId: 7a000000-0000-4000-8000-000000000002",
        ],
      ],
      errors: [
        "departments/mobility.yaml:15:19: network.subscriptionId: subscription 7a000000-0000-4000-8000-000000000002 would sit under 'vp-corp' here and under 'vp-platform' at tenant.yaml:37 — a subscription has one management group; use a different subscription",
      ],
    },
    {
      name: "a shared subscription of another landing zone",
      edits: [
        [
          MOBILITY,
          "addressSpace: 10.20.5.0/24",
          "addressSpace: 10.20.5.0/24\n  publicAccess: true\n  sharedSubscription: corp-shared",
        ],
        [...ONLINE_GROUP],
      ],
      errors: [
        "departments/mobility.yaml:16:23: network.sharedSubscription: shared subscription 'corp-shared' sits in the 'corp' landing zone, but this department belongs in 'online' — pick a shared subscription of archetype 'online' or give the department its own",
      ],
    },
    {
      name: "sandbox departments need a sandbox group",
      edits: [
        [
          MOBILITY,
          "addressSpace: 10.20.5.0/24",
          "addressSpace: 10.20.5.0/24\n  archetype: sandbox\n  vendSubscription: true",
        ],
        [
          T,
          "  departmentSubscriptions:\n",
          "  departmentSubscriptions:\n    billingScope: /providers/Microsoft.Billing/billingAccounts/1234/enrollmentAccounts/5678\n",
        ],
      ],
      errors: [
        "departments/mobility.yaml:15:14: network.archetype: department 'mobility' lands in the 'sandbox' landing zone, but no management group has archetype 'sandbox' — add 'sandbox' to the archetypes of one group under landing zones",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("network-subnets", () => {
  const FIREWALL = [
    T,
    "        addressPrefix: 10.20.0.0/26\n",
    "        addressPrefix: 10.20.0.0/26\n      - name: AzureFirewallSubnet\n        addressPrefix: 10.20.0.64/26\n    firewall: {}\n",
  ] as const;
  const SUBNETS = (lines: string) =>
    [CULTURE, "addressSpace: 10.20.4.0/24", `addressSpace: 10.20.4.0/24\n  subnets:\n${lines}`] as const;
  const cases: RuleCase[] = [
    {
      name: "a firewall and department subnets inside the spoke are valid",
      edits: [[...FIREWALL], [...SUBNETS("    - name: app\n      addressPrefix: 10.20.4.0/26\n")]],
      errors: [],
    },
    {
      name: "a firewall without its subnet",
      edits: [[T, "  logRetentionDays: 90", "    firewall: {}\n  logRetentionDays: 90"]],
      errors: [
        "tenant.yaml:34:15: landingZone.hub.firewall: the hub has a firewall but no subnet named 'AzureFirewallSubnet' — add 'AzureFirewallSubnet' to landingZone.hub.subnets",
      ],
    },
    {
      name: "a firewall subnet smaller than a /26",
      edits: [
        [
          T,
          "        addressPrefix: 10.20.0.0/26\n",
          "        addressPrefix: 10.20.0.0/26\n      - name: AzureFirewallSubnet\n        addressPrefix: 10.20.0.64/27\n    firewall: {}\n",
        ],
      ],
      errors: [
        "tenant.yaml:35:24: landingZone.hub.subnets[1].addressPrefix: subnet 'AzureFirewallSubnet' 10.20.0.64/27 is too small for Azure Firewall — Azure needs at least a /26; widen it",
      ],
    },
    {
      name: "subnets outside the spoke, overlapping, or smaller than a /29",
      edits: [
        [...FIREWALL],
        [
          ...SUBNETS(
            "    - name: app\n      addressPrefix: 10.20.4.0/26\n    - name: data\n      addressPrefix: 10.20.4.32/27\n    - name: far\n      addressPrefix: 10.20.9.0/26\n    - name: tiny\n      addressPrefix: 10.20.4.200/30\n",
          ),
        ],
      ],
      errors: [
        "departments/culture.yaml:24:22: network.subnets[1].addressPrefix: subnet 'data' 10.20.4.32/27 overlaps subnet 'app' (departments/culture.yaml:22) — subnets must not overlap; choose a free block",
        "departments/culture.yaml:26:22: network.subnets[2].addressPrefix: subnet 'far' 10.20.9.0/26 is not inside the spoke 10.20.4.0/24 — choose a block inside network.addressSpace",
        "departments/culture.yaml:28:22: network.subnets[3].addressPrefix: subnet 'tiny' 10.20.4.200/30 is too small for any subnet — Azure needs at least a /29; widen it",
      ],
    },
    {
      name: "department subnets without a hub firewall to egress through",
      edits: [[...SUBNETS("    - name: app\n      addressPrefix: 10.20.4.0/26\n")]],
      errors: [
        "departments/culture.yaml:21:5: network.subnets: these subnets send their internet traffic (0.0.0.0/0) through the hub firewall, but tenant.yaml has no landingZone.hub.firewall — add the firewall (and its AzureFirewallSubnet), or remove network.subnets",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});
