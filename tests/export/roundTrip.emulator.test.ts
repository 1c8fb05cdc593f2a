/**
 * The round trip of issue #7 on the small definition: seed the emulator applied from it, export, validate the
 * folder, and `tenant drift`'s comparison of both the original and the exported definition with the same
 * live tenant finds nothing. Then what the export says matches what the original definition says.
 */
import { readdirSync } from "node:fs";
import { validateDefinition } from "../../src/config/validate";
import { compareTenant } from "../../src/drift";
import { runExport } from "../../src/export/run";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { readText, startExportBed, type ExportBed } from "./helpers/appliedEmulator";

let bed: ExportBed;
beforeAll(async () => {
  bed = await startExportBed(MINIMAL_FIXTURE);
});
afterAll(async () => bed.stop());

it("exports a folder that validates, and drift of it (and of the original) against the tenant is empty", async () => {
  const out = bed.tmp();
  const result = await runExport({ graph: bed.graph(), powershell: bed.powershell }, { out });

  const exported = validateDefinition(out);
  expect(exported.diagnostics).toEqual([]);
  const original = validateDefinition(MINIMAL_FIXTURE).definition!;
  expect(compareTenant(exported.definition!, result.live).entries).toEqual([]);
  expect(compareTenant(original, result.live).entries).toEqual([]);

  const def = exported.definition!;
  // Departments, their licences and Teams grants are the original's.
  expect(def.departments.map((d) => [d.id, d.displayName, d.membership, d.headcount, d.licences])).toEqual(
    original.departments.map((d) => [d.id, d.displayName, d.membership, d.headcount, d.licences]),
  );
  const culture = def.departments.find((d) => d.id === "culture")!;
  expect(culture.teams).toEqual({ ...original.departments[0].teams, rank: culture.teams!.rank });
  // Numbers per user with the location the original names (ids are rebuilt from the LIS location's name).
  expect(def.numbers.culture.map((r) => [r.userPrincipalName, r.number, r.category])).toEqual(
    original.numbers.culture.map((r) => [r.userPrincipalName, r.number, r.category]),
  );
  expect(new Set(def.numbers.culture.map((r) => r.emergencyLocation))).toEqual(
    new Set(["town-hall-planta-baja"]),
  );
  // The range is inferred from the inventory the seed created from the original range.
  expect(def.tenant.numberRanges.map((r) => [r.type, r.start, r.end])).toEqual(
    original.tenant.numberRanges.map((r) => [r.type, r.start, r.end]),
  );
  // Catalogue: the settings the original sets come back unchanged.
  expect(def.tenant.teamsVoice.dialPlans).toEqual(original.tenant.teamsVoice.dialPlans);
  expect(def.tenant.teamsVoice.voiceRoutes).toEqual(original.tenant.teamsVoice.voiceRoutes);
  expect(def.tenant.teamsVoice.callingPolicies[0]).toMatchObject(
    original.tenant.teamsVoice.callingPolicies[0],
  );
  expect(def.tenant.emergencyAddresses.map((a) => a.id)).toEqual(["town-hall"]);

  // The report lists every placeholder, and the checkpoint is gone after success.
  const report = JSON.parse(readText(out, "export-report.json"));
  expect(
    report.entries
      .filter((e: { category: string }) => e.category === "placeholder")
      .map((e: { id: string }) => e.id),
  ).toEqual(["departments/culture.yaml", "departments/mobility.yaml", "tenant.yaml: landingZone"]);
  expect(readText(out, "departments/culture.yaml").split("\n")[0]).toMatch(
    /^# yaml-language-server: \$schema=(\.\.\/)+.*stacks\/schemas\/department\.schema\.json$/,
  );
  expect(readdirSync(out).sort()).toEqual(
    [
      ".tenant-export",
      "departments",
      "export-report.json",
      "export-report.md",
      "numbers",
      "tenant.yaml",
    ].sort(),
  );
  expect(result.resumed).toEqual([]);
});

it("a second export into the same folder replaces the first and gives the same files", async () => {
  const out = bed.tmp();
  await runExport({ graph: bed.graph(), powershell: bed.powershell }, { out });
  const first = readText(out, "departments/mobility.yaml");
  await runExport({ graph: bed.graph(), powershell: bed.powershell }, { out });
  expect(readText(out, "departments/mobility.yaml")).toBe(first);
  expect(first).toContain("disabledPlans:\n      - YAMMER_ENTERPRISE");
});

it("writes the group's owners instead of the placeholder when the group has some", async () => {
  const group = bed.emu.state.groups.find((g) => g.displayName === "grp-vp-culture")!;
  group.ownerIds = [bed.emu.state.findUser("ana@villa.example")!.id];
  try {
    const out = bed.tmp();
    const result = await runExport({ graph: bed.graph(), powershell: bed.powershell }, { out });
    const culture = result.definition.departments.find((d) => d.id === "culture")!;
    expect(culture.owners).toEqual(["ana@villa.example"]);
    expect(culture.budget).toEqual({ monthlyAmount: 1, contacts: ["ana@villa.example"] });
    const placeholders = result.definition.report.entries.find((e) => e.id === "departments/culture.yaml");
    expect(placeholders?.detail).toBe("costCenter, network.addressSpace, budget");
  } finally {
    delete group.ownerIds;
  }
});
