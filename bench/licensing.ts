/**
 * `npm run bench:licensing`: group-based licensing at Madrid scale on the emulator. Generates the definition
 * (bench/generate), seeds an emulator from it (27,000 users, 50 department groups, the SKUs), licenses every
 * department through the GroupLicenses provider over HTTPS with the real Graph client, runs it all again (an
 * unchanged re-run), and prints requests and writes by route, wall times, and the comparison with licensing
 * users one by one (one write per user and SKU set). Target: one licence write per department group and SKU
 * set. Emulator time is a manual clock moved by the provider's waits, so processing costs no real time.
 * Nothing asserts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { ManualClock, startEmulator } from "../src/emulator";
import type { CounterSnapshot } from "../src/emulator";
import { createGroupLicensesProvider } from "../src/m365";
import { desiredLicences } from "../src/m365/licensing/desired";
import { loadValidDefinition } from "../src/stackConfig";
import { generateDefinition, MADRID_SCALE, renderDefinition, writeDefinition } from "./generate";

interface Options {
  departments: number;
  users: number;
  seed: number;
  keep: boolean;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number >= 1");
  return n;
}

function routeTable(snapshot: CounterSnapshot): string {
  const rows = Object.entries(snapshot.byRoute).map(([route, c]) => [
    route,
    c.requests,
    c.writes,
    c.throttled,
  ]);
  const width = Math.max(5, ...rows.map((r) => String(r[0]).length));
  return [
    `  ${"route".padEnd(width)}  requests  writes  throttled`,
    ...rows.map(
      ([route, req, w, th]) =>
        `  ${String(route).padEnd(width)}  ${String(req).padStart(8)}  ${String(w).padStart(6)}  ${String(th).padStart(9)}`,
    ),
    `  ${"total".padEnd(width)}  ${String(snapshot.requests).padStart(8)}  ${String(snapshot.writes).padStart(6)}  ${String(snapshot.throttled).padStart(9)}`,
  ].join("\n");
}

async function run(opts: Options): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-licensing-"));
  try {
    const started = Date.now();
    writeDefinition(dir, renderDefinition(generateDefinition({ ...MADRID_SCALE, ...opts })));
    const definition = loadValidDefinition(dir);
    const clock = new ManualClock();
    const emu = await startEmulator({ seed: definition, clock });
    const seededMs = Date.now() - started;
    const provider = createGroupLicensesProvider({
      env: {
        TENANT_GRAPH_ENDPOINT: emu.url,
        TENANT_GRAPH_CA_FILE: emu.caFile,
        TENANT_GRAPH_STATIC_TOKEN: "bench",
      },
      client: { clock: { now: () => clock.now(), sleep: async (ms) => clock.advance(ms) } },
      sleep: async (ms) => clock.advance(ms),
    });
    const licensed = definition.departments.filter((d) => d.licences.length > 0);
    const inputs = licensed.map((d) => ({
      ...desiredLicences(definition, d),
      groupId: emu.state.groups.find((g) => g.departmentId === d.id)!.id,
    }));
    const users = licensed.reduce(
      (sum, d) => sum + emu.state.members(emu.state.groups.find((g) => g.departmentId === d.id)!).length,
      0,
    );

    const timed = async (label: string, apply: () => Promise<unknown>) => {
      emu.counters.reset();
      const t0 = Date.now();
      await apply();
      const ms = Date.now() - t0;
      const snapshot = emu.counters.snapshot();
      process.stdout.write(`\n${label}: ${(ms / 1000).toFixed(1)} s wall\n${routeTable(snapshot)}\n`);
      return snapshot;
    };

    process.stdout.write(
      `Group-based licensing: ${licensed.length} departments, ${users.toLocaleString("en")} licensed users, ` +
        `${definition.tenant.licensing.skus.length} SKUs (generated and seeded in ${(seededMs / 1000).toFixed(1)} s)\n`,
    );
    const first = await timed("create (every department)", async () => {
      for (const i of inputs) await provider.create(i);
    });
    await timed("re-run (unchanged)", async () => {
      for (const i of inputs) await provider.update!(i.groupId, { ...i, resolved: [] }, i);
    });
    const licenceWrites = Object.entries(first.byRoute)
      .filter(([route]) => route.includes("assignLicense"))
      .reduce((sum, [, c]) => sum + c.writes, 0);
    const errors = emu.state.users.filter((u) =>
      u.licenseAssignmentStates.some((s) => s.state !== "Active"),
    ).length;
    process.stdout.write(
      `\nlicence writes: ${licenceWrites} (target ${inputs.length}: one per department group and SKU set)` +
        ` vs ${users.toLocaleString("en")} with per-user assignLicense (${Math.round(users / Math.max(1, licenceWrites))}× fewer)\n` +
        `members with licence errors: ${errors}\n`,
    );
    await emu.stop();
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
    else process.stdout.write(`definition kept in ${dir}\n`);
  }
}

const program = new Command("bench:licensing")
  .option("--departments <n>", "departments", positive, MADRID_SCALE.departments)
  .option("--users <n>", "users", positive, MADRID_SCALE.users)
  .option("--seed <n>", "generator seed", positive, MADRID_SCALE.seed)
  .option("--keep", "keep the generated definition", false)
  .action((opts: Options) => run(opts));

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
