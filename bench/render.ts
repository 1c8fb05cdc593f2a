/**
 * `npm run bench:render`: the offline renderer at Madrid scale (50 departments). Generates the definition with
 * bench/generate, then runs `tenant plan --dir <it> --format json` in a child node, several times, and prints
 * per run the wall time of the whole command, the time of the render alone, the resources rendered and the
 * child's peak RSS. Target (docs/architecture.md): under 5 s and 500 MB on a 2-core machine. Nothing asserts.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { renderTenant } from "../src/render/renderer";
import { loadValidDefinition } from "../src/stackConfig";
import { generateDefinition, MADRID_SCALE, renderDefinition, writeDefinition } from "./generate";
import { runTenantChild } from "./tenantChild";

interface RunFigures {
  run: number;
  wallMs: number;
  peakRssBytes: number;
  resources: number;
  exitCode: number | null;
}

/** One `tenant plan` in a child process, so start-up, module loading and the render are all counted. */
function timePlan(dir: string, run: number, workDir: string): RunFigures {
  const rssFile = join(workDir, `rss-${run}.txt`);
  const tmp = join(workDir, "tmp");
  mkdirSync(tmp, { recursive: true });
  const child = runTenantChild(["plan", "--dir", dir, "--format", "json"], {
    rssFile,
    env: { TMPDIR: tmp },
    maxBuffer: 512 * 1024 * 1024,
  });
  let resources = 0;
  if (child.status === 0) {
    resources = (JSON.parse(child.stdout) as { resources: unknown[] }).resources.length;
  } else {
    process.stderr.write(child.stdout + child.stderr);
  }
  return {
    run,
    wallMs: child.wallMs,
    peakRssBytes: child.peakBytes,
    resources,
    exitCode: child.status,
  };
}

function formatTable(rows: readonly RunFigures[]): string {
  const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
  return (
    [
      "run  wall time   peak RSS   resources  exit",
      ...rows.map(
        (r) =>
          `${String(r.run).padStart(3)}  ${(r.wallMs / 1000).toFixed(2).padStart(7)} s  ${mb(r.peakRssBytes).padStart(6)} MB` +
          `   ${String(r.resources).padStart(9)}  ${r.exitCode ?? "signal"}`,
      ),
    ].join("\n") + "\n"
  );
}

function integer(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("must be a whole number");
  return Number(value);
}

/** The render alone, in this process: no start-up, no validation; the figure to compare renderer changes by. */
async function timeRenderInProcess(dir: string): Promise<string> {
  const definition = loadValidDefinition(dir);
  const rssBefore = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  const { graph } = await renderTenant(definition, {
    layers: ["landingZone", "identity", "m365", "teamsVoice"],
    budgetStartDate: "2026-11-01T00:00:00Z",
    environment: "bench",
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
  return (
    `render only (in-process, after loading and validating): ${(ms / 1000).toFixed(2)} s, ` +
    `${graph.resources.length} registrations, RSS ${mb(rssBefore)} → ${mb(process.memoryUsage().rss)} MB ` +
    `(process peak ${mb(process.resourceUsage().maxRSS * 1024)} MB)\n`
  );
}

export async function main(argv: string[]): Promise<number> {
  const opts = new Command("bench:render")
    .option("--runs <n>", "runs (the first also fills tsx's compile cache)", integer, 3)
    .option("--departments <n>", "departments", integer, MADRID_SCALE.departments)
    .option("--seed <n>", "seed", integer, MADRID_SCALE.seed)
    .option("--keep", "keep the generated folder")
    .parse(argv, { from: "user" })
    .opts<{ runs: number; departments: number; seed: number; keep?: boolean }>();
  const work = mkdtempSync(join(tmpdir(), "tenant-bench-render-"));
  const dir = join(work, "definition");
  try {
    const def = generateDefinition({ ...MADRID_SCALE, departments: opts.departments, seed: opts.seed });
    writeDefinition(dir, renderDefinition(def));
    process.stdout.write(
      `tenant plan --format json on ${def.departments.length} departments (seed ${opts.seed}, ${dir})\n` +
        `node ${process.version}, ${process.platform}/${process.arch}\n\n`,
    );
    const figures: RunFigures[] = [];
    for (let run = 1; run <= opts.runs; run++) figures.push(timePlan(dir, run, work));
    process.stdout.write(formatTable(figures));
    process.stdout.write("\n" + (await timeRenderInProcess(dir)));
    return figures.every((f) => f.exitCode === 0) ? 0 : 1;
  } finally {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
