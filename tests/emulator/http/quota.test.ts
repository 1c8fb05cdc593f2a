import { ManualClock } from "../../../src/emulator";
import { WriteQuota } from "../../../src/emulator/http/quota";

/**
 * Graph's identity write limits as sliding windows (graph-teams-licensing.md §5.2, from
 * microsoftgraph/microsoft-graph-docs-contrib `concepts/throttling-limits.md`): 3,000 writes per 2 min 30 s per
 * app and tenant, 18,000 per 5 min per tenant; a refused write says when to retry.
 */
function writes(quota: WriteQuota, app: string, n: number, ...limits: number[]) {
  const verdicts = [];
  for (let i = 0; i < n; i++) verdicts.push(quota.tryWrite(app, ...limits));
  return verdicts;
}

describe("WriteQuota", () => {
  it("allows 3,000 writes per app in 150 s by default, then refuses with Retry-After", () => {
    const clock = new ManualClock();
    const quota = new WriteQuota(clock);
    expect(writes(quota, "app", 3000).every((v) => v.ok)).toBe(true);
    expect(quota.tryWrite("app")).toEqual({ ok: false, retryAfterSeconds: 150 });
    clock.advance(149_000);
    expect(quota.tryWrite("app")).toEqual({ ok: false, retryAfterSeconds: 1 });
    clock.advance(1_000);
    expect(quota.tryWrite("app")).toEqual({ ok: true });
  });

  it("slides: a write leaves the window as soon as it is older than the window", () => {
    const clock = new ManualClock();
    const quota = new WriteQuota(clock);
    expect(writes(quota, "app", 2, 2, 10_000).every((v) => v.ok)).toBe(true);
    clock.advance(4_000);
    expect(quota.tryWrite("app", 2, 10_000)).toEqual({ ok: false, retryAfterSeconds: 6 });
    clock.advance(6_000);
    expect(quota.tryWrite("app", 2, 10_000)).toEqual({ ok: true });
  });

  it("counts each app separately, and every app against the tenant's limit", () => {
    const clock = new ManualClock();
    const quota = new WriteQuota(clock);
    const limits = [2, 60_000, 3, 120_000];
    expect(writes(quota, "a", 2, ...limits).every((v) => v.ok)).toBe(true);
    expect(quota.tryWrite("a", ...limits)).toMatchObject({ ok: false });
    expect(quota.tryWrite("b", ...limits)).toEqual({ ok: true });
    expect(quota.tryWrite("c", ...limits)).toEqual({ ok: false, retryAfterSeconds: 120 });
  });

  it("does not record a refused write", () => {
    const clock = new ManualClock();
    const quota = new WriteQuota(clock);
    quota.tryWrite("a", 1, 10_000);
    clock.advance(5_000);
    expect(quota.tryWrite("a", 1, 10_000)).toMatchObject({ ok: false });
    clock.advance(5_000);
    expect(quota.tryWrite("a", 1, 10_000)).toEqual({ ok: true });
  });

  it("starts afresh after reset", () => {
    const quota = new WriteQuota(new ManualClock());
    writes(quota, "a", 2, 2);
    quota.reset();
    expect(quota.tryWrite("a", 2)).toEqual({ ok: true });
  });
});
