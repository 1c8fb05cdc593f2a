/**
 * `npm run bench:scale`: how the offline commands grow with the tenant (#18). Generates a Madrid-scale definition
 * (50 departments, 27,000 users, 25,000 numbers) and one `--factor` times larger (default 5: 250, 135,000,
 * 125,000), commits each to a git repository, hands one number to a new colleague, then runs in a child node with
 * the peak-RSS preload:
 *   - `tenant validate`
 *   - `tenant plan --format json` (validate + render)
 *   - `tenant plan --base HEAD --format markdown` (both definitions validated and rendered, diffed, formatted)
 *   - the same with `--forecast` (the apply forecast of #17: an emulator holding the base applied, the providers run)
 * and prints wall time and peak RSS of each at both sizes with the large-to-small ratio, the machine's load
 * average before each run, and the targets of #18. Nothing asserts: the figures are for people to read.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { generateDefinition, MADRID_SCALE, renderDefinition, writeDefinition } from "./generate";
import { commitAll, moveOneNumber } from "./oneUserChange";
import { runTenantChild } from "./tenantChild";

interface Figures {
  wallMs: number;
  peakBytes: number;
  status: number | null;
  load: number;
}

/** `tenant plan --base HEAD` of the one-user change, as the PR comment, to a file beside the definition. */
function planBase(dir: string, extra: string[], out: string): string[] {
  return [
    "plan",
    "--dir",
    dir,
    "--base",
    "HEAD",
    ...extra,
    "--format",
    "markdown",
    "--out",
    join(dir, "..", out),
  ];
}

const COMMANDS = [
  { name: "validate", args: (dir: string) => ["validate", "--dir", dir], target: "≤ 3 s at N×" },
  {
    name: "plan",
    args: (dir: string) => ["plan", "--dir", dir, "--format", "json", "--out", join(dir, "..", "plan.json")],
    target: "≤ 400 MB at 1×; ≤ 10 s and 1 GB at N×",
  },
  {
    name: "plan --base (one user)",
    args: (dir: string) => planBase(dir, [], "plan.md"),
    target: "≤ 10 s and 500 MB at 1×; ≤ 15 s and 1.5 GB at N×",
  },
  {
    // Opt-in (#17): the same plan, plus the apply forecast on an emulator holding the base applied.
    name: "plan --base --forecast (one user)",
    args: (dir: string) => planBase(dir, ["--forecast"], "plan-forecast.md"),
    target: "no target (opt-in); the figure is what the forecast adds",
  },
] as const;

/** A definition of `factor` times Madrid in a fresh git repository, committed, with one number handed on. */
function prepare(factor: number, seed: number): { work: string; dir: string } {
  const work = mkdtempSync(join(tmpdir(), `tenant-bench-scale-${factor}x-`));
  const dir = join(work, "stacks", "city");
  writeDefinition(
    dir,
    renderDefinition(
      generateDefinition({
        departments: MADRID_SCALE.departments * factor,
        users: MADRID_SCALE.users * factor,
        numbers: MADRID_SCALE.numbers * factor,
        seed,
      }),
    ),
  );
  commitAll(work, "definition");
  moveOneNumber(dir);
  return { work, dir };
}

function run(args: readonly string[], work: string): Figures {
  const load = loadavg()[0]!;
  const child = runTenantChild(args, { rssFile: join(work, "rss.txt") });
  if (child.status !== 0) process.stderr.write(`${args.join(" ")}: exit ${child.status}\n${child.stderr}`);
  return { wallMs: child.wallMs, peakBytes: child.peakBytes, status: child.status, load };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;

export function main(argv = process.argv): number {
  const positive = (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 2) throw new InvalidArgumentError("must be a whole number >= 2");
    return n;
  };
  const opts = new Command("bench:scale")
    .option("--factor <n>", "how many times Madrid the large tenant is", positive, 5)
    .option("--seed <n>", "generator seed", (v) => Number(v), MADRID_SCALE.seed)
    .parse(argv)
    .opts<{ factor: number; seed: number }>();
  process.stdout.write(
    `bench:scale — 1× and ${opts.factor}× Madrid, node ${process.version}, ${cpus().length} CPUs, ` +
      `${new Date().toISOString()}\n\n`,
  );
  const sizes = [1, opts.factor].map((factor) => ({ factor, ...prepare(factor, opts.seed) }));
  let failed = false;
  try {
    const rows: string[] = [];
    for (const c of COMMANDS) {
      // Once untimed to fill tsx's compile cache, so neither size pays for compiling.
      run(c.args(sizes[0]!.dir), sizes[0]!.work);
      const [small, large] = sizes.map((size) => run(c.args(size.dir), size.work));
      failed ||= small!.status !== 0 || large!.status !== 0;
      rows.push(
        `| ${c.name} | ${s(small!.wallMs)} · ${mb(small!.peakBytes)} (load ${small!.load.toFixed(1)}) | ` +
          `${s(large!.wallMs)} · ${mb(large!.peakBytes)} (load ${large!.load.toFixed(1)}) | ` +
          `${(large!.wallMs / small!.wallMs).toFixed(2)}× time, ${(large!.peakBytes / small!.peakBytes).toFixed(2)}× memory | ${c.target} |`,
      );
    }
    process.stdout.write(
      `| command | 1× | ${opts.factor}× | ${opts.factor}× / 1× | target |\n|---|---|---|---|---|\n${rows.join("\n")}\n`,
    );
  } finally {
    for (const size of sizes) rmSync(size.work, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

if (require.main === module) process.exitCode = main();
