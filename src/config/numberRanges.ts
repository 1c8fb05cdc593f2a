import type { NumberRange } from "./schema/telephony";

/** Size of a range (inclusive), or 0 when it is malformed (end before start, or lengths differ). */
export function rangeSize(range: Pick<NumberRange, "start" | "end">): number {
  if (range.start.length !== range.end.length) return 0;
  const size = BigInt(range.end.slice(1)) - BigInt(range.start.slice(1)) + 1n;
  return size > 0n ? Number(size) : 0;
}

/** Whether an E.164 number lies within a range: same length, and between start and end. */
export function rangeContains(range: Pick<NumberRange, "start" | "end">, number: string): boolean {
  // Equal-length digit strings compare like the numbers they spell.
  return number.length === range.start.length && number >= range.start && number <= range.end;
}

/** The first of `ranges` that contains `number`. */
export function findRange<R extends Pick<NumberRange, "start" | "end">>(
  ranges: readonly R[],
  number: string,
): R | undefined {
  return ranges.find((r) => rangeContains(r, number));
}

/** Whether two ranges share at least one number. */
export function rangesOverlap(
  a: Pick<NumberRange, "start" | "end">,
  b: Pick<NumberRange, "start" | "end">,
): boolean {
  return a.start.length === b.start.length && a.start <= b.end && b.start <= a.end;
}
