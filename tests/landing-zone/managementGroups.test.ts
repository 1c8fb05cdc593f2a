import type { TenantDefinition } from "../../src/config/definition";
import type { ManagementGroup } from "../../src/config/schema/landingZone";
import {
  landingZoneGroupFor,
  managementGroupResourceId,
  sortManagementGroups,
  tenantRootGroupResourceId,
} from "../../src/landing-zone/managementGroups";
import { minimalDefinition } from "./helpers/renderLandingZone";

const mg = (
  id: string,
  parent?: string,
  archetypes: ManagementGroup["archetypes"] = [],
): ManagementGroup => ({
  id,
  displayName: id,
  parent,
  archetypes,
});

/** The ALZ reference hierarchy, deliberately listed children first. */
const ALZ = [
  mg("decommissioned", "root", ["decommissioned"]),
  mg("corp", "landingzones", ["corp"]),
  mg("online", "landingzones", ["online"]),
  mg("management", "platform", ["management"]),
  mg("connectivity", "platform", ["connectivity"]),
  mg("identity", "platform", ["identity"]),
  mg("landingzones", "root", ["landingZones"]),
  mg("platform", "root", ["platform"]),
  mg("sandbox", "root", ["sandbox"]),
  mg("root", undefined, ["root"]),
];

describe("sortManagementGroups", () => {
  test("puts parents first, depth by depth, each depth by id", () => {
    expect(sortManagementGroups(ALZ).map((g) => g.id)).toEqual([
      "root",
      "decommissioned",
      "landingzones",
      "platform",
      "sandbox",
      "connectivity",
      "corp",
      "identity",
      "management",
      "online",
    ]);
  });

  test("does not depend on the order of the list", () => {
    const reversed = [...ALZ].reverse();
    expect(sortManagementGroups(reversed)).toEqual(sortManagementGroups(ALZ));
  });

  test("every group comes after its parent", () => {
    const order = sortManagementGroups(ALZ).map((g) => g.id);
    for (const g of ALZ) if (g.parent) expect(order.indexOf(g.parent)).toBeLessThan(order.indexOf(g.id));
  });

  test.each([
    [[mg("a"), mg("b", "missing")], "Management group 'b' names parent 'missing', which is not in the list."],
    [[mg("a"), mg("a")], "Management group 'a' is listed twice."],
    [
      [mg("top"), mg("x", "y"), mg("y", "x")],
      "Management groups 'x', 'y' form a cycle: none of them reaches the tenant root.",
    ],
    [[mg("self", "self")], "Management groups 'self' form a cycle: none of them reaches the tenant root."],
  ])("refuses an impossible hierarchy (%#)", (groups, message) => {
    expect(() => sortManagementGroups(groups)).toThrow(message);
  });
});

describe("resource ids", () => {
  test.each([
    [managementGroupResourceId("cde-corp"), "/providers/Microsoft.Management/managementGroups/cde-corp"],
    [
      tenantRootGroupResourceId("11111111-2222-3333-4444-555555555555"),
      "/providers/Microsoft.Management/managementGroups/11111111-2222-3333-4444-555555555555",
    ],
  ])("%s", (actual, expected) => expect(actual).toBe(expected));
});

describe("landingZoneGroupFor", () => {
  const base = minimalDefinition();
  const withGroups = (groups: ManagementGroup[]): TenantDefinition => ({
    ...base,
    tenant: { ...base.tenant, landingZone: { ...base.tenant.landingZone, managementGroups: groups } },
  });
  const culture = base.departments.find((d) => d.id === "culture")!;
  const publicCulture = { ...culture, network: { ...culture.network, publicAccess: true } };

  test.each([
    ["corp for a private department", withGroups(ALZ), culture, "corp"],
    ["online for a department with public access", withGroups(ALZ), publicCulture, "online"],
    ["the fixture's corp group", base, culture, "vp-corp"],
  ])("%s", (_what, definition, department, expected) => {
    expect(landingZoneGroupFor(definition, department).id).toBe(expected);
  });

  test("refuses a department whose landing zone is missing or ambiguous", () => {
    expect(() => landingZoneGroupFor(base, publicCulture)).toThrow(
      "Department 'culture' belongs in the 'online' landing zone, but none of the management groups carries archetype 'online'",
    );
    const twoCorps = withGroups([...ALZ, mg("corp2", "landingzones", ["corp"])]);
    expect(() => landingZoneGroupFor(twoCorps, culture)).toThrow(
      "but 'corp', 'corp2' of the management groups",
    );
  });
});
