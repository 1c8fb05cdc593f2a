/**
 * Time as the Graph client sees it. Injected so that tests (and the emulator's controllable clock) can
 * drive retries without sleeping for real: a test passes a fake whose sleep records the delay and advances now().
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds (or, for a fake, immediately after recording them). */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
