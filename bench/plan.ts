/**
 * `npm run bench:plan`: the pull-request plan at Madrid scale. Generates the definition (bench/generate: 50
 * departments, 27,000 users, 25,000 numbers) into a temporary git repository, commits it, gives one user's
 * number to a new colleague (a one-user change), then runs `tenant plan --base HEAD --format markdown` in a child
 * node and prints its wall time and peak RSS: start-up, materialising the base from git, validating and rendering
 * BOTH definitions, diffing, policies and the markdown. Target: under 10 s. Then the two renders alone,
 * in-process. Nothing asserts.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { materializeBase } from "../src/plan/gitBase";
import { renderTenant } from "../src/render/renderer";
import { loadValidDefinition } from "../src/stackConfig";
import { generateDefinition, MADRID_SCALE, renderDefinition, writeDefinition } from "./generate";
import { commitAll, moveOneNumber } from "./oneUserChange";
import { runTenantChild } from "./tenantChild";

const mb = (b: number) => (b / 1024 / 1024).toFixed(0);

async function rendersInProcess(base: string, head: string): Promise<string> {
  const settings = {
    layers: ["landingZone", "identity", "m365", "teamsVoice"] as const,
    budgetStartDate: "2026-11-01T00:00:00Z",
    environment: "bench",
  };
  const defs = [loadValidDefinition(base), loadValidDefinition(head)];
  const rss = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  let registrations = 0;
  for (const d of defs)
    registrations += (await renderTenant(d, { ...settings, layers: [...settings.layers] })).graph.resources
      .length;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return (
    `both renders alone (in-process, after loading and validating): ${(ms / 1000).toFixed(2)} s, ` +
    `${registrations} registrations, RSS ${mb(rss)} → ${mb(process.memoryUsage().rss)} MB ` +
    `(process peak ${mb(process.resourceUsage().maxRSS * 1024)} MB)\n`
  );
}

export async function main(): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), "tenant-bench-plan-"));
  const dir = join(work, "stacks", "madrid");
  try {
    writeDefinition(dir, renderDefinition(generateDefinition(MADRID_SCALE)));
    commitAll(work, "Madrid-scale definition");
    const moved = moveOneNumber(dir);
    process.stdout.write(
      `tenant plan --base HEAD --format markdown at Madrid scale (${work})\none-user change: ${moved}\nnode ${process.version}, ${process.platform}/${process.arch}\n\n`,
    );
    const out = join(work, "plan.md");
    const child = runTenantChild(
      ["plan", "--dir", dir, "--base", "HEAD", "--format", "markdown", "--out", out],
      { rssFile: join(work, "rss.txt") },
    );
    const { wallMs: wall, peakBytes: peak } = child;
    if (child.status !== 0) process.stderr.write(child.stdout + child.stderr);
    const markdown = child.status === 0 ? readFileSync(out, "utf8") : "";
    process.stdout.write(
      `whole command (both definitions validated and rendered): ${(wall / 1000).toFixed(2)} s, peak RSS ${mb(peak)} MB, exit ${child.status}\n` +
        `markdown: ${markdown.length} characters, ${markdown.trimEnd().split("\n").length} lines\n`,
    );
    process.stdout.write(markdown.replace(/^/gm, "  | ") + "\n");
    // The in-process renders read the base from git the way the command does.
    const base = materializeBase(dir, "HEAD");
    try {
      process.stdout.write(await rendersInProcess(base.dir!, dir));
    } finally {
      base.cleanup();
    }
    return child.status ?? 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
