import { installMocks, promiseOf, settle } from "../helpers/pulumiMocks";
import { minimalDefinition } from "./helpers/renderLandingZone";

/**
 * The spokes' next hop is the address Azure gave the firewall, read from the resource: here the mocked cloud
 * answers an address no formula over the subnet would produce, and that is the one that comes out.
 */
test("the firewall's private IP is read from its ipConfigurations, not computed from the subnet", async () => {
  installMocks({
    stack: "test",
    state: (args) =>
      args.type === "azure-native:network:AzureFirewall"
        ? { ipConfigurations: [{ name: "ipconfig", privateIPAddress: "10.20.0.77" }] }
        : undefined,
  });
  const definition = minimalDefinition();
  definition.tenant.landingZone.hub = {
    ...definition.tenant.landingZone.hub,
    addressSpace: "10.20.0.0/22",
    subnets: [{ name: "AzureFirewallSubnet", addressPrefix: "10.20.0.64/26" }],
    firewall: { sku: "Standard", threatIntelMode: "Deny", ruleCollectionGroups: [] },
  };
  const { LandingZone } = await import("../../src/landing-zone/LandingZone");
  const zone = new LandingZone("lz", { definition });
  const firewall = zone.connectivity.firewall!;
  await settle([zone, firewall]);
  expect(await promiseOf(zone.connectivity.firewallPrivateIp!)).toBe("10.20.0.77");
});

test("spokes route and resolve through the address they are given", async () => {
  const { spokeDnsServers, spokeRoutes } = await import("../../src/landing-zone/networkPlan");
  const hub = minimalDefinition().tenant.landingZone.hub;
  expect(spokeRoutes("10.20.0.77")[0]).toMatchObject({ nextHopIpAddress: "10.20.0.77" });
  expect(spokeDnsServers({ ...hub, dnsResolver: undefined }, "10.20.0.77")).toEqual(["10.20.0.77"]);
  expect(spokeDnsServers({ ...hub, dnsResolver: undefined }, undefined)).toEqual([]);
});
