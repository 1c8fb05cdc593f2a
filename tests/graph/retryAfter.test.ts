import { parseRetryAfterMs } from "../../src/graph";

describe("parseRetryAfterMs", () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  it.each([
    ["10", 10_000],
    ["2.128", 2128],
    ["0.0005", 1],
    [" 3 ", 3000],
    ["0", 0],
  ])("reads seconds %p as %p ms", (value, ms) => {
    expect(parseRetryAfterMs(value, now)).toBe(ms);
  });

  it("reads an HTTP-date relative to now, never negative", () => {
    expect(parseRetryAfterMs("Thu, 01 Jan 2026 12:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfterMs("Thu, 01 Jan 2026 11:59:00 GMT", now)).toBe(0);
  });

  it.each([undefined, null, "", "-1", "1e3", "soon", "Infinity"])(
    "ignores %p (falls back to backoff)",
    (value) => {
      expect(parseRetryAfterMs(value, now)).toBeUndefined();
    },
  );
});
