/**
 * `npx tsx bench/numbers-allocate.ts`: `tenant numbers allocate` for 500 users at Madrid scale. Generates the
 * definition (50 departments, 27,000 users, 25,000 numbers) into a temporary folder, picks the department with
 * the most free numbers, and prints:
 *   - the pure allocator (`allocateNumbers`) on the loaded definition, in-process;
 *   - `node bin/tenant.js numbers allocate` as a child process (validate, allocate, write, re-validate), run 1
 *     writing 500 rows, run 2 with the same users (nothing new: already numbered).
 * Nothing asserts on time.
 *
 *   npx tsx bench/numbers-allocate.ts [--users 500] [--seed 1] [--keep]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { rangeSize } from "../src/config/numberRanges";
import { phonePlan } from "../src/config/rules/phone";
import { validateDefinition } from "../src/config/validate";
import { allocateNumbers } from "../src/numbers/allocate";
import { generateDefinition, MADRID_SCALE, renderDefinition, writeDefinition } from "./generate";

const ROOT = resolve(__dirname, "..");
const TODAY = "2026-06-01";

function integer(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("must be a whole number");
  return Number(value);
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

export function main(argv: string[]): number {
  const opts = new Command("bench:numbers-allocate")
    .option("--users <n>", "users to allocate numbers to", integer, 500)
    .option("--seed <n>", "seed", integer, MADRID_SCALE.seed)
    .option("--keep", "keep the generated folder")
    .parse(argv, { from: "user" })
    .opts<{ users: number; seed: number; keep?: boolean }>();
  const work = mkdtempSync(join(tmpdir(), "tenant-bench-alloc-"));
  const dir = join(work, "definition");
  try {
    const def = generateDefinition({ ...MADRID_SCALE, seed: opts.seed });
    writeDefinition(dir, renderDefinition(def));
    const byId = new Map(def.tenant.numberRanges?.map((r) => [r.id, r]));
    const free = (id: string) => {
      const dep = def.departments.find((d) => d.id === id);
      const size = (dep?.numberRanges ?? []).reduce(
        (s, r) => s + rangeSize(byId.get(r) ?? { start: "", end: "" }),
        0,
      );
      return size - (def.numbers[id]?.length ?? 0);
    };
    const department = Object.keys(def.numbers).sort((a, b) => free(b) - free(a))[0];
    const domain = def.tenant.organization.verifiedDomains[0];
    const upns = Array.from({ length: opts.users }, (_, i) => `bench.nuevo.${i + 1}@${domain}`);
    const usersFile = join(work, "users.txt");
    writeFileSync(usersFile, upns.join("\n") + "\n");
    process.stdout.write(
      `tenant numbers allocate: ${opts.users} users into '${department}' (${free(department)} free numbers) of a ` +
        `definition with ${def.departments.length} departments and ` +
        `${Object.values(def.numbers).reduce((s, r) => s + r.length, 0)} numbers\n` +
        `node ${process.version}, ${process.platform}/${process.arch}\n\n`,
    );

    // The pure core on the loaded definition.
    const loaded = validateDefinition(dir, dir, { today: TODAY });
    if (!loaded.definition) throw new Error("the generated definition does not validate");
    const tenant = loaded.definition.tenant;
    const dep = loaded.definition.departments.find((d) => d.id === department);
    const plan = phonePlan(tenant.organization.country);
    const start = process.hrtime.bigint();
    const result = allocateNumbers({
      ranges: (dep?.numberRanges ?? []).flatMap((id) => tenant.numberRanges.filter((r) => r.id === id)),
      assigned: loaded.loaded.numbers.flatMap((f) =>
        f.rows.map((r) => ({ ...r.value, where: `${f.file}:${r.line}` })),
      ),
      released: [],
      quarantineDays: tenant.numbering.quarantineDays,
      today: TODAY,
      users: upns.map((u, i) => ({
        userPrincipalName: u,
        emergencyLocation: "x",
        category: "primary",
        line: i + 1,
      })),
      isValidNumber: plan ? (n) => plan.problem(n) === undefined : undefined,
    });
    process.stdout.write(
      `${"allocateNumbers (pure, in-process)".padEnd(40)} ${ms(start).toFixed(1).padStart(8)} ms  ${result.allocations.length} allocated${result.error ? `, error: ${result.error}` : ""}\n`,
    );

    const allocateArgs = [
      "numbers",
      "allocate",
      "--dir",
      dir,
      "--department",
      department,
      "--users",
      usersFile,
      "--today",
      TODAY,
    ];
    // validate alone is the baseline: allocate validates once before and, when it writes, once after.
    const runs: [string, string[]][] = [
      ["tenant validate (baseline)", ["validate", "--dir", dir]],
      ["numbers allocate, run 1 (writes rows)", allocateArgs],
      ["numbers allocate, run 2 (nothing new)", allocateArgs],
    ];
    for (const [label, args] of runs) {
      const t = process.hrtime.bigint();
      const child = spawnSync(process.execPath, [join(ROOT, "bin", "tenant.js"), ...args], {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      const wall = ms(t);
      if (child.status !== 0) process.stderr.write(child.stdout + child.stderr);
      process.stdout.write(
        `${label.padEnd(40)} ${(wall / 1000).toFixed(2).padStart(8)} s   exit ${child.status ?? "signal"}\n`,
      );
    }
    process.stdout.write(
      `\nload average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${cpus().length} CPUs\n`,
    );
    return 0;
  } finally {
    if (opts.keep) process.stdout.write(`kept ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
