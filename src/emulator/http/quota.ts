import type { Clock } from "../clock";

/**
 * Graph's identity write limits (graph-teams-licensing.md §5.2) as sliding windows on the emulator clock:
 * 3,000 writes per 150 s per app and tenant, and 18,000 per 5 min per tenant.
 */
export class WriteQuota {
  private readonly perApp = new Map<string, number[]>();
  private readonly perTenant: number[] = [];

  constructor(private readonly clock: Clock) {}

  /** Records a write, or refuses it with the seconds until the oldest write in the window expires. */
  tryWrite(
    app: string,
    appLimit = 3000,
    appWindowMs = 150_000,
    tenantLimit = 18_000,
    tenantWindowMs = 300_000,
  ): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.clock.now();
    const log = this.perApp.get(app) ?? [];
    this.perApp.set(app, log);
    prune(log, now - appWindowMs);
    prune(this.perTenant, now - tenantWindowMs);
    if (log.length >= appLimit)
      return { ok: false, retryAfterSeconds: waitSeconds(log[log.length - appLimit], appWindowMs, now) };
    if (this.perTenant.length >= tenantLimit) {
      return {
        ok: false,
        retryAfterSeconds: waitSeconds(
          this.perTenant[this.perTenant.length - tenantLimit],
          tenantWindowMs,
          now,
        ),
      };
    }
    log.push(now);
    this.perTenant.push(now);
    return { ok: true };
  }

  reset(): void {
    this.perApp.clear();
    this.perTenant.length = 0;
  }
}

function prune(log: number[], before: number): void {
  let i = 0;
  while (i < log.length && log[i] <= before) i++;
  if (i > 0) log.splice(0, i);
}

function waitSeconds(oldest: number, windowMs: number, now: number): number {
  return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
}
