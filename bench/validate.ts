/**
 * `npm run bench:validate`: times `tenant validate` on a Madrid-scale definition (50 departments, 27,000
 * users, 25,000 numbers). Generates the definition into a temporary folder, runs
 * `node bin/tenant.js validate --dir <dir>` as a child process several times (the first one cold: tsx has
 * to compile the sources), and prints wall time and the child's peak RSS for each run. It asserts nothing
 * about time; the target is under 3 s and 300 MB.
 *
 *   npm run bench:validate -- [--runs 3] [--departments 50] [--users 27000] [--numbers 25000] [--seed 1] [--keep]
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import {
  generateDefinition,
  MADRID_SCALE,
  renderDefinition,
  writeDefinition,
  type GenerateOptions,
} from "./generate";
import { runTenantChild } from "./tenantChild";

export interface RunFigures {
  run: number;
  label: string;
  wallMs: number;
  peakRssBytes: number;
  exitCode: number | null;
}

/** Runs `tenant validate --dir <dir>` once in a child node and measures it. */
export function timeValidate(dir: string, run: number, workDir: string): RunFigures {
  const rssFile = join(workDir, `rss-${run}.txt`);
  const tmp = join(workDir, "tmp");
  mkdirSync(tmp, { recursive: true });
  // tsx caches compiled sources under the temp dir: a private one makes run 1 really cold.
  const child = runTenantChild(["validate", "--dir", dir], {
    rssFile,
    env: { TMPDIR: tmp },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) {
    process.stderr.write(child.stdout + child.stderr);
  }
  return {
    run,
    label: run === 1 ? "cold" : "warm",
    wallMs: child.wallMs,
    peakRssBytes: child.peakBytes,
    exitCode: child.status,
  };
}

export function formatTable(rows: readonly RunFigures[]): string {
  const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
  const lines = [
    "run  cache  wall time   peak RSS   exit",
    ...rows.map(
      (r) =>
        `${String(r.run).padStart(3)}  ${r.label.padEnd(5)}  ${(r.wallMs / 1000).toFixed(2).padStart(7)} s  ` +
        `${mb(r.peakRssBytes).padStart(6)} MB   ${r.exitCode ?? "signal"}`,
    ),
  ];
  return lines.join("\n") + "\n";
}

function integer(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("must be a whole number");
  return Number(value);
}

export function main(argv: string[]): number {
  const opts = new Command("bench:validate")
    .option("--runs <n>", "runs (the first is cold)", integer, 3)
    .option("--departments <n>", "departments", integer, MADRID_SCALE.departments)
    .option("--users <n>", "users", integer, MADRID_SCALE.users)
    .option("--numbers <n>", "numbers", integer, MADRID_SCALE.numbers)
    .option("--seed <n>", "seed", integer, MADRID_SCALE.seed)
    .option("--keep", "keep the generated folder")
    .parse(argv, { from: "user" })
    .opts<GenerateOptions & { runs: number; keep?: boolean }>();

  const work = mkdtempSync(join(tmpdir(), "tenant-bench-"));
  const dir = join(work, "definition");
  try {
    const genStart = process.hrtime.bigint();
    const def = generateDefinition(opts);
    writeDefinition(dir, renderDefinition(def));
    const genMs = Number(process.hrtime.bigint() - genStart) / 1e6;
    const rows = Object.values(def.numbers).reduce((s, r) => s + r.length, 0);
    process.stdout.write(
      `tenant validate on ${def.departments.length} departments, ${opts.users} users, ${rows} numbers ` +
        `(seed ${opts.seed}; generated in ${(genMs / 1000).toFixed(2)} s into ${dir})\n` +
        `node ${process.version}, ${process.platform}/${process.arch}\n\n`,
    );
    const figures: RunFigures[] = [];
    for (let run = 1; run <= opts.runs; run++) figures.push(timeValidate(dir, run, work));
    process.stdout.write(formatTable(figures));
    process.stdout.write("\ntarget: under 3 s and under 300 MB per run\n");
    return figures.every((f) => f.exitCode === 0) ? 0 : 1;
  } finally {
    if (opts.keep) process.stdout.write(`kept ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
