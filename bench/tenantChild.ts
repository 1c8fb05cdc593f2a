/**
 * One `tenant` command in a child node, measured: wall time, and peak RSS from bench/maxrss.js (preloaded; it
 * appends the child's RSS to BENCH_MAXRSS_FILE). Start-up, module loading and the command are all counted.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const PRELOAD = join(__dirname, "maxrss.js");

export interface TenantChildRun {
  wallMs: number;
  peakBytes: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface TenantChildOptions {
  /** Where the child's RSS samples go; emptied first. */
  rssFile: string;
  env?: NodeJS.ProcessEnv;
  maxBuffer?: number;
}

export function runTenantChild(args: readonly string[], opts: TenantChildOptions): TenantChildRun {
  writeFileSync(opts.rssFile, "");
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["-r", PRELOAD, join(ROOT, "bin", "tenant.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: opts.maxBuffer ?? 256 * 1024 * 1024,
    env: { ...process.env, ...opts.env, BENCH_MAXRSS_FILE: opts.rssFile },
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  return {
    wallMs,
    peakBytes: peakOf(opts.rssFile),
    status: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
  };
}

/** The highest RSS bench/maxrss.js wrote to `rssFile`. */
export function peakOf(rssFile: string): number {
  return Math.max(0, ...readFileSync(rssFile, "utf8").split("\n").filter(Boolean).map(Number));
}
