import { backoffDelayMs, DEFAULT_RETRY_OPTIONS, planRetry, resolveRetryOptions } from "../../src/graph";

describe("retry policy", () => {
  const options = resolveRetryOptions({
    baseDelayMs: 1000,
    maxDelayMs: 8000,
    maxAttempts: 5,
    maxElapsedMs: 60_000,
  });

  it("has sane defaults: 429/503/504, bounded attempts and time", () => {
    expect(DEFAULT_RETRY_OPTIONS.retryStatuses).toEqual([429, 503, 504]);
    expect(DEFAULT_RETRY_OPTIONS.maxAttempts).toBeGreaterThan(1);
    expect(DEFAULT_RETRY_OPTIONS.maxElapsedMs).toBeGreaterThan(0);
  });

  it("doubles the backoff step up to the ceiling, with equal jitter", () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffDelayMs(a, options, 0))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect([1, 2, 3, 4, 5].map((a) => backoffDelayMs(a, options, 0.999999))).toEqual([
      1000, 2000, 4000, 8000, 8000,
    ]);
  });

  it("prefers the server's Retry-After, even above the backoff ceiling", () => {
    expect(planRetry(options, { attempt: 1, elapsedMs: 0, retryAfterMs: 20_000 }, 0.5)).toEqual({
      retry: true,
      delayMs: 20_000,
      source: "retry-after",
    });
    expect(planRetry(options, { attempt: 2, elapsedMs: 0 }, 0.5)).toEqual({
      retry: true,
      delayMs: 1500,
      source: "backoff",
    });
  });

  it("stops at maxAttempts and before exceeding the time budget", () => {
    expect(planRetry(options, { attempt: 5, elapsedMs: 1234, retryAfterMs: 1 }, 0.5)).toEqual({
      retry: false,
      reason: "gave up after 5 attempts in 1.234 s",
    });
    expect(planRetry(options, { attempt: 2, elapsedMs: 59_000, retryAfterMs: 2000 }, 0.5)).toEqual({
      retry: false,
      reason:
        "gave up after 2 attempts in 59 s: waiting another 2 s (Retry-After) would exceed the 60 s retry budget",
    });
  });

  it("validates overrides", () => {
    expect(() => resolveRetryOptions({ maxAttempts: 0 })).toThrow(
      "retry.maxAttempts must be an integer >= 1",
    );
    expect(() => resolveRetryOptions({ baseDelayMs: -1 })).toThrow("retry.baseDelayMs must be a number >= 0");
  });
});
