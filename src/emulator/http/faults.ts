/**
 * Fault injection for clients' retry logic and benchmarks. Every field may be changed while the emulator
 * runs (the object is read on each request). Rates are probabilities per Graph request, drawn from one
 * seeded generator, so a run with the same seed and the same request order sees the same faults.
 */
export interface FaultOptions {
  /** Seed of the fault generator (default 1). */
  seed?: number;
  /** Share of requests answered 429 TooManyRequests. */
  rate429?: number;
  /** Retry-After of injected 429s and 503s in seconds; fractions allowed (default 1). */
  retryAfter?: number;
  /** Share of injected 429/503 answers sent without Retry-After (clients must back off on their own). */
  retryAfterAbsentRate?: number;
  /** Share of requests answered 503 ServiceUnavailable. */
  rate503?: number;
  /** Delay added to responses, in real milliseconds (latency is not on the emulator clock). */
  slowMs?: number;
  /** Share of requests delayed by `slowMs` (default 1 when `slowMs` is set). */
  slowRate?: number;
  /** Share of requests whose connection is destroyed before anything is done or answered. */
  dropRate?: number;
  /** Share of writes that are carried out and then lose their response (the client cannot know). */
  dropAfterWriteRate?: number;
  /** Graph's write quota (3,000 writes per 150 s per app and tenant); on unless false. */
  quota?: boolean;
  /** Writes allowed per app and tenant in `writeWindowMs` (default 3,000). */
  writeLimit?: number;
  /** Quota window on the emulator clock (default 150,000 ms). */
  writeWindowMs?: number;
  /** Limit injected faults to route keys containing one of these strings (e.g. `assignLicense`). */
  routes?: string[];
}

export type InjectedFault = { kind: "drop" } | { kind: "503" | "429"; retryAfter: number | undefined };

/** Decides the fault for one request from one draw (plus one for Retry-After), or none. */
export function decideFault(
  faults: FaultOptions,
  routeKey: string,
  random: () => number,
  inBatch: boolean,
): InjectedFault | undefined {
  if (faults.routes && !faults.routes.some((r) => routeKey.includes(r))) return undefined;
  const drop = inBatch ? 0 : (faults.dropRate ?? 0);
  const r503 = faults.rate503 ?? 0;
  const r429 = faults.rate429 ?? 0;
  if (drop + r503 + r429 <= 0) return undefined;
  const r = random();
  if (r < drop) return { kind: "drop" };
  if (r >= drop + r503 + r429) return undefined;
  const absent = random() < (faults.retryAfterAbsentRate ?? 0);
  const retryAfter = absent ? undefined : (faults.retryAfter ?? 1);
  return { kind: r < drop + r503 ? "503" : "429", retryAfter };
}

export function shouldDelay(faults: FaultOptions, routeKey: string, random: () => number): number {
  const ms = faults.slowMs ?? 0;
  if (ms <= 0 || (faults.routes && !faults.routes.some((r) => routeKey.includes(r)))) return 0;
  return random() < (faults.slowRate ?? 1) ? ms : 0;
}

/** Retry-After as Graph writes it: whole seconds stay integers, fractions keep up to 3 decimals. */
export function formatRetryAfter(seconds: number): string {
  return String(Math.round(seconds * 1000) / 1000);
}
