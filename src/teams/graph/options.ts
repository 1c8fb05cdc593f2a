import { systemClock, type Clock } from "../../graph";

/**
 * Bounds of the Graph Teams adapter. Number operations are asynchronous (graph-teams-licensing.md §2.5): each
 * is started, then polled with backoff until it ends; `concurrency` caps how many are in flight at once so a
 * department of 2,000 numbers does not become 2,000 simultaneous operations.
 */
export interface GraphTeamsAdminOptions {
  /** Number operations in flight at once (started and not yet finished). Default 8. */
  concurrency: number;
  /** `$top` of inventory pages (Graph's maximum is 1000). Default 1000. */
  pageSize: number;
  poll: PollOptions;
  /** Sleeps between polls; tests pass one that moves the emulator's clock. */
  clock: Clock;
  /**
   * JSON batching of number operations (§5.3): starts grouped `size` (≤ 20) per `$batch`, and their polls
   * grouped likewise, with `inFlight` groups at once. Undefined = one request per start and per poll.
   */
  batch?: BatchOptions;
  /**
   * Most numbers `findNumbers` looks up one by one (`telephoneNumber eq`, 20 per `$batch`); past it the whole
   * inventory is listed instead. Default 200: 10 batches, about what listing a 10,000-number inventory costs.
   */
  lookupLimit: number;
}

export interface BatchOptions {
  /** Operations per `$batch` (Graph's limit is 20). */
  size: number;
  /** Groups of `size` started and polled at once. */
  inFlight: number;
}

/** No poll interval is documented (§2.5 [I]): start short, double, cap, and give up after a bound. */
export interface PollOptions {
  /** Wait before the first poll. Default 1 s. */
  initialDelayMs: number;
  /** Each further wait is multiplied by this. Default 2. */
  factor: number;
  /** Ceiling of one wait. Default 15 s. */
  maxDelayMs: number;
  /** Polls per operation before it is reported as not finished. Default 30. */
  maxPolls: number;
  /** Time per operation (from its start) before it is reported as not finished. Default 10 min. */
  maxWaitMs: number;
}

export const DEFAULT_POLL_OPTIONS: Readonly<PollOptions> = Object.freeze({
  initialDelayMs: 1_000,
  factor: 2,
  maxDelayMs: 15_000,
  maxPolls: 30,
  maxWaitMs: 600_000,
});

export interface GraphTeamsAdminOverrides {
  concurrency?: number;
  pageSize?: number;
  poll?: Partial<PollOptions>;
  clock?: Clock;
  /** `true` = 20 per batch, 4 groups in flight. */
  batch?: boolean | Partial<BatchOptions>;
  lookupLimit?: number;
}

export function resolveOptions(overrides: GraphTeamsAdminOverrides = {}): GraphTeamsAdminOptions {
  const options: GraphTeamsAdminOptions = {
    concurrency: overrides.concurrency ?? 8,
    pageSize: overrides.pageSize ?? 1000,
    poll: { ...DEFAULT_POLL_OPTIONS, ...(overrides.poll ?? {}) },
    clock: overrides.clock ?? systemClock,
    lookupLimit: overrides.lookupLimit ?? 200,
  };
  if (overrides.batch) {
    const b = overrides.batch === true ? {} : overrides.batch;
    options.batch = { size: b.size ?? 20, inFlight: b.inFlight ?? 4 };
    if (!Number.isInteger(options.batch.size) || options.batch.size < 1 || options.batch.size > 20)
      throw new Error(
        `batch.size must be an integer from 1 to 20, Graph's $batch limit (got ${options.batch.size})`,
      );
    if (!Number.isInteger(options.batch.inFlight) || options.batch.inFlight < 1)
      throw new Error(`batch.inFlight must be an integer >= 1 (got ${options.batch.inFlight})`);
  }
  if (!Number.isInteger(options.lookupLimit) || options.lookupLimit < 0) {
    throw new Error(`lookupLimit must be an integer >= 0 (got ${options.lookupLimit})`);
  }
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
    throw new Error(`concurrency must be an integer >= 1 (got ${options.concurrency})`);
  }
  if (!Number.isInteger(options.pageSize) || options.pageSize < 1 || options.pageSize > 1000) {
    throw new Error(
      `pageSize must be an integer from 1 to 1000, Graph's $top limit (got ${options.pageSize})`,
    );
  }
  const p = options.poll;
  if (!Number.isInteger(p.maxPolls) || p.maxPolls < 1)
    throw new Error(`poll.maxPolls must be an integer >= 1 (got ${p.maxPolls})`);
  if (!(p.factor >= 1)) throw new Error(`poll.factor must be >= 1 (got ${p.factor})`);
  for (const k of ["initialDelayMs", "maxDelayMs", "maxWaitMs"] as const) {
    if (!(p[k] >= 0)) throw new Error(`poll.${k} must be a number >= 0 (got ${p[k]})`);
  }
  return options;
}

/** The wait before poll number `n` (1-based). */
export function pollDelayMs(n: number, poll: PollOptions): number {
  return Math.min(poll.maxDelayMs, poll.initialDelayMs * poll.factor ** (n - 1));
}
