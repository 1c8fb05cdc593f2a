/**
 * Issue #7's round trip at the scale the city runs at: the Madrid-scale definition (50 departments, 27,000
 * users, 25,000 numbers, bench/generate.ts) seeded APPLIED into the emulator, exported, validated, and drift of
 * both the original and the exported definition against the same tenant is empty. The small-definition test
 * (roundTrip.emulator.test.ts) checks field by field; this one proves nothing is lost or invented at scale
 * (paging, ranges split by department, ranks merged over 50 departments). Takes about a minute; timings are
 * in bench/README.md (`npm run bench:export`), never asserted here.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateDefinition } from "../../src/config/validate";
import { compareTenant } from "../../src/drift";
import { runExport } from "../../src/export/run";
import { startExportBed, type ExportBed } from "./helpers/appliedEmulator";

// `bench/generate` (no extension) is the generator's command-line launcher; the module is generate.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require("../../bench/generate.ts") as typeof import("../../bench/generate");
const { generateDefinition, MADRID_SCALE, renderDefinition, writeDefinition } = generator;

let work: string;
let source: string;
let bed: ExportBed;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "tenant-export-madrid-"));
  source = join(work, "definition");
  writeDefinition(source, renderDefinition(generateDefinition(MADRID_SCALE)));
  bed = await startExportBed(source, { faults: { quota: false } });
});
afterAll(async () => {
  await bed?.stop();
  rmSync(work, { recursive: true, force: true });
});

it("exports the Madrid-scale tenant to a folder that validates, with zero drift both ways", async () => {
  // Applying must have succeeded in full, or "zero drift" would only compare two partial tenants.
  expect(bed.emu.warnings).toEqual([]);

  const out = join(work, "exported");
  const result = await runExport({ graph: bed.graph(), powershell: bed.powershell }, { out });

  const exported = validateDefinition(out);
  expect(exported.diagnostics).toEqual([]);
  const original = validateDefinition(source).definition!;
  expect(compareTenant(original, result.live).entries).toEqual([]);
  expect(compareTenant(exported.definition!, result.live).entries).toEqual([]);

  // Everything the original assigns came back: same departments, users with numbers and numbers.
  expect(exported.definition!.departments.map((d) => d.id).sort()).toEqual(
    original.departments.map((d) => d.id).sort(),
  );
  const numbersOf = (def: typeof original) =>
    Object.values(def.numbers)
      .flat()
      .map((r) => `${r.userPrincipalName.toLowerCase()} ${r.number} ${r.category}`)
      .sort();
  expect(numbersOf(exported.definition!)).toEqual(numbersOf(original));
});
