/**
 * `npm run bench:numbers`: phone numbers at Madrid scale on the emulator. Generates the definition
 * (`bench/generate --out <tmp>`: 50 departments, 27,000 users, 25,000 numbers), seeds an emulator from it,
 * gives every department member its department's licences (Teams Phone is what the emulator checks) and
 * every definition location a Teams LIS location, then:
 *   1. assigns all numbers through the NumberAssignments provider, one resource per department;
 *   2. moves one user's number to a colleague who has none (an update of one department).
 * For both it prints HTTP requests (what the Graph client sent; a `$batch` counts once), writes (number
 * operations the emulator carried out), operations polled, wall time, and the minimum the API allows with
 * the ratio. Targets: requests within 1.1× that minimum; the move at most 3 writes.
 *
 * The minimum: every start is a write and must be sent (20 per `$batch`); every asynchronous operation must
 * be read at least once (20 per `$batch`); an unassign must end before the assign of the same number
 * starts, so those are separate rounds; each user not yet known must be looked up (20 per `$batch`); and
 * the department's numbers must be read from the inventory (at best 1,000 per request, `$top`'s maximum).
 *
 * Emulator time is a manual clock moved by the provider's waits, so operations cost no real time. The
 * write quota (3,000 per 150 s) is switched off: at 25,000 writes it would only add 429 rounds whose waits
 * the manual clock skips, and the count would measure the quota, not the resource. Nothing asserts.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { ManualClock, startEmulator } from "../src/emulator";
import { loadValidDefinition } from "../src/stackConfig";
import { departmentNumberArgs } from "../src/teams/layerNumbers";
import { mapBounded } from "../src/teams/graph/bounded";
import {
  createNumberAssignmentsProvider,
  type GraphNumbersBackend,
  type NumberAssignmentsArgsPlain,
  type NumberAssignmentsOutputs,
} from "../src/teams/numbers";
import {
  createLocations,
  licenseDepartments,
  onePerCategory,
} from "../tests/teams/numbers/helpers/numbersEmulator";

interface Options {
  departments: number;
  users: number;
  numbers: number;
  seed: number;
  parallel: number;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number >= 1");
  return n;
}

interface Figures {
  label: string;
  requests: number;
  writes: number;
  polled: number;
  wallMs: number;
  minimum: number;
}

function print(f: Figures): void {
  const ratio = f.requests / f.minimum;
  console.log(
    `${f.label.padEnd(28)} requests ${String(f.requests).padStart(6)}  writes ${String(f.writes).padStart(6)}  ` +
      `polled ${String(f.polled).padStart(6)}  wall ${(f.wallMs / 1000).toFixed(1).padStart(6)} s  ` +
      `minimum ${String(f.minimum).padStart(6)}  ratio ${ratio.toFixed(3)} (target ≤ 1.100)`,
  );
}

const batches = (n: number) => Math.ceil(n / 20);

async function run(opts: Options): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-numbers-"));
  try {
    const started = Date.now();
    execFileSync(process.execPath, [
      join(__dirname, "generate"),
      ...["--out", dir, "--departments", String(opts.departments), "--users", String(opts.users)],
      ...["--numbers", String(opts.numbers), "--seed", String(opts.seed)],
    ]);
    const definition = loadValidDefinition(dir);
    const clock = new ManualClock();
    const emu = await startEmulator({ seed: definition, clock, faults: { quota: false } });
    licenseDepartments(emu, definition, clock);
    const locationIds = createLocations(emu, definition, clock.now());
    console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const backends: GraphNumbersBackend[] = [];
    const provider = createNumberAssignmentsProvider({
      env: {
        TENANT_GRAPH_ENDPOINT: emu.url,
        TENANT_GRAPH_CA_FILE: emu.caFile,
        TENANT_GRAPH_STATIC_TOKEN: "bench",
      },
      client: { clock: { now: () => clock.now(), sleep: async (ms) => clock.advance(ms) } },
      onBackend: (b) => backends.push(b),
    });
    const measure = async (label: string, minimum: number, work: () => Promise<unknown>): Promise<void> => {
      backends.length = 0;
      emu.counters.reset();
      const t0 = Date.now();
      await work();
      print({
        label,
        requests: backends.reduce((s, b) => s + b.client.stats.requests, 0),
        writes: emu.counters.snapshot().writes,
        polled: backends.reduce((s, b) => s + b.admin.counters.polls, 0),
        wallMs: Date.now() - t0,
        minimum,
      });
    };

    let dropped = 0;
    const inputs: NumberAssignmentsArgsPlain[] = [];
    for (const d of definition.departments) {
      const args = departmentNumberArgs(definition, d.id);
      if (!args || args.assignments.length === 0) continue;
      const assignments = onePerCategory(args.assignments);
      dropped += args.assignments.length - assignments.length;
      inputs.push((await provider.check!({} as never, { ...args, assignments, locationIds })).inputs!);
    }
    const total = inputs.reduce((s, i) => s + i.assignments.length, 0);
    console.log(
      `${inputs.length} departments, ${total} numbers` +
        (dropped
          ? ` (${dropped} generated second numbers of one category per user left out: Teams refuses them)`
          : ""),
    );

    // 1. Everything from nothing. Departments run `parallel` at a time, as the engine runs resources.
    const createMinimum = inputs.reduce((s, i) => {
      const users = new Set(i.assignments.map((e) => e.userPrincipalName.toLowerCase())).size;
      const n = i.assignments.length;
      return s + batches(n) + batches(n) + batches(users) + Math.ceil(n / 1000);
    }, 0);
    const outputs = new Map<string, NumberAssignmentsOutputs>();
    await measure("assign all (create)", createMinimum, () =>
      mapBounded(inputs, opts.parallel, async (i) => {
        const created = await provider.create(i);
        outputs.set(i.department, created.outs!);
      }),
    );

    // 2. One user's number moves to a colleague who has none.
    const dept = inputs[0];
    const holders = new Set(dept.assignments.map((e) => e.userPrincipalName.toLowerCase()));
    const group = emu.state.groups.find((g) => g.departmentId === dept.department)!;
    const newcomer = emu.state.members(group).find((u) => !holders.has(u.userPrincipalName.toLowerCase()))!;
    const moved = (
      await provider.check!({} as never, {
        ...dept,
        assignments: dept.assignments.map((e, i) =>
          i === 0 ? { ...e, userPrincipalName: newcomer.userPrincipalName, category: "primary" as const } : e,
        ),
      })
    ).inputs!;
    // Unassign round (start + poll), assign round (start + poll), one user lookup, the inventory read.
    const moveMinimum = 2 + 2 + 1 + Math.ceil(dept.assignments.length / 1000);
    const old = outputs.get(dept.department)!;
    await measure(`move one number (${dept.department})`, moveMinimum, () =>
      provider.update!(`numbers:${dept.department}`, old, moved),
    );
    await emu.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const program = new Command()
  .name("bench:numbers")
  .option("--departments <n>", "departments", positive, 50)
  .option("--users <n>", "users", positive, 27_000)
  .option("--numbers <n>", "phone numbers", positive, 25_000)
  .option("--seed <n>", "generator seed", positive, 1)
  .option("--parallel <n>", "departments applied at once", positive, 8)
  .action((opts: Options) => run(opts));

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
