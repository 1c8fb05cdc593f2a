/**
 * `tenant export` of phone services (issue #15): the example city seeded applied into the emulator, its phone
 * services applied through the PhoneSchedules/PhoneServices code (the fake `pwsh`, the real Graph lookups),
 * then exported. The folder validates, drift of it against the tenant is empty, and every department's phone
 * services render to exactly what the original definition renders to (holiday names aside: Teams keeps dates only).
 */
import { join } from "node:path";
import { validateDefinition } from "../../src/config/validate";
import { compareTenant } from "../../src/drift";
import { HOLIDAY_NAME_PLACEHOLDER } from "../../src/export/phoneSchedules";
import { skuIdFor } from "../../src/emulator/state/skuCatalog";
import { runExport } from "../../src/export/run";
import { departmentGroupName } from "../../src/naming";
import {
  applyPhoneSchedules,
  applyPhoneServices,
  scheduleIdsOf,
  type PhoneServicesRunner,
  type PhoneServicesState,
} from "../../src/teams/phoneServices";
import { GraphPhoneServicesBackend } from "../../src/teams/phoneServices/backend";
import { phoneSchedulesOf, phoneServicesOf } from "../../src/teams/phoneServices/fromDefinition";
import { readText, startExportBed, type ExportBed } from "./helpers/appliedEmulator";

const EXAMPLE = join(__dirname, "..", "..", "stacks", "example");
const original = validateDefinition(EXAMPLE).definition!;

/** Teams keeps no order of a department's objects: compare them sorted by name. */
function byName(services: ReturnType<typeof phoneServicesOf>) {
  const sorted = <T>(items: T[], key: (t: T) => string) =>
    [...items].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return Object.fromEntries(
    Object.entries(services).map(([id, s]) => [
      id,
      {
        ...s,
        autoAttendants: sorted(s.autoAttendants, (a) => a.name),
        callQueues: sorted(s.callQueues, (q) => q.name),
        resourceAccounts: sorted(s.resourceAccounts, (r) => r.userPrincipalName.toLowerCase()),
      },
    ]),
  );
}

const live = (r: { live: { phoneServices?: PhoneServicesState } }) => r.live.phoneServices!;

let bed: ExportBed;
let groupIdOf: (department: string) => string;
beforeAll(async () => {
  bed = await startExportBed(EXAMPLE);
  const graph = bed.graph();
  const groups = await graph.getAll<{ id: string; displayName: string }>("/groups?$select=id,displayName");
  const byName = new Map(groups.map((g) => [g.displayName, g.id]));
  const short = original.tenant.organization.shortName;
  groupIdOf = (d) => byName.get(departmentGroupName(short, d))!;

  const ps = bed.powershell as unknown as PhoneServicesRunner;
  const schedules = await applyPhoneSchedules(ps, phoneSchedulesOf(original), new Map());
  expect(schedules.failed).toEqual([]);
  const backend = new GraphPhoneServicesBackend(ps, graph);
  // The usage location is the operator's to set (no User.ReadWrite.All, docs/phone-services.md): done here as
  // the operator's Update-MgUser would, so the accounts' licences and numbers then go through the real calls.
  backend.ensureUsageLocation = async (id, _upn, usageLocation) => {
    bed.emu.state.findUser(id)!.usageLocation = usageLocation;
  };
  for (const desired of Object.values(phoneServicesOf(original, groupIdOf))) {
    const applied = await applyPhoneServices(
      backend,
      { ...desired, scheduleIds: scheduleIdsOf(schedules.held) },
      new Map(),
    );
    expect(applied.failed).toEqual([]);
  }
});
afterAll(async () => bed?.stop());

it("exports attendants, queues, resource accounts and calendars that validate and render as the original", async () => {
  const out = bed.tmp();
  const result = await runExport({ graph: bed.graph(), powershell: bed.powershell }, { out });
  const exported = validateDefinition(out);
  expect(exported.diagnostics).toEqual([]);
  const def = exported.definition!;

  // Same departments, and each department's phone services render to the same attendants, queues and accounts.
  expect(Object.keys(phoneServicesOf(def, groupIdOf)).sort()).toEqual(
    Object.keys(phoneServicesOf(original, groupIdOf)).sort(),
  );
  expect(byName(phoneServicesOf(def, groupIdOf))).toEqual(byName(phoneServicesOf(original, groupIdOf)));

  // Calendars and shared schedules: the same dates and hours; names of days are Teams' to forget.
  const schedules = phoneSchedulesOf(original);
  expect(phoneSchedulesOf(def)).toEqual({
    ...schedules,
    holidayCalendars: schedules.holidayCalendars.map((c) => ({
      name: c.name,
      entries: c.entries.map((e) => ({ date: e.date, name: HOLIDAY_NAME_PLACEHOLDER })),
    })),
  });

  // Drift of the export against the same tenant finds nothing, phone services included.
  expect(compareTenant(def, result.live).entries).toEqual([]);

  // Resource accounts are not people: no department counts them, no report calls them users without a department.
  expect(def.departments.map((d) => [d.id, d.headcount])).toEqual(
    original.departments.map((d) => [d.id, d.headcount]),
  );
  const report = JSON.parse(readText(out, "export-report.json")) as {
    entries: { category: string; id: string; detail: string }[];
  };
  expect(report.entries.filter((e) => e.category === "phone-service")).toEqual([]);
  // Each numbered account was licensed by the apply; that licence is the toolkit's, not a stray direct licence.
  const numbered = live(result).resourceAccounts.filter((r) => r.phoneNumber);
  expect(numbered.length).toBeGreaterThan(20);
  for (const r of numbered)
    expect(bed.emu.state.findUser(r.objectId)!.licenseAssignmentStates.map((l) => l.skuId)).toEqual([
      skuIdFor("PHONESYSTEM_VIRTUALUSER"),
    ]);
  expect(report.entries.filter((e) => e.category === "direct-licence")).toEqual([]);
  expect(report.entries.filter((e) => /^ra-/.test(e.id))).toEqual([]);
  expect(
    report.entries.filter((e) => e.category === "placeholder" && e.id.includes("holidayCalendars")),
  ).toEqual([
    {
      category: "placeholder",
      id: "tenant.yaml: phoneSchedules.holidayCalendars madrid-2027",
      detail: expect.stringContaining("write what each day is"),
    },
  ]);
});

it("drift compares every setting a file can say: a menu key re-pointed and a transcription turned off by hand", async () => {
  const out = bed.tmp();
  const { live } = await runExport({ graph: bed.graph(), powershell: bed.powershell }, { out });
  const phone = live.phoneServices!;
  const line = phone.autoAttendants.find((a) => a.spec.name === "atencion-ciudadania-linea-010")!;
  const cita = phone.callQueues.find((q) => q.spec.name === "atencion-ciudadania-cita-previa")!;
  const info = phone.callQueues.find((q) => q.spec.name === "atencion-ciudadania-informacion")!;
  // Key 1 now rings the appointments queue instead of general information; the information queue's overflow
  // voicemail is no longer transcribed. Neither was compared before (only greeting, language, counts).
  line.spec.defaultFlow.options[0].target = { type: "callQueue", id: cita.id };
  delete info.spec.overflow!.transcription;

  const entries = compareTenant(original, live).entries.filter((e) => e.area === "phoneServices");
  // Sorted by subject, as every drift report is.
  expect(entries.map((e) => `${e.kind} ${e.subject}: ${e.message.split(":")[0]}`)).toEqual([
    "phone-object-settings atencion-ciudadania-informacion: call queue atencion-ciudadania-informacion differs from the definition in overflow",
    "phone-object-settings atencion-ciudadania-linea-010: auto attendant atencion-ciudadania-linea-010 differs from the definition in open",
  ]);
  expect(JSON.parse(entries[1].expected!).open.options[0]).toEqual({
    key: "1",
    action: "transfer",
    target: { type: "callQueue", name: "atencion-ciudadania-informacion" },
  });
  expect(JSON.parse(entries[1].actual!).open.options[0].target).toEqual({
    type: "callQueue",
    name: "atencion-ciudadania-cita-previa",
  });
  expect(JSON.parse(entries[0].actual!).overflow.target).not.toHaveProperty("transcription");
});
