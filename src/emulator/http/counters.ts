/** What one route saw. */
export interface RouteCounts {
  requests: number;
  /** Of `requests`, those that came inside a `$batch` (not an HTTP round trip of their own). */
  batched: number;
  /** Write requests the emulator carried out (reached the handler), whatever their status. */
  writes: number;
  /** Requests refused with 429 (injected or quota). */
  throttled: number;
  /** Injected 503s and dropped connections. */
  faulted: number;
  /** Responses by status code. */
  statuses: Record<string, number>;
}

export interface CounterSnapshot {
  requests: number;
  writes: number;
  throttled: number;
  faulted: number;
  /** Keyed by `METHOD /template`, e.g. `POST /v1.0/groups/{id}/assignLicense`. Requests inside a `$batch` count under their own route too. */
  byRoute: Record<string, RouteCounts>;
}

/** Requests and writes by route, for tests ("0 writes on re-run") and benchmarks. */
export class Counters {
  private byRoute = new Map<string, RouteCounts>();

  private get(key: string): RouteCounts {
    let c = this.byRoute.get(key);
    if (!c) {
      c = { requests: 0, batched: 0, writes: 0, throttled: 0, faulted: 0, statuses: {} };
      this.byRoute.set(key, c);
    }
    return c;
  }

  request(key: string, inBatch = false): void {
    const c = this.get(key);
    c.requests++;
    if (inBatch) c.batched++;
  }

  write(key: string): void {
    this.get(key).writes++;
  }

  throttled(key: string): void {
    this.get(key).throttled++;
  }

  faulted(key: string): void {
    this.get(key).faulted++;
  }

  status(key: string, status: number): void {
    const s = this.get(key).statuses;
    s[status] = (s[status] ?? 0) + 1;
  }

  snapshot(): CounterSnapshot {
    const byRoute: Record<string, RouteCounts> = {};
    const totals = { requests: 0, writes: 0, throttled: 0, faulted: 0 };
    for (const [key, c] of [...this.byRoute].sort(([a], [b]) => a.localeCompare(b))) {
      byRoute[key] = { ...c, statuses: { ...c.statuses } };
      totals.requests += c.requests;
      totals.writes += c.writes;
      totals.throttled += c.throttled;
      totals.faulted += c.faulted;
    }
    return { ...totals, byRoute };
  }

  reset(): void {
    this.byRoute = new Map();
  }
}
