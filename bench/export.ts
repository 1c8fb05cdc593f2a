/**
 * `npm run bench:export`: `tenant export` of a Madrid-scale tenant (50 departments, 27,000 users, 25,000
 * numbers). Generates the definition, starts the emulator in this process seeded APPLIED from it (as
 * `pulumi up` would leave the tenant) with the write quota off, then runs the real CLI,
 * `node bin/tenant.js export --graph <emulator> --out <dir>`, as a child process and prints its wall time,
 * the requests the emulator counted (Graph, and the PowerShell cmdlets the fake `pwsh` forwarded), the
 * child's peak RSS, whether the exported folder validates, and the round trip: drift of the original and of the
 * exported definition against the same tenant (read again in this process). Asserts nothing; target < 2 minutes.
 *
 *   npm run bench:export -- [--departments 50] [--users 27000] [--numbers 25000] [--seed 1] [--keep]
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { validateDefinition } from "../src/config/validate";
import { compareTenant } from "../src/drift";
import { startEmulator } from "../src/emulator";
import { createGraphClient } from "../src/graph";
import { readLiveTenant } from "../src/live/read";
import { createPowerShellTeamsAdmin } from "../src/teams/powershell";
import { generateDefinition, MADRID_SCALE, renderDefinition, type GenerateOptions } from "./generate";
import { peakOf } from "./tenantChild";

const ROOT = resolve(__dirname, "..");
const PRELOAD = join(__dirname, "maxrss.js");
const FAKE_PWSH = join(ROOT, "tests", "fakes", "fake-pwsh.js");

function integer(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("must be a whole number");
  return Number(value);
}

/** Runs the CLI as a child without blocking this process's event loop (the emulator answers it). */
function runChild(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, output }));
  });
}

async function main(): Promise<void> {
  const opts = new Command()
    .option("--departments <n>", "departments", integer, MADRID_SCALE.departments)
    .option("--users <n>", "users", integer, MADRID_SCALE.users)
    .option("--numbers <n>", "numbers", integer, MADRID_SCALE.numbers)
    .option("--seed <n>", "generator seed", integer, MADRID_SCALE.seed)
    .option("--keep", "keep the generated and exported folders")
    .parse()
    .opts<GenerateOptions & { keep?: boolean }>();
  const work = mkdtempSync(join(tmpdir(), "bench-export-"));
  const source = join(work, "definition");
  const out = join(work, "exported");
  try {
    for (const [file, text] of renderDefinition(generateDefinition(opts))) {
      const path = join(source, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
    let t = Date.now();
    const emu = await startEmulator({ seed: source, applied: true, faults: { quota: false } });
    const seedMs = Date.now() - t;
    const rssFile = join(work, "rss.txt");
    writeFileSync(rssFile, "");
    t = Date.now();
    const child = await runChild(
      ["-r", PRELOAD, join(ROOT, "bin", "tenant.js"), "export", "--graph", emu.url, "--out", out],
      {
        ...process.env,
        TENANT_GRAPH_CA_FILE: emu.caFile,
        TENANT_GRAPH_STATIC_TOKEN: "bench-export-token",
        TENANT_PWSH_PATH: FAKE_PWSH,
        BENCH_MAXRSS_FILE: rssFile,
      },
    );
    const wallMs = Date.now() - t;
    const counters = emu.counters.snapshot();
    // The round trip: drift of the original and of the exported definition against the same tenant.
    const env = {
      TENANT_GRAPH_ENDPOINT: emu.url,
      TENANT_GRAPH_CA_FILE: emu.caFile,
      TENANT_GRAPH_STATIC_TOKEN: "bench",
    };
    const powershellAdmin = createPowerShellTeamsAdmin({ pwshPath: FAKE_PWSH, env });
    const live = (await readLiveTenant({ graph: createGraphClient({ env }), powershell: powershellAdmin }))
      .tenant;
    await powershellAdmin.close();
    await emu.stop();
    const drift = (dir: string) => {
      const def = validateDefinition(dir).definition;
      return def ? String(compareTenant(def, live).entries.length) : "(invalid)";
    };
    const peak = peakOf(rssFile);
    const powershell = Object.entries(counters.byRoute)
      .filter(([k]) => k.startsWith("POWERSHELL "))
      .reduce((s, [, c]) => s + c.requests, 0);
    t = Date.now();
    const validation = child.code === 0 ? validateDefinition(out) : undefined;
    const validateMs = Date.now() - t;
    const report =
      child.code === 0 ? JSON.parse(readFileSync(join(out, "export-report.json"), "utf8")) : undefined;
    process.stdout.write(
      [
        `tenant export, ${opts.departments} departments, ${opts.users} users, ${opts.numbers} numbers (seed ${opts.seed})`,
        `  emulator seeded applied in   ${(seedMs / 1000).toFixed(1)} s (not part of the export)`,
        `  export wall time (child)     ${(wallMs / 1000).toFixed(1)} s   exit ${child.code}`,
        `  requests                     ${counters.requests - powershell} Graph (as the emulator counts them: each request inside a $batch once more), ${powershell} PowerShell cmdlets`,
        `  peak RSS (child)             ${(peak / 1024 / 1024).toFixed(0)} MB`,
        `  exported folder              ${validation ? `${validation.diagnostics.length} validation problems (validated in ${(validateMs / 1000).toFixed(1)} s)` : "not written"}`,
        ...(report ? [`  report entries               ${report.entries.length}`] : []),
        `  drift against the tenant     original definition: ${drift(source)}, exported: ${child.code === 0 ? drift(out) : "-"} differences`,
        "",
      ].join("\n"),
    );
    if (child.code !== 0) process.stdout.write(child.output);
  } finally {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
    else process.stdout.write(`kept ${work}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
