/**
 * `npm run bench:emulator-applied`: how long `tenant emulator --seed DIR --applied` takes to build a
 * Madrid-scale tenant. Generates the definition (bench/generate), then times, in this process:
 * seeding alone (`startEmulator({ seed })`) and seeding + applying (`startEmulator({ seed, applied: true })`),
 * and prints what the applied tenant holds and peak RSS. Nothing asserts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { ManualClock, startEmulator } from "../src/emulator";
import { teamsAreaOf } from "../src/emulator/state/teams";
import { loadValidDefinition } from "../src/stackConfig";
import { generateDefinition, MADRID_SCALE, renderDefinition, writeDefinition } from "./generate";

interface Options {
  departments: number;
  users: number;
  numbers: number;
  seed: number;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number >= 1");
  return n;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function run(opts: Options): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-emulator-applied-"));
  try {
    writeDefinition(dir, renderDefinition(generateDefinition({ ...MADRID_SCALE, ...opts })));
    const definition = loadValidDefinition(dir);

    let started = Date.now();
    const plain = await startEmulator({ seed: definition, clock: new ManualClock() });
    const plainMs = Date.now() - started;
    await plain.stop();

    started = Date.now();
    const emu = await startEmulator({ seed: definition, applied: true, clock: new ManualClock() });
    const appliedMs = Date.now() - started;
    const teams = teamsAreaOf(emu.state.doc);
    const licensedUsers = emu.state.users.filter((u) => u.licenseAssignmentStates.length > 0).length;
    const assigned = Object.values(teams.numbers).filter((n) => n.assignmentStatus === "userAssigned").length;
    const rows = Object.values(definition.numbers).reduce((sum, list) => sum + list.length, 0);
    await emu.stop();

    const out = [
      `definition: ${definition.departments.length} departments, ${emu.state.users.length} users, ${rows} numbers`,
      `seed only:          ${seconds(plainMs)}`,
      `seed + --applied:   ${seconds(appliedMs)}`,
      `applied tenant:     ${emu.state.groups.filter((g) => g.assignedLicenses.length > 0).length} groups licensed, ` +
        `${licensedUsers} users with licences, ${teams.policies.length} Teams policies, ` +
        `${teams.groupAssignments.length} group grants, ${teams.locations.length} LIS locations, ` +
        `${assigned} numbers assigned`,
      `warnings:           ${emu.warnings.length}${emu.warnings.length ? ` (first: ${emu.warnings[0].split("\n")[0]})` : ""}`,
      `peak RSS:           ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    ];
    process.stdout.write(`${out.join("\n")}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const program = new Command("bench:emulator-applied")
  .option("--departments <n>", "departments", positive, MADRID_SCALE.departments)
  .option("--users <n>", "users", positive, MADRID_SCALE.users)
  .option("--numbers <n>", "phone numbers", positive, MADRID_SCALE.numbers)
  .option("--seed <n>", "generator seed", positive, MADRID_SCALE.seed)
  .action(async (opts: Options) => run(opts));
program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
