/**
 * Where a `pulumi` run's time and memory go, by process: samples this process and its descendants from /proc
 * every 250 ms and attributes each process's CPU time and resident memory to what it is (the engine, the
 * language host, the program, the dynamic-provider host, the fake pwsh, this process with its emulator).
 * A process that exits between samples counts with its last sample, so CPU figures are lower bounds.
 * Linux only; elsewhere only this process's CPU is reported.
 */
import * as fs from "node:fs";

export const PROCESS_KINDS = [
  "engine (pulumi, Go)",
  "language host (Go)",
  "program (node)",
  "dynamic providers (node)",
  "fake pwsh (node)",
  "other",
  "bench + emulator (this process)",
] as const;
export type ProcessKind = (typeof PROCESS_KINDS)[number];

export interface Usage {
  /** Peak summed resident set size, bytes. */
  peakRss: number;
  /** CPU time (user + system), ms. */
  cpuMs: number;
  /** CPU time by kind of process, ms. */
  cpuByKind: Record<ProcessKind, number>;
  /** Peak resident set size of the largest process of each kind, bytes. */
  peakRssByKind: Record<ProcessKind, number>;
}

/** What a process is, from its command line (NUL-separated arguments). */
export function processKind(commandLine: string): ProcessKind {
  const args = commandLine.split("\0").filter((a) => a.length > 0);
  const joined = args.join(" ");
  if (joined.includes("fake-pwsh")) return "fake pwsh (node)";
  if (joined.includes("pulumi-language-nodejs")) return "language host (Go)";
  // The node host of dynamic providers: pulumi-resource-pulumi-nodejs execs node on the SDK's dynamic-provider.
  if (joined.includes("pulumi-resource-pulumi-nodejs") || joined.includes("dynamic-provider")) {
    return "dynamic providers (node)";
  }
  // The language host runs the program as `node … @pulumi/pulumi/cmd/run …`.
  if (joined.includes("cmd/run")) return "program (node)";
  if (args[0] !== undefined && /(^|\/)pulumi$/.test(args[0])) return "engine (pulumi, Go)";
  return "other";
}

const zeroes = (): Record<ProcessKind, number> =>
  Object.fromEntries(PROCESS_KINDS.map((k) => [k, 0])) as Record<ProcessKind, number>;

/** Starts sampling; the returned function stops and returns the figures since the start. */
export function usageSampler(): () => Usage {
  const pageSize = 4096;
  const tickMs = 10; // USER_HZ is 100 on Linux
  const cpuStart = process.cpuUsage();
  const ticks = new Map<number, { kind: ProcessKind; ticks: number }>();
  const peakRssByKind = zeroes();
  const proc = fs.existsSync("/proc/self/statm");
  const read = (file: string): string | undefined => {
    try {
      return fs.readFileSync(file, "utf8");
    } catch {
      return undefined; // ended between readdir and read
    }
  };
  const stat = (pid: number): string[] | undefined => {
    // The command name is in parentheses and may hold spaces: fields are counted after it.
    const text = read(`/proc/${pid}/stat`);
    return text?.slice(text.lastIndexOf(")") + 2).split(" ");
  };
  const rss = (pid: number): number => Number(read(`/proc/${pid}/statm`)?.split(" ")[1] ?? 0) * pageSize;
  let peak = 0;
  const sample = () => {
    if (!proc) return;
    const fields = new Map<number, string[]>();
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const f = stat(Number(entry));
      if (f) fields.set(Number(entry), f);
    }
    const family: number[] = [];
    const frontier = [process.pid];
    while (frontier.length > 0) {
      const parent = String(frontier.pop());
      for (const [pid, f] of fields) {
        if (f[1] === parent) {
          family.push(pid);
          frontier.push(pid);
        }
      }
    }
    let total = rss(process.pid);
    peakRssByKind["bench + emulator (this process)"] = Math.max(
      peakRssByKind["bench + emulator (this process)"],
      total,
    );
    // Fields after the name: state ppid … utime is the 12th, stime the 13th (0-based 11 and 12).
    for (const pid of family) {
      const f = fields.get(pid) as string[];
      const kind = ticks.get(pid)?.kind ?? processKind(read(`/proc/${pid}/cmdline`) ?? "");
      ticks.set(pid, { kind, ticks: Number(f[11]) + Number(f[12]) });
      const bytes = rss(pid);
      total += bytes;
      peakRssByKind[kind] = Math.max(peakRssByKind[kind], bytes);
    }
    peak = Math.max(peak, total);
  };
  sample();
  const timer = setInterval(sample, 250);
  return () => {
    clearInterval(timer);
    sample();
    const own = process.cpuUsage(cpuStart);
    const cpuByKind = zeroes();
    cpuByKind["bench + emulator (this process)"] = (own.user + own.system) / 1000;
    for (const { kind, ticks: t } of ticks.values()) cpuByKind[kind] += t * tickMs;
    const cpuMs = Object.values(cpuByKind).reduce((n, ms) => n + ms, 0);
    return { peakRss: peak, cpuMs, cpuByKind, peakRssByKind };
  };
}
