/**
 * `npx tsx bench/drift.ts`: `tenant drift` at Madrid scale, the round trip of issue 7 — generate the
 * definition (bench/generate), start the emulator with it applied (`startEmulator({ seed, applied: true })`),
 * read it with the real reader (Graph + the PowerShell adapter over the fake `pwsh`) and compare with the
 * original definition. Prints the times of each phase, the number of differences (the round trip expects 0;
 * any found are listed by kind) and peak RSS. Nothing asserts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { liveSources } from "../src/cli/commands/drift";
import { compareTenant } from "../src/drift";
import { ManualClock, startEmulator } from "../src/emulator";
import { loadValidDefinition } from "../src/stackConfig";
import { generateDefinition, MADRID_SCALE, renderDefinition, writeDefinition } from "./generate";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-drift-"));
  try {
    writeDefinition(dir, renderDefinition(generateDefinition(MADRID_SCALE)));
    const definition = loadValidDefinition(dir);
    let started = Date.now();
    const emu = await startEmulator({ seed: definition, applied: true, clock: new ManualClock() });
    const applyMs = Date.now() - started;
    const env = {
      ...process.env,
      TENANT_GRAPH_CA_FILE: emu.caFile,
      TENANT_GRAPH_STATIC_TOKEN: "bench",
      TENANT_PWSH_PATH: join(__dirname, "..", "tests", "fakes", "fake-pwsh.js"),
    };
    const sources = liveSources(emu.url, env);
    try {
      started = Date.now();
      const live = await sources.readLive();
      const readMs = Date.now() - started;
      started = Date.now();
      const report = compareTenant(definition, live);
      const compareMs = Date.now() - started;
      const byKind = new Map<string, number>();
      for (const e of report.entries) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
      const out = [
        `definition:        ${definition.departments.length} departments, ${live.users.length} users, ` +
          `${Object.values(definition.numbers).reduce((n, rows) => n + rows.length, 0)} numbers`,
        `emulator applied:  ${seconds(applyMs)} (${emu.warnings.length} apply warnings)`,
        ...emu.warnings.map((w) => `  warning: ${w.split("\n").slice(0, 3).join(" / ")}`),
        `read live tenant:  ${seconds(readMs)} (${live.numbers.length} inventory numbers, ${live.userConfigurations.length} user configurations)`,
        `compareTenant:     ${seconds(compareMs)}`,
        `differences:       ${report.entries.length}${[...byKind].map(([k, n]) => `\n  ${k}: ${n}`).join("")}`,
        ...report.entries
          .slice(0, 5)
          .map((e) => `  e.g. ${e.department ?? "tenant-wide"} ${e.subject}: ${e.message}`),
        `peak RSS:          ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
      ];
      process.stdout.write(`${out.join("\n")}\n`);
    } finally {
      await sources.close();
      await emu.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

run().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
