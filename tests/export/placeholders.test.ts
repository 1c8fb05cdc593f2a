import {
  PLACEHOLDER_ADDRESS_PLAN,
  PLACEHOLDER_HUB,
  PLACEHOLDER_SUBSCRIPTIONS,
  placeholderLandingZone,
  placeholderOwner,
  placeholderSpoke,
} from "../../src/export/placeholders";

describe("export placeholders: recognisable values that still validate", () => {
  it("spokes are distinct /24s in the placeholder plan, clear of the hub's 10.0.0.0/22, past 256 departments too", () => {
    expect(PLACEHOLDER_ADDRESS_PLAN).toBe("10.0.0.0/8");
    expect(PLACEHOLDER_HUB).toBe("10.0.0.0/22");
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

  it("a hierarchy with one group per archetype a department lands in, each under its parent", () => {
    const lz = placeholderLandingZone("vp") as {
      managementGroups: { id: string; parent?: string; archetypes: string[] }[];
      departmentSubscriptions: { shared: Record<string, { subscriptionId: string; archetype: string }> };
    };
    expect(lz.managementGroups.map((g) => [g.id, g.parent ?? null, g.archetypes.join()])).toEqual([
      ["vp", null, "root"],
      ["vp-platform", "vp", "platform"],
      ["vp-landingzones", "vp", "landingZones"],
      ["vp-corp", "vp-landingzones", "corp"],
      ["vp-online", "vp-landingzones", "online"],
    ]);
    expect(lz.departmentSubscriptions.shared).toEqual({
      corp: { subscriptionId: PLACEHOLDER_SUBSCRIPTIONS.corp, archetype: "corp" },
      online: { subscriptionId: PLACEHOLDER_SUBSCRIPTIONS.online, archetype: "online" },
    });
  });
});
