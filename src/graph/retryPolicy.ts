/**
 * When and how long to wait before another attempt. Pure: the caller supplies the attempt count, the time
 * spent so far, the server's Retry-After (if any) and a random number, and gets a decision back. Both the
 * single-request loop and the `$batch` inner-request loop use it, so one set of limits governs every retry.
 */
export interface RetryOptions {
  /** Total attempts per request, the first included. */
  maxAttempts: number;
  /** Give up rather than start a wait that would end later than this many ms after the first attempt. */
  maxElapsedMs: number;
  /** First backoff step when the server gives no Retry-After. */
  baseDelayMs: number;
  /** Ceiling for one computed backoff step (a server's Retry-After is honoured even above it). */
  maxDelayMs: number;
  /** HTTP statuses that mean "try again later". */
  retryStatuses: readonly number[];
  /** Abort one attempt (connect + response + body) after this many ms; the attempt then counts as a network failure. */
  attemptTimeoutMs: number;
}

export const DEFAULT_RETRY_OPTIONS: Readonly<RetryOptions> = Object.freeze({
  maxAttempts: 6,
  maxElapsedMs: 180_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  retryStatuses: Object.freeze([429, 503, 504]),
  attemptTimeoutMs: 60_000,
});

export function resolveRetryOptions(overrides: Partial<RetryOptions> | undefined): RetryOptions {
  const merged: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, ...(overrides ?? {}) };
  if (!Number.isInteger(merged.maxAttempts) || merged.maxAttempts < 1) {
    throw new Error(`retry.maxAttempts must be an integer >= 1 (got ${merged.maxAttempts})`);
  }
  for (const key of ["maxElapsedMs", "baseDelayMs", "maxDelayMs", "attemptTimeoutMs"] as const) {
    if (!(merged[key] >= 0)) {
      throw new Error(`retry.${key} must be a number >= 0 (got ${merged[key]})`);
    }
  }
  return merged;
}

export function isRetriableStatus(status: number, options: RetryOptions): boolean {
  return options.retryStatuses.includes(status);
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random. Keeps a floor (so a storm of
 * clients does not hammer at ~0 ms) while spreading them out. `attempt` is the number of attempts already made.
 */
export function backoffDelayMs(attempt: number, options: RetryOptions, random: number): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random);
}

export type RetryDecision =
  { retry: true; delayMs: number; source: "retry-after" | "backoff" } | { retry: false; reason: string };

export interface RetryState {
  /** Attempts already made (1 after the first failure). */
  attempt: number;
  /** Milliseconds since the first attempt started. */
  elapsedMs: number;
  /** The server's Retry-After, parsed; undefined when absent. */
  retryAfterMs?: number;
}

export function planRetry(options: RetryOptions, state: RetryState, random: number): RetryDecision {
  if (state.attempt >= options.maxAttempts) {
    return { retry: false, reason: `gave up after ${state.attempt} attempts in ${seconds(state.elapsedMs)}` };
  }
  const fromServer = state.retryAfterMs !== undefined;
  const delayMs = fromServer
    ? (state.retryAfterMs as number)
    : backoffDelayMs(state.attempt, options, random);
  if (state.elapsedMs + delayMs > options.maxElapsedMs) {
    return {
      retry: false,
      reason:
        `gave up after ${state.attempt} attempts in ${seconds(state.elapsedMs)}: waiting another ` +
        `${seconds(delayMs)}${fromServer ? " (Retry-After)" : ""} would exceed the ${seconds(options.maxElapsedMs)} retry budget`,
    };
  }
  return { retry: true, delayMs, source: fromServer ? "retry-after" : "backoff" };
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
