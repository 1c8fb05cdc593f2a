/**
 * The export of phone services, pure (src/export/phoneServices.ts, phoneSchedules.ts): hand-built Teams state
 * → department `phoneServices` and tenant.yaml `phoneSchedules`, and the report of what a definition cannot say.
 * The full round trip through the emulator is phoneServices.emulator.test.ts.
 */
import { exportPhoneServices, type PhoneExportContext } from "../../src/export/phoneServices";
import { HOLIDAY_NAME_PLACEHOLDER } from "../../src/export/phoneSchedules";
import { ReportCollector } from "../../src/export/report";
import type { CallQueue, PhoneServicesState } from "../../src/teams/phoneServices/types";

const GROUP = "aaaaaaaa-0000-4000-8000-000000000001";
const ctx: PhoneExportContext = {
  departments: [
    { id: "tributos", groupId: GROUP },
    { id: "tributos-sur" }, // a longer id sharing the prefix: names are matched longest first
    { id: "policia" },
  ],
  upnOf: (id) => ({ u1: "ana@city.example", u2: "luis@city.example" })[id],
  usageLocationOf: () => undefined,
  defaultUsageLocation: "ES",
};

const queue = (id: string, name: string, spec: Partial<CallQueue["spec"]> = {}): CallQueue => ({
  id,
  spec: { name, agents: [], agentGroups: [GROUP], ...spec },
  resourceAccounts: [],
});

function state(): PhoneServicesState {
  return {
    schedules: [
      {
        id: "s-h1",
        spec: {
          name: "festivos-2027",
          kind: "fixed",
          dates: [
            { start: "2027-01-01T00:00", end: "2027-01-02T00:00" },
            { start: "2027-12-24T00:00", end: "2027-12-26T00:00" }, // two whole days
          ],
        },
      },
      {
        id: "s-h2",
        spec: {
          name: "festivos-2027 (2)",
          kind: "fixed",
          dates: [
            { start: "2027-12-31T14:00", end: "2028-01-01T00:00" }, // an afternoon: not a whole day
          ],
        },
      },
      {
        id: "s-w",
        spec: {
          name: "Horario Oficinas",
          kind: "weekly",
          hours: { monday: [{ start: "08:00", end: "15:00" }] },
        },
      },
      {
        id: "s-own",
        spec: {
          name: "tributos-linea hours",
          kind: "weekly",
          hours: { friday: [{ start: "09:00", end: "14:00" }] },
        },
      },
    ],
    autoAttendants: [
      {
        id: "aa1",
        spec: {
          name: "tributos-linea",
          language: "es-ES",
          timeZone: "Romance Standard Time",
          defaultFlow: {
            name: "Open",
            greeting: "Tributos.",
            options: [
              { key: "1", action: "transfer", target: { type: "callQueue", id: "q1" } },
              { key: "2", action: "transfer", target: { type: "callQueue", id: "q-police" } },
              { key: "3", action: "transfer", target: { type: "resourceAccount", id: "ra1" } },
              { key: "0", action: "operator" },
            ],
          },
          afterHours: {
            scheduleId: "s-own",
            flow: { name: "After hours", options: [{ key: "automatic", action: "disconnect" }] },
          },
          holidays: [
            {
              scheduleId: "s-h1",
              flow: { name: "Holiday festivos-2027 1", greeting: "Festivo.", options: [] },
            },
            {
              scheduleId: "s-h2",
              flow: { name: "Holiday festivos-2027 2", greeting: "Festivo.", options: [] },
            },
          ],
          operator: { type: "user", id: "u1" },
          dialScopeGroupIds: [GROUP],
        },
        resourceAccounts: ["ra1"],
      },
      {
        id: "aa2",
        spec: {
          name: "centralita", // no department's prefix
          language: "es-ES",
          timeZone: "Romance Standard Time",
          defaultFlow: { name: "Open", options: [] },
        },
        resourceAccounts: [],
      },
    ],
    callQueues: [
      queue("q1", "tributos-sur-cobros", {
        agents: ["u1", "u2"],
        agentGroups: [],
        overflow: { action: "SharedVoicemail", target: GROUP, transcription: true },
        timeout: { action: "Forward", target: "tel:+34915550000" },
        useDefaultMusicOnHold: false,
      }),
      queue("q-police", "policia-denuncias", {
        useDefaultMusicOnHold: false,
        musicOnHoldAudioFileId: "1e81adaf-7c3e-4db1-9d61-5d135abb1bcc",
      }),
    ],
    resourceAccounts: [
      {
        objectId: "ra1",
        spec: {
          userPrincipalName: "ra-tributos-linea@city.example",
          displayName: "Tributos",
          kind: "autoAttendant",
        },
        phoneNumber: "+34915551000",
        association: { configurationId: "aa1", type: "autoAttendant" },
      },
      {
        objectId: "ra2",
        spec: {
          userPrincipalName: "ra-tributos-suelto@city.example",
          displayName: "Suelto",
          kind: "callQueue",
        },
        phoneNumber: null,
        association: null,
      },
    ],
  };
}

it("writes each object under the department its name carries, in the definition's words", () => {
  const report = new ReportCollector();
  const out = exportPhoneServices(state(), ctx, report);

  expect([...out.byDepartment.keys()]).toEqual(["policia", "tributos", "tributos-sur"]);
  expect(out.byDepartment.get("tributos")).toEqual({
    resourceAccounts: [
      {
        userPrincipalName: "ra-tributos-linea@city.example",
        displayName: "Tributos",
        answers: { autoAttendant: "linea" },
        number: "+34915551000",
        usageLocation: "ES",
      },
    ],
    autoAttendants: [
      {
        name: "linea",
        language: "es-ES",
        timeZone: "Romance Standard Time",
        greeting: "Tributos.",
        // key 1 (another department's queue) and key 2 (police) are reported, key 3 reaches the attendant itself.
        menu: {
          options: [
            { key: "3", to: { autoAttendant: "linea" } },
            { key: "0", operator: true },
          ],
        },
        businessHours: { weekly: { friday: ["09:00-14:00"] } },
        holidays: [{ calendar: "festivos-2027", greeting: "Festivo." }],
        operator: { user: "ana@city.example" },
      },
    ],
  });
  expect(out.byDepartment.get("tributos-sur")).toEqual({
    callQueues: [
      {
        name: "cobros",
        agents: { users: ["ana@city.example", "luis@city.example"] },
        overflow: { action: "sharedVoicemail", to: { sharedVoicemail: GROUP, transcription: true } },
        timeout: { action: "forward", to: { externalNumber: "+34915550000" } },
      },
    ],
  });
  expect(out.byDepartment.get("policia")).toEqual({
    callQueues: [
      {
        name: "denuncias",
        agents: { group: GROUP },
        overflow: {},
        timeout: {},
        musicOnHold: { audioFileId: "1e81adaf-7c3e-4db1-9d61-5d135abb1bcc" },
      },
    ],
  });
  expect([...out.accountDepartment]).toEqual([["ra1", "tributos"]]);

  // Calendars merge their chunks; the afternoon is left out; the attendant's own hours stay with it.
  expect(out.phoneSchedules).toEqual({
    holidayCalendars: [
      {
        name: "festivos-2027",
        entries: ["2027-01-01", "2027-12-24", "2027-12-25"].map((date) => ({
          date,
          name: HOLIDAY_NAME_PLACEHOLDER,
        })),
      },
    ],
    schedules: [{ name: "horario-oficinas", weekly: { monday: ["08:00-15:00"] } }],
  });

  expect(report.entries.map((e) => `${e.category} ${e.id}: ${e.detail}`)).toEqual([
    "phone-service s-w: schedule 'Horario Oficinas' is written as 'horario-oficinas' (a name tenant.yaml accepts)",
    "phone-service s-h2: holiday calendar 'festivos-2027 (2)': 2027-12-31T14:00 to 2028-01-01T00:00 is not whole days; a calendar entry is a whole day, left out",
    "placeholder tenant.yaml: phoneSchedules.holidayCalendars festivos-2027: Teams keeps the dates only: each entry's name reads 'Holiday (name not kept by Teams)'; write what each day is",
    "phone-service aa2: auto attendant 'centralita' carries no department's name (<department>-<name>); not exported",
    "phone-service aa1: auto attendant 'tributos-linea', business hours: key 1 is left out: 'tributos-sur-cobros' is not tributos's (a department file can only name its own attendants and queues)",
    "phone-service aa1: auto attendant 'tributos-linea', business hours: key 2 is left out: 'policia-denuncias' is not tributos's (a department file can only name its own attendants and queues)",
    "phone-service q1: call queue 'tributos-sur-cobros': plays its own music on hold with no audio file id Get-CsCallQueue shows; written as Teams' default",
    "phone-service ra2: resource account ra-tributos-suelto@city.example: it answers for nothing; not exported",
  ]);
});
