/**
 * `npm run bench:phone-services`: a Madrid-sized set of phone services (issue #15) applied through the
 * PhoneServices and PhoneSchedules code paths to the emulator, over the fake `pwsh` (tests/fakes/fake-pwsh.js,
 * one child process speaking the driver protocol, each cmdlet one HTTPS request to the emulator):
 *   - PhoneSchedules: the city's 2027 holidays (14 dates → 2 fixed schedules) and office hours;
 *   - PhoneServices: 25 auto attendants (the 010 citizen line with a menu, 21 district switchboards, police,
 *     fire and ambulance non-emergency lines), 10 call queues, 27 resource accounts with public numbers.
 * It prints the cmdlets sent (by name) and wall time for: the first apply; a re-run with nothing changed; a
 * one-field edit of a queue (agent alert time); a one-field edit of an attendant (a greeting); one holiday added.
 * Target: an edit costs only the changed object's cmdlet. Agents' UPNs resolve from a fixed map (in a real run,
 * Graph `$batch` lookups, 20 per request, not counted here); usage locations are taken as set. Nothing asserts.
 */
import { join } from "node:path";
import { startEmulator } from "../src/emulator";
import {
  applyPhoneSchedules,
  applyPhoneServices,
  scheduleIdsOf,
  type DesiredAutoAttendant,
  type DesiredCallQueue,
  type DesiredResourceAccount,
  type Held,
  type PhoneSchedulesDesired,
  type PhoneServicesBackend,
  type PhoneServicesInputs,
  type PhoneServicesRunner,
} from "../src/teams/phoneServices";
import { createPowerShellTeamsAdmin } from "../src/teams/powershell";
import type { PsObject } from "../src/teams/powershell/results";
import { MINIMAL_FIXTURE } from "../tests/helpers/definitionFixture";

const FAKE_PWSH = join(__dirname, "..", "tests", "fakes", "fake-pwsh.js");
const DEPT = "atencion";

class CountingRunner implements PhoneServicesRunner {
  counts = new Map<string, number>();
  constructor(private readonly inner: PhoneServicesRunner) {}
  async run(cmdlet: string, parameters?: Record<string, unknown>): Promise<PsObject[]> {
    this.counts.set(cmdlet, (this.counts.get(cmdlet) ?? 0) + 1);
    return this.inner.run(cmdlet, parameters);
  }
}

const agentUpn = (i: number) => `agent${i}@madrid.example`;
const agentId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

function madrid(): { schedules: PhoneSchedulesDesired; services: Omit<PhoneServicesInputs, "scheduleIds"> } {
  const holidays = [
    ["2027-01-01", "Año Nuevo"],
    ["2027-01-06", "Epifanía"],
    ["2027-03-25", "Jueves Santo"],
    ["2027-03-26", "Viernes Santo"],
    ["2027-05-01", "Fiesta del Trabajo"],
    ["2027-05-03", "Comunidad de Madrid"],
    ["2027-05-15", "San Isidro"],
    ["2027-08-16", "Asunción (lunes)"],
    ["2027-10-12", "Fiesta Nacional"],
    ["2027-11-01", "Todos los Santos"],
    ["2027-11-09", "La Almudena"],
    ["2027-12-06", "Constitución"],
    ["2027-12-08", "Inmaculada"],
    ["2027-12-25", "Navidad"],
  ].map(([date, name]) => ({ date, name }));
  const weekdays = { start: "08:30", end: "20:00" };
  const schedules: PhoneSchedulesDesired = {
    holidayCalendars: [{ name: "Madrid 2027", entries: holidays }],
    schedules: [
      {
        name: "Office hours",
        weekly: {
          monday: [weekdays],
          tuesday: [weekdays],
          wednesday: [weekdays],
          thursday: [weekdays],
          friday: [weekdays],
        },
      },
    ],
  };
  const p = (s: string) => `${DEPT}-${s}`;
  const queueNames = [
    "taxes",
    "social-services",
    "police-desk",
    "fire-desk",
    "ambulance-desk",
    "citizen-info",
    "parking",
    "waste",
    "licences",
    "housing",
  ];
  const callQueues: DesiredCallQueue[] = queueNames.map((q, i) => ({
    name: p(q),
    language: "es-ES",
    agents: [0, 1, 2, 3].map((k) => agentUpn(i * 4 + k)),
    agentGroupIds: [],
    routing: "LongestIdle",
    presenceBasedRouting: true,
    allowOptOut: true,
    agentAlertTime: 30,
    overflowThreshold: 20,
    overflow: { action: "Forward", target: { type: "autoAttendant", name: p("010") } },
    timeoutSeconds: 600,
    timeout: { action: "Disconnect" },
    welcomeText: `Bienvenido a ${q}`,
    useDefaultMusicOnHold: true,
  }));
  const closed = { greeting: "Nuestro horario es de lunes a viernes de 8:30 a 20:00.", options: [] };
  const holiday = [{ calendar: "Madrid 2027", flow: { greeting: "Hoy es festivo.", options: [] } }];
  const base = { language: "es-ES", timeZone: "Romance Standard Time" };
  const attendants: DesiredAutoAttendant[] = [
    {
      ...base,
      name: p("010"),
      open: {
        greeting: "Bienvenido a Línea Madrid, 010.",
        menuPrompt: "Para impuestos pulse 1, servicios sociales 2, información 3, o espere.",
        options: [
          { key: "1", action: "transfer", target: { type: "callQueue", name: p("taxes") } },
          { key: "2", action: "transfer", target: { type: "callQueue", name: p("social-services") } },
          { key: "3", action: "transfer", target: { type: "callQueue", name: p("citizen-info") } },
          { key: "automatic", action: "transfer", target: { type: "callQueue", name: p("citizen-info") } },
        ],
      },
      hours: { schedule: "Office hours" },
      afterHours: closed,
      holidays: holiday,
    },
  ];
  for (let d = 1; d <= 21; d++)
    attendants.push({
      ...base,
      name: p(`district-${d}`),
      open: {
        greeting: `Junta Municipal del Distrito ${d}.`,
        options: [
          { key: "1", action: "transfer", target: { type: "callQueue", name: p("citizen-info") } },
          { key: "9", action: "transfer", target: { type: "autoAttendant", name: p("010") } },
          { key: "0", action: "operator" },
        ],
        dialByName: true,
      },
      operator: { type: "user", userPrincipalName: agentUpn(40 + d) },
      hours: { schedule: "Office hours" },
      afterHours: closed,
      holidays: holiday,
    });
  for (const s of ["police", "fire", "ambulance"])
    attendants.push({
      ...base,
      name: p(`${s}-line`),
      open: {
        greeting: `Línea no urgente de ${s}. Para emergencias llame al 112.`,
        options: [
          { key: "automatic", action: "transfer", target: { type: "callQueue", name: p(`${s}-desk`) } },
        ],
      },
    });
  let n = 100;
  const account = (answers: DesiredResourceAccount["answers"], name: string): DesiredResourceAccount => ({
    userPrincipalName: `ra-${name}@madrid.example`,
    displayName: name,
    answers,
    number: `+3491555${String(n++).padStart(4, "0")}`,
    numberType: "directRouting",
    usageLocation: "ES",
  });
  const resourceAccounts = [
    ...attendants.map((a) => account({ type: "autoAttendant", name: a.name }, a.name)),
    account({ type: "callQueue", name: p("taxes") }, "taxes-direct"),
    account({ type: "callQueue", name: p("social-services") }, "social-direct"),
  ];
  return {
    schedules,
    services: { department: DEPT, autoAttendants: attendants, callQueues, resourceAccounts },
  };
}

async function main(): Promise<void> {
  const emu = await startEmulator({ seed: MINIMAL_FIXTURE });
  const admin = createPowerShellTeamsAdmin({
    pwshPath: FAKE_PWSH,
    env: { ...process.env, TENANT_GRAPH_ENDPOINT: emu.url, TENANT_GRAPH_CA_FILE: emu.caFile },
  });
  try {
    const ps = new CountingRunner(admin);
    const backend: PhoneServicesBackend = {
      ps,
      resolveUsers: async (upns) =>
        new Map(upns.map((u) => [u.toLowerCase(), { id: agentId(Number(/\d+/.exec(u)?.[0] ?? 0)) }])),
      ensureUsageLocation: async () => undefined,
      ensureLicence: async () => undefined,
      deleteAccount: async () => undefined,
    };
    await ps.run("Get-CsOnlineSchedule"); // start the fake pwsh outside the measurements
    ps.counts.clear();
    const { schedules, services } = madrid();
    console.log(
      `Phone services (fake pwsh → emulator): ${services.autoAttendants.length} auto attendants, ` +
        `${services.callQueues.length} call queues, ${services.resourceAccounts.length} resource accounts; ` +
        `${schedules.holidayCalendars[0].entries.length} holidays, ${schedules.schedules.length} shared schedule`,
    );
    const step = async <T extends { failed: unknown[] }>(
      label: string,
      run: () => Promise<T>,
    ): Promise<T> => {
      ps.counts.clear();
      const t0 = process.hrtime.bigint();
      const result = await run();
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const total = [...ps.counts.values()].reduce((a, b) => a + b, 0);
      const by = [...ps.counts].map(([k, v]) => `${k} ${v}`).join(", ");
      console.log(
        `\n${label}: ${total} cmdlets in ${(ms / 1000).toFixed(2)} s${result.failed.length ? ` (${result.failed.length} FAILED)` : ""}`,
      );
      if (by) console.log(`  ${by}`);
      return result;
    };
    let sched = await step("PhoneSchedules, first apply", () =>
      applyPhoneSchedules(ps, schedules, new Map()),
    );
    const inputs: PhoneServicesInputs = { ...services, scheduleIds: scheduleIdsOf(sched.held) };
    let held: Held = (
      await step("PhoneServices, first apply", () => applyPhoneServices(backend, inputs, new Map()))
    ).held;
    held = (
      await step("PhoneServices, re-run, nothing changed", () => applyPhoneServices(backend, inputs, held))
    ).held;
    const queueEdit = structuredClone(inputs);
    queueEdit.callQueues[0].agentAlertTime = 20;
    held = (
      await step("One-field edit: a queue's agent alert time", () =>
        applyPhoneServices(backend, queueEdit, held),
      )
    ).held;
    const greetingEdit = structuredClone(queueEdit);
    greetingEdit.autoAttendants[5].open.greeting = "Junta Municipal del Distrito de Chamberí.";
    held = (
      await step("One-field edit: a district switchboard's greeting", () =>
        applyPhoneServices(backend, greetingEdit, held),
      )
    ).held;
    const moreHolidays = structuredClone(schedules);
    moreHolidays.holidayCalendars[0].entries.push({ date: "2027-12-24", name: "Nochebuena" });
    sched = await step("One holiday added (PhoneSchedules)", () =>
      applyPhoneSchedules(ps, moreHolidays, sched.held),
    );
    console.log(
      `\nState: PhoneServices held ${[...held.values()].length} lines, ${Buffer.byteLength([...held.values()].map((h) => `${h.kind} ${h.key} ${h.id} ${h.hash}`).join("\n"))} bytes`,
    );
  } finally {
    await admin.close();
    await emu.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
