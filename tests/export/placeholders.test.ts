import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  PLACEHOLDER_ADDRESS_PLAN,
  PLACEHOLDER_BUDGET,
  PLACEHOLDER_COST_CENTER,
  PLACEHOLDER_COUNTRY,
  PLACEHOLDER_HUB,
  PLACEHOLDER_LOG_RETENTION_DAYS,
  PLACEHOLDER_REGION,
  PLACEHOLDER_SUBSCRIPTIONS,
  placeholderLandingZone,
  placeholderOwner,
  placeholderSpoke,
} from "../../src/export/placeholders";

describe("export placeholders: recognisable values that still validate", () => {
  it("the values a user searches for and replaces", () => {
    expect({
      costCenter: PLACEHOLDER_COST_CENTER,
      region: PLACEHOLDER_REGION,
      addressPlan: PLACEHOLDER_ADDRESS_PLAN,
      hub: PLACEHOLDER_HUB,
      budget: PLACEHOLDER_BUDGET,
      logRetentionDays: PLACEHOLDER_LOG_RETENTION_DAYS,
      country: PLACEHOLDER_COUNTRY,
      subscriptions: PLACEHOLDER_SUBSCRIPTIONS,
    }).toEqual({
      costCenter: "TO-COMPLETE",
      region: "westeurope",
      addressPlan: "10.0.0.0/8",
      hub: "10.0.0.0/22",
      budget: 1,
      logRetentionDays: 30,
      country: "US",
      subscriptions: {
        management: "00000000-0000-0000-0000-000000000001",
        connectivity: "00000000-0000-0000-0000-000000000002",
        corp: "00000000-0000-0000-0000-0000000000c1",
        online: "00000000-0000-0000-0000-0000000000e1",
      },
    });
  });

  it("spokes are distinct /24s in the placeholder plan, clear of the hub's 10.0.0.0/22, past 256 departments too", () => {
    expect([0, 1, 255, 256, 257, 511, 512].map(placeholderSpoke)).toEqual([
      "10.1.0.0/24",
      "10.1.1.0/24",
      "10.1.255.0/24",
      "10.2.0.0/24",
      "10.2.1.0/24",
      "10.2.255.0/24",
      "10.3.0.0/24",
    ]);
    const spokes = Array.from({ length: 1000 }, (_, i) => placeholderSpoke(i));
    expect(new Set(spokes).size).toBe(1000);
    expect(spokes.some((s) => s.startsWith("10.0."))).toBe(false);
  });

  it("an owner to complete in the tenant's own domain", () => {
    expect(placeholderOwner("villa.example")).toBe("owner.to.complete@villa.example");
  });

  it("a landing zone with one group per archetype a department lands in, each under its parent", () => {
    expect(placeholderLandingZone("vp")).toEqual({
      managementGroups: [
        { id: "vp", displayName: "vp (to complete)", archetypes: ["root"] },
        { id: "vp-platform", displayName: "Platform", parent: "vp", archetypes: ["platform"] },
        { id: "vp-landingzones", displayName: "Landing zones", parent: "vp", archetypes: ["landingZones"] },
        { id: "vp-corp", displayName: "Corp", parent: "vp-landingzones", archetypes: ["corp"] },
        { id: "vp-online", displayName: "Online", parent: "vp-landingzones", archetypes: ["online"] },
      ],
      primaryRegion: "westeurope",
      allowedRegions: ["westeurope"],
      addressPlan: "10.0.0.0/8",
      hub: { addressSpace: "10.0.0.0/22", subnets: [] },
      logRetentionDays: 30,
      platformSubscriptions: {
        management: "00000000-0000-0000-0000-000000000001",
        connectivity: "00000000-0000-0000-0000-000000000002",
      },
      departmentSubscriptions: {
        shared: {
          corp: { subscriptionId: "00000000-0000-0000-0000-0000000000c1", archetype: "corp" },
          online: { subscriptionId: "00000000-0000-0000-0000-0000000000e1", archetype: "online" },
        },
      },
    });
  });

  it("docs/export.md lists each placeholder a user has to complete", () => {
    const doc = readFileSync(join(__dirname, "..", "..", "docs", "export.md"), "utf8");
    const section = doc.slice(doc.indexOf("## Placeholders"), doc.indexOf("## Resuming"));
    for (const value of [
      "`TO-COMPLETE`",
      "region `westeurope`",
      "plan `10.0.0.0/8`",
      "hub `10.0.0.0/22`",
      "30 days of logs",
      "`monthlyAmount: 1`",
      "`US`",
      "`owner.to.complete@<first verified domain>`",
      "`00000000-0000-0000-0000-0000000000{01,02,c1,e1}`",
      "`10.1.0.0/24`, `10.1.1.0/24`",
    ])
      expect(section).toContain(value);
  });
});
