import type { RenderedGraph, RenderedResource } from "../../src/render/graph";
import { renderTenant } from "../../src/render/renderer";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { one, ofType, T } from "./helpers/graph";

/**
 * The minimal city with a full hub: firewall (policy, rule collection group, public IP), VPN gateway, Bastion,
 * a DNS private resolver and two private-link zones; culture declares two subnets.
 */
const CONNECTIVITY = "7a000000-0000-4000-8000-000000000002";
const SHARED_CORP = "7a000000-0000-4000-8000-00000000c0c0";
const N = {
  firewall: "azure-native:network:AzureFirewall",
  policy: "azure-native:network:FirewallPolicy",
  rcg: "azure-native:network:FirewallPolicyRuleCollectionGroup",
  pip: "azure-native:network:PublicIPAddress",
  gateway: "azure-native:network:VirtualNetworkGateway",
  bastion: "azure-native:network:BastionHost",
  nsg: "azure-native:network:NetworkSecurityGroup",
  routeTable: "azure-native:network:RouteTable",
  resolver: "azure-native:dnsresolver:DnsResolver",
  inbound: "azure-native:dnsresolver:InboundEndpoint",
  zone: "azure-native:privatedns:PrivateZone",
  link: "azure-native:privatedns:VirtualNetworkLink",
};

let graph: RenderedGraph;
const via = (r: RenderedResource, subscription: string) =>
  r.provider?.startsWith(`${one(graph, T.provider, `sub-${subscription}`).urn}::`) === true;

beforeAll(async () => {
  const definition = loadValidDefinition(MINIMAL_FIXTURE);
  definition.tenant.landingZone.hub = {
    addressSpace: "10.20.0.0/22",
    subnets: [
      { name: "GatewaySubnet", addressPrefix: "10.20.0.0/26" },
      { name: "AzureFirewallSubnet", addressPrefix: "10.20.0.64/26" },
      { name: "AzureBastionSubnet", addressPrefix: "10.20.1.0/26" },
      { name: "DnsInbound", addressPrefix: "10.20.2.0/28" },
    ],
    firewall: {
      sku: "Standard",
      threatIntelMode: "Deny",
      ruleCollectionGroups: [
        {
          name: "platform",
          priority: 200,
          deny: [],
          allow: [
            {
              name: "updates",
              kind: "application",
              sourceAddresses: ["10.20.4.0/24"],
              destinationFqdns: ["*.update.microsoft.com"],
              destinationAddresses: [],
              destinationPorts: [],
              protocols: ["Https"],
            },
          ],
        },
      ],
    },
    gateway: { type: "Vpn", sku: "VpnGw2AZ" },
    bastion: true,
    dnsResolver: { inboundSubnet: "DnsInbound" },
    privateDnsZones: ["privatelink.blob.core.windows.net", "privatelink.vaultcore.azure.net"],
  };
  const culture = definition.departments.find((d) => d.id === "culture")!;
  culture.network.subnets = [
    { name: "app", addressPrefix: "10.20.4.0/26" },
    { name: "data", addressPrefix: "10.20.4.64/26" },
  ];
  ({ graph } = await renderTenant(definition, {
    layers: ["landingZone"],
    budgetStartDate: "2026-11-01T00:00:00Z",
    environment: "test",
  }));
});

describe("hub", () => {
  it("has a protected Azure Firewall with its policy, public IP and DNS proxy, in connectivity", () => {
    const firewall = one(graph, N.firewall, "afw-vp-hub-spaincentral");
    expect(firewall.protect).toBe(true);
    expect(via(firewall, CONNECTIVITY)).toBe(true);
    expect(firewall.inputs).toMatchObject({
      sku: { name: "AZFW_VNet", tier: "Standard" },
      ipConfigurations: [
        {
          subnet: {
            id: expect.stringMatching(
              /virtualNetworks\/vnet-vp-hub-spaincentral\/subnets\/AzureFirewallSubnet$/,
            ),
          },
          publicIPAddress: { id: expect.stringContaining("pip-vp-afw-spaincentral") },
        },
      ],
    });
    expect(one(graph, N.policy, "afwp-vp-hub-spaincentral").inputs).toMatchObject({
      dnsSettings: { enableProxy: true },
      threatIntelMode: "Deny",
    });
    expect(one(graph, N.pip, "pip-vp-afw-spaincentral").inputs).toMatchObject({
      sku: { name: "Standard" },
      publicIPAllocationMethod: "Static",
    });
  });

  it("turns the definition's rule collection groups into policy rule collections", () => {
    expect(one(graph, N.rcg, "rcg-vp-platform").inputs).toMatchObject({
      priority: 200,
      ruleCollections: [
        {
          name: "allow-application",
          action: { type: "Allow" },
          rules: [
            {
              ruleType: "ApplicationRule",
              name: "updates",
              targetFqdns: ["*.update.microsoft.com"],
              protocols: [{ protocolType: "Https", port: 443 }],
            },
          ],
        },
      ],
    });
  });

  it("has a VPN gateway in GatewaySubnet, Bastion, and a resolver whose inbound endpoint sits in its delegated subnet", () => {
    expect(one(graph, N.gateway, "vgw-vp-hub-spaincentral").inputs).toMatchObject({
      gatewayType: "Vpn",
      vpnType: "RouteBased",
      ipConfigurations: [{ subnet: { id: expect.stringMatching(/\/subnets\/GatewaySubnet$/) } }],
    });
    expect(one(graph, N.bastion, "bas-vp-hub-spaincentral").inputs).toMatchObject({
      ipConfigurations: [{ subnet: { id: expect.stringMatching(/\/subnets\/AzureBastionSubnet$/) } }],
    });
    expect(one(graph, N.inbound, "dnspr-vp-hub-spaincentral-in").inputs).toMatchObject({
      ipConfigurations: [
        {
          subnet: { id: expect.stringMatching(/\/subnets\/DnsInbound$/) },
          privateIpAllocationMethod: "Static",
          privateIpAddress: "10.20.2.4",
        },
      ],
    });
    const hubSubnets = one(graph, T.vnet, "vnet-vp-hub-spaincentral").inputs.subnets as {
      name: string;
      delegations?: { serviceName: string }[];
    }[];
    expect(hubSubnets.find((s) => s.name === "DnsInbound")?.delegations).toEqual([
      { name: "dns-resolver", serviceName: "Microsoft.Network/dnsResolvers" },
    ]);
  });

  it("links every private DNS zone to the hub", () => {
    const hubId = one(graph, T.vnet, "vnet-vp-hub-spaincentral");
    expect(ofType(graph, N.zone).map((z) => z.inputs.privateZoneName)).toEqual([
      "privatelink.blob.core.windows.net",
      "privatelink.vaultcore.azure.net",
    ]);
    for (const link of ofType(graph, N.link)) {
      expect(link.inputs).toMatchObject({ registrationEnabled: false, location: "global" });
      expect((link.inputs.virtualNetwork as { id: string }).id).toMatch(
        /\/virtualNetworks\/vnet-vp-hub-spaincentral$/,
      );
      expect(link.dependencies).toContain(hubId.urn);
    }
    expect(ofType(graph, N.link)).toHaveLength(2);
  });
});

describe("spokes", () => {
  it("give every declared subnet its own security group and the spoke's route table", () => {
    const spoke = one(graph, T.vnet, "vnet-vp-culture-spaincentral");
    const subnets = spoke.inputs.subnets as {
      name: string;
      networkSecurityGroup: { id: string };
      routeTable: { id: string };
    }[];
    expect(subnets.map((s) => s.name)).toEqual(["app", "data"]);
    expect(subnets.map((s) => s.networkSecurityGroup.id)).toEqual([
      expect.stringMatching(/\/nsg-vnet-vp-culture-spaincentral-app$/),
      expect.stringMatching(/\/nsg-vnet-vp-culture-spaincentral-data$/),
    ]);
    for (const s of subnets) expect(s.routeTable.id).toMatch(/\/rt-vnet-vp-culture-spaincentral$/);
    for (const nsg of ofType(graph, N.nsg)) expect(via(nsg, SHARED_CORP)).toBe(true);
  });

  it("send 0.0.0.0/0 to the firewall's private IP, read from the firewall Azure created", () => {
    const table = one(graph, N.routeTable, "rt-vnet-vp-culture-spaincentral");
    // The address is the firewall's output (ipConfigurations[0].privateIPAddress, which the render mocks allocate
    // as Azure does), not a guess from the subnet: the route table depends on the firewall.
    expect(table.dependencies).toContain(one(graph, N.firewall, "afw-vp-hub-spaincentral").urn);
    expect(table.inputs).toMatchObject({
      disableBgpRoutePropagation: true,
      routes: [
        { addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance", nextHopIpAddress: "10.20.0.68" },
      ],
    });
  });

  it("close management ports (except from Bastion) and refuse inbound internet traffic", () => {
    const rules = one(graph, N.nsg, "nsg-vnet-vp-culture-spaincentral-app").inputs.securityRules as {
      name: string;
      access: string;
      sourceAddressPrefix: string;
      destinationPortRanges: string[];
      priority: number;
    }[];
    expect(rules.map((r) => [r.name, r.access, r.sourceAddressPrefix])).toEqual([
      ["allow-bastion-management", "Allow", "10.20.1.0/26"],
      ["deny-management-ports", "Deny", "*"],
      ["deny-internet-inbound", "Deny", "Internet"],
    ]);
    expect(rules[1].destinationPortRanges).toEqual(expect.arrayContaining(["22", "3389"]));
  });

  it("resolve through the hub's resolver and use the hub gateway (gateway transit)", () => {
    for (const id of ["culture", "mobility"]) {
      const spoke = one(graph, T.vnet, `vnet-vp-${id}-spaincentral`);
      expect(spoke.inputs.dhcpOptions).toEqual({ dnsServers: ["10.20.2.4"] });
      const toHub = one(graph, T.peering, `peer-vp-${id}-to-hub`);
      expect(toHub.inputs).toMatchObject({ useRemoteGateways: true, allowForwardedTraffic: true });
      expect(toHub.dependencies).toContain(one(graph, N.gateway, "vgw-vp-hub-spaincentral").urn);
      const toSpoke = one(graph, T.peering, `peer-vp-hub-to-${id}`);
      expect(toSpoke.inputs).toMatchObject({ allowGatewayTransit: true });
      expect(via(toSpoke, CONNECTIVITY)).toBe(true);
    }
  });

  it("without declared subnets, a spoke gets no route table or security group of its own", () => {
    expect(ofType(graph, N.routeTable).map((r) => r.name)).toEqual(["rt-vnet-vp-culture-spaincentral"]);
    expect(ofType(graph, N.nsg)).toHaveLength(2);
  });
});
