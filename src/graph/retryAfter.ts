/**
 * Parses an HTTP `Retry-After` value into milliseconds.
 *
 * Graph sends whole seconds (`10`) and, in older samples, fractional seconds (`2.128`); RFC 9110 also allows an
 * HTTP-date. The SDK's RetryHandler accepts both too, but we run our own retry loop (see docs/graph.md), so the
 * parsing lives here as a pure function. Returns undefined for a missing or unusable value so that callers fall
 * back to exponential backoff.
 */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  const text = value.trim();
  if (text === "") {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(text)) {
    // Round up: waiting a fraction of a millisecond too little can earn another 429.
    return Math.ceil(Number(text) * 1000);
  }
  // Only an IMF-fixdate-like value with letters counts as a date; "-1" or "1e3" must not be read as one.
  if (!/[a-z]/i.test(text)) {
    return undefined;
  }
  const at = Date.parse(text);
  if (Number.isNaN(at)) {
    return undefined;
  }
  return Math.max(0, at - nowMs);
}
