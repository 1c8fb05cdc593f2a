import { validateDefinition } from "../../src/config/validate";
import { ManualClock } from "../../src/emulator";
import { createTenantState } from "../../src/emulator/state";
import { seedFromDefinition } from "../../src/emulator/state/seed";
import { DefinitionFixture, MINIMAL_FIXTURE } from "../helpers/definitionFixture";

function definition(dir = MINIMAL_FIXTURE) {
  const result = validateDefinition(dir);
  if (!result.definition) throw new Error(JSON.stringify(result.diagnostics));
  return result.definition;
}

describe("seeding from a definition", () => {
  it("creates headcount users per department, the named people in theirs, and one group each", () => {
    const { doc, warnings } = seedFromDefinition(definition());
    const state = createTenantState(doc, new ManualClock());
    expect(warnings).toEqual([]);
    expect(state.users).toHaveLength(70);
    const byDept = (id: string) => state.members(state.groups.find((g) => g.departmentId === id)!);
    expect(byDept("culture")).toHaveLength(40);
    expect(byDept("mobility")).toHaveLength(30);
    expect(state.findUser("ana@villa.example")).toMatchObject({ department: "Cultura", usageLocation: "ES" });
    expect(state.findUser("luis@villa.example")).toMatchObject({ department: "Movilidad" });
    expect(state.findUser("culture.00001@villa.example")).toBeDefined();
  });

  it("names groups with the caller's function, by default the toolkit's", () => {
    const { doc } = seedFromDefinition(definition(), {
      groupDisplayName: (d, t) => `GRP ${t.organization.shortName.toUpperCase()} ${d.displayName}`,
    });
    expect(doc.groups.map((g) => g.displayName)).toEqual(["GRP VP Cultura", "GRP VP Movilidad"]);
  });

  it("uses Microsoft's skuIds for known part numbers and the catalogue's seats", () => {
    const { doc } = seedFromDefinition(definition());
    expect(doc.skus.map((s) => [s.skuPartNumber, s.skuId, s.prepaidUnits.enabled])).toEqual([
      ["SPE_E5", "06ebc4ee-1bb5-47dd-8120-11324bc54e06", 100],
      ["MCOEV", "e43b5b99-8dfb-405f-9987-dc307f34bcbd", 10],
    ]);
  });

  it("is deterministic", () => {
    expect(seedFromDefinition(definition(), { now: 0 }).doc).toEqual(
      seedFromDefinition(definition(), { now: 0 }).doc,
    );
  });

  it("builds users for an -in rule over several values and an extension attribute", () => {
    const fx = new DefinitionFixture();
    try {
      fx.edit(
        "departments/mobility.yaml",
        "  attribute: department\n  values: [Movilidad]",
        "  attribute: extensionAttribute1\n  values: [MOV-1, MOV-2]",
      );
      // Every department tests the same attribute (membership-scope), so culture moves too.
      fx.edit("departments/culture.yaml", "  attribute: department", "  attribute: extensionAttribute1");
      const { doc } = seedFromDefinition(definition(fx.dir));
      const state = createTenantState(doc, new ManualClock());
      const members = state.members(state.groups.find((g) => g.departmentId === "mobility")!);
      expect(members).toHaveLength(30);
      expect(new Set(members.map((m) => m.extensionAttributes.extensionAttribute1))).toEqual(
        new Set(["MOV-1", "MOV-2"]),
      );
    } finally {
      fx.remove();
    }
  });

  it("falls back to static members for a rule it cannot evaluate, and says so", () => {
    const fx = new DefinitionFixture();
    try {
      fx.edit(
        "departments/mobility.yaml",
        "  attribute: department\n  values: [Movilidad]",
        '  rule: (user.manager -eq "x")',
      );
      fx.append(
        "tenant.yaml",
        '\nplatformApprovals:\n  membershipRules:\n    - department: mobility\n      rule: (user.manager -eq "x")\n      reason: The rule the emulator cannot evaluate\n',
      );
      const { doc, warnings } = seedFromDefinition(definition(fx.dir));
      expect(warnings).toEqual([expect.stringContaining("department mobility")]);
      const state = createTenantState(doc, new ManualClock());
      expect(state.members(state.groups.find((g) => g.departmentId === "mobility")!)).toHaveLength(30);
    } finally {
      fx.remove();
    }
  });
});
