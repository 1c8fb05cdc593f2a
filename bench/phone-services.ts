/**
 * `npm run bench:phone-services`: the example city's phone services (issue #15: the 010 citizen line with its
 * menu, 21 district switchboards, the police, fire and ambulance non-emergency lines, the tax and social-services
 * queues, the 2027 holidays) applied to the emulator through the same code `pulumi up` runs: one PhoneSchedules
 * for the tenant, then one PhoneServices per department, over the real PowerShell adapter driving the fake `pwsh`
 * (tests/fakes/fake-pwsh.js: each cmdlet one HTTPS request to the emulator) and the real Graph client (agents'
 * and accounts' lookups, usage locations, the accounts' licences). The emulator is seeded from stacks/example
 * (people, department groups, SKUs, number inventory).
 *
 * It prints, for each step, the cmdlets by name, the Graph requests and writes, and the wall time:
 *   1. the first `up` (the accounts' numbers wait for their usage location, which the toolkit may not set);
 *   2. the administrator sets the usage locations (`Update-MgUser`, done here on the emulator), and `up` again;
 *   3. a re-run with nothing changed;
 *   4. one-field edits: a queue's agent alert time, a district switchboard's greeting, one holiday added.
 * Target: an edit costs only the changed object's cmdlet. Nothing asserts: the figures are for people to read.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { startEmulator, type EmulatorHandle } from "../src/emulator";
import { graphDelta } from "../src/forecast/counterDelta";
import { setResourceAccountUsageLocations } from "../src/forecast/adminSteps";
import { createGraphClient } from "../src/graph/create";
import { loadValidDefinition } from "../src/stackConfig";
import {
  applyPhoneSchedules,
  applyPhoneServices,
  scheduleIdsOf,
  type Held,
  type PhoneServicesDesired,
  type PhoneServicesInputs,
  type PhoneServicesRunner,
} from "../src/teams/phoneServices";
import { GraphPhoneServicesBackend } from "../src/teams/phoneServices/backend";
import { phoneSchedulesOf, phoneServicesOf } from "../src/teams/phoneServices/fromDefinition";
import { createPowerShellTeamsAdmin } from "../src/teams/powershell";
import type { PsObject } from "../src/teams/powershell/results";

const EXAMPLE = join(__dirname, "..", "stacks", "example");
const FAKE_PWSH = join(__dirname, "..", "tests", "fakes", "fake-pwsh.js");

class CountingRunner implements PhoneServicesRunner {
  counts = new Map<string, number>();
  constructor(private readonly inner: PhoneServicesRunner) {}
  async run(cmdlet: string, parameters?: Record<string, unknown>): Promise<PsObject[]> {
    this.counts.set(cmdlet, (this.counts.get(cmdlet) ?? 0) + 1);
    return this.inner.run(cmdlet, parameters);
  }
}

/** Runs `work`, then prints its cmdlets by name, its Graph requests and writes, its wall time and failures. */
async function step(
  label: string,
  emu: EmulatorHandle,
  ps: CountingRunner,
  work: () => Promise<{ failed: number }>,
): Promise<void> {
  ps.counts.clear();
  const before = emu.counters.snapshot();
  const t0 = process.hrtime.bigint();
  const { failed } = await work();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const graph = graphDelta(before, emu.counters.snapshot());
  const cmdlets = [...ps.counts.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\n${label}: ${cmdlets} cmdlets, ${graph.graphRequests} Graph requests (${graph.graphWrites} writes) in ` +
      `${(ms / 1000).toFixed(2)} s${failed > 0 ? ` — ${failed} objects waiting or failed` : ""}`,
  );
  const by = [...ps.counts].map(([k, v]) => `${k} ${v}`).join(", ");
  if (by) console.log(`  ${by}`);
}

async function main(): Promise<void> {
  const definition = loadValidDefinition(EXAMPLE);
  const emu = await startEmulator({ seed: definition });
  const env = {
    ...process.env,
    TENANT_GRAPH_ENDPOINT: emu.url,
    TENANT_GRAPH_CA_FILE: emu.caFile,
    TENANT_GRAPH_STATIC_TOKEN: randomBytes(16).toString("hex"),
  };
  const admin = createPowerShellTeamsAdmin({ pwshPath: FAKE_PWSH, env });
  try {
    const ps = new CountingRunner(admin);
    const backend = new GraphPhoneServicesBackend(ps, createGraphClient({ env }));
    await ps.run("Get-CsOnlineSchedule"); // start the fake pwsh outside the measurements

    const groupIdOf = (d: string) => emu.state.doc.groups.find((g) => g.departmentId === d)?.id ?? "";
    const schedules = phoneSchedulesOf(definition);
    const departments = Object.values(phoneServicesOf(definition, groupIdOf));
    const total = (pick: (d: PhoneServicesDesired) => unknown[]) =>
      departments.reduce((n, d) => n + pick(d).length, 0);
    console.log(
      `The example city's phone services (fake pwsh and Graph → emulator): ${departments.length} departments, ` +
        `${total((d) => d.autoAttendants)} auto attendants, ${total((d) => d.callQueues)} call queues, ` +
        `${total((d) => d.resourceAccounts)} resource accounts; ` +
        `${schedules.holidayCalendars.reduce((n, c) => n + c.entries.length, 0)} holidays, ` +
        `${schedules.schedules.length} shared schedules`,
    );

    let scheduleHeld: Held = new Map();
    await step("PhoneSchedules, first apply", emu, ps, async () => {
      const result = await applyPhoneSchedules(ps, schedules, scheduleHeld);
      scheduleHeld = result.held;
      return { failed: result.failed.length };
    });
    const inputsOf = (d: PhoneServicesDesired): PhoneServicesInputs => ({
      ...d,
      scheduleIds: scheduleIdsOf(scheduleHeld),
    });
    const held = new Map<string, Held>();
    /** One `up` of every department's PhoneServices whose inputs are in `inputs`. */
    const up = (inputs: PhoneServicesInputs[]) => async () => {
      let failed = 0;
      for (const i of inputs) {
        const result = await applyPhoneServices(backend, i, held.get(i.department) ?? new Map());
        held.set(i.department, result.held);
        failed += result.failed.length;
      }
      return { failed };
    };
    let inputs = departments.map(inputsOf);
    await step("PhoneServices, first up (every department)", emu, ps, up(inputs));
    const set = inputs.reduce((n, i) => n + setResourceAccountUsageLocations(emu, i), 0);
    console.log(`\n(the administrator sets ${set} accounts' usage location: Update-MgUser)`);
    await step("PhoneServices, second up", emu, ps, up(inputs));
    await step("PhoneServices, re-run, nothing changed", emu, ps, up(inputs));

    const edit = (department: string, change: (d: PhoneServicesInputs) => void) => {
      inputs = inputs.map((i) => {
        if (i.department !== department) return i;
        const copy = structuredClone(i);
        change(copy);
        return copy;
      });
      return inputs.filter((i) => i.department === department);
    };
    const withQueue = departments.find((d) => d.callQueues.length > 0)!.department;
    await step(
      `One-field edit: a queue's agent alert time (${withQueue})`,
      emu,
      ps,
      up(edit(withQueue, (d) => (d.callQueues[0].agentAlertTime = 20))),
    );
    const district = departments.find((d) =>
      d.autoAttendants.some((a) => /distrito/i.test(a.open.greeting ?? "")),
    )!;
    await step(
      `One-field edit: a district switchboard's greeting (${district.department})`,
      emu,
      ps,
      up(
        edit(district.department, (d) => {
          d.autoAttendants[0].open.greeting = `${d.autoAttendants[0].open.greeting ?? ""} Gracias por llamar.`;
        }),
      ),
    );
    const moreHolidays = structuredClone(schedules);
    moreHolidays.holidayCalendars[0].entries.push({ date: "2027-12-24", name: "Nochebuena" });
    await step("One holiday added (PhoneSchedules)", emu, ps, async () => {
      const result = await applyPhoneSchedules(ps, moreHolidays, scheduleHeld);
      scheduleHeld = result.held;
      return { failed: result.failed.length };
    });

    const lines = [...held.values()].flatMap((h) => [...h.values()]);
    const bytes = Buffer.byteLength(lines.map((h) => `${h.kind} ${h.key} ${h.id} ${h.hash}`).join("\n"));
    console.log(
      `\nState: PhoneServices held ${lines.length} lines, ${bytes} bytes over ${held.size} departments`,
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
