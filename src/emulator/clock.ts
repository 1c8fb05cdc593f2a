/**
 * Time as the emulator sees it. Write quotas, licence processing and error dates read it, so tests move
 * time forward instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Moves time forward (never back: quotas and jobs assume time only grows). */
  advance(ms: number): void;
}

/** Wall-clock time plus whatever `advance` added; what the CLI uses. */
export class SystemClock implements Clock {
  private offset = 0;

  now(): number {
    return Date.now() + this.offset;
  }

  advance(ms: number): void {
    assertForward(ms);
    this.offset += ms;
  }
}

/** A clock that only moves when told; what tests use. */
export class ManualClock implements Clock {
  constructor(private current = Date.UTC(2026, 0, 1, 8, 0, 0)) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    assertForward(ms);
    this.current += ms;
  }
}

function assertForward(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`clock.advance(${ms}): give a non-negative number of ms`);
}

/** ISO 8601 with a Z, as Graph writes DateTimeOffset values. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
