import type { ReleasedNumber } from "./schema/releasedNumbers";

/** Today's date as the ledger writes dates (UTC, YYYY-MM-DD). */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** `date` (YYYY-MM-DD) plus `days`, as YYYY-MM-DD; UTC so no daylight-saving day is 23 hours. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A number still in quarantine: the release that keeps it there, and the first day it may be assigned again. */
export interface Quarantined<W> {
  number: string;
  releasedOn: string;
  /** First day the number is free again: releasedOn + quarantineDays. */
  freeOn: string;
  /** Where the release is written (e.g. the ledger's line). */
  where: W;
}

/**
 * The numbers released fewer than `quarantineDays` days before `today`. Released on day D with 90 days, a number
 * is quarantined up to D+89 and free on D+90. A number released twice counts from its latest release.
 */
export function quarantinedNumbers<W>(
  releases: readonly { value: Pick<ReleasedNumber, "number" | "releasedOn">; where: W }[],
  quarantineDays: number,
  today: string,
): Map<string, Quarantined<W>> {
  const latest = new Map<string, { releasedOn: string; where: W }>();
  for (const { value, where } of releases) {
    const seen = latest.get(value.number);
    // ISO dates compare like the days they name.
    if (!seen || value.releasedOn > seen.releasedOn)
      latest.set(value.number, { releasedOn: value.releasedOn, where });
  }
  const out = new Map<string, Quarantined<W>>();
  for (const [number, { releasedOn, where }] of latest) {
    const freeOn = addDays(releasedOn, quarantineDays);
    if (today < freeOn) out.set(number, { number, releasedOn, freeOn, where });
  }
  return out;
}
