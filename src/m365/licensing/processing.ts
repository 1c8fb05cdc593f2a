/**
 * Waiting for Entra to finish a group's licence processing. `assignLicense` answers 202 at once and members
 * are licensed in the background (graph-teams-licensing.md §1.3); only after `ProcessingComplete` do
 * `membersWithLicenseErrors` and the members' states mean anything. Polls with exponential backoff inside a
 * bound: a large group can take minutes, but a deployment must not hang on a tenant that is stuck.
 */

export const PROCESSING_COMPLETE = "ProcessingComplete";

export interface PollOptions {
  /** Give up after waiting this long in total (the sum of the waits). */
  timeoutMs: number;
  /** First wait after the write. */
  initialDelayMs: number;
  /** Ceiling of one wait. */
  maxDelayMs: number;
  /** Growth of the wait per poll. */
  factor: number;
  /** Injected so tests move a manual clock instead of sleeping. */
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_POLL: Omit<PollOptions, "sleep"> = {
  timeoutMs: 5 * 60_000,
  initialDelayMs: 2_000,
  maxDelayMs: 30_000,
  factor: 2,
};

export interface PollOutcome {
  /** The last state read. */
  state: string | undefined;
  complete: boolean;
  waitedMs: number;
  polls: number;
}

/**
 * Reads the state until it is ProcessingComplete or the bound is reached; never throws for a timeout. The
 * first read is immediate (a small group is often done by then), then waits grow from `initialDelayMs`.
 */
export async function waitForProcessing(
  read: () => Promise<string | undefined>,
  options: PollOptions,
): Promise<PollOutcome> {
  let waitedMs = 0;
  let polls = 0;
  let delay = options.initialDelayMs;
  for (;;) {
    const state = await read();
    polls += 1;
    if (state === PROCESSING_COMPLETE) return { state, complete: true, waitedMs, polls };
    const wait = Math.min(delay, options.maxDelayMs, options.timeoutMs - waitedMs);
    if (wait <= 0) return { state, complete: false, waitedMs, polls };
    await options.sleep(wait);
    waitedMs += wait;
    delay = Math.max(1, delay * options.factor);
  }
}
