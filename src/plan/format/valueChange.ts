import type { Code } from "./describe";
import { brief } from "../values";

/**
 * A changed value in words a reviewer can check (#17): cutting both sides of a long value at the same width hid
 * the change (`["platform","actividades",… → ["platform","actividades",…`). Lists say what was added and removed;
 * long strings show the part that differs with a little context; strings are shown as written, without JSON
 * quotes or backslashes. Pure.
 */

/** Both sides of a string are shown whole up to this length; beyond it, only the changed part. */
export const SHORT_STRING = 48;
/** Characters of unchanged text kept on each side of the changed part. */
export const CONTEXT = 12;
/** List items named before "and N more". */
export const MAX_ITEMS = 5;

type Scalar = string | number | boolean | null;

const isScalar = (v: unknown): v is Scalar =>
  v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** One line, as written: line breaks become ↵ and other control characters � (they would break the line). */
function asWritten(s: string): string {
  if (s === "") return "(empty)";
  // eslint-disable-next-line no-control-regex
  return s.replace(/\r?\n/g, "↵").replace(/[\u0000-\u001f\u007f]/g, "\uFFFD");
}

/** Code points, so a cut never splits a character outside the Basic Multilingual Plane. */
const chars = (s: string) => Array.from(s);

function cut(c: readonly string[], max: number): string {
  return c.length > max ? `${c.slice(0, max - 1).join("")}…` : c.join("");
}

/** A scalar or list item as written: strings unescaped, the rest as JSON (`null`, `3`, `true`). */
function item(v: Scalar): string {
  return typeof v === "string" ? asWritten(v) : JSON.stringify(v);
}

/** A value on its own (a property added): strings as written and cut, anything else as brief JSON. */
export function describeValue(v: unknown, code: Code, max = SHORT_STRING): string {
  if (typeof v === "string") return code(cut(chars(asWritten(v)), max));
  return code(brief(v, max));
}

/** What is in `a` and not in `b`, counting repeats, in `a`'s order. */
function minus(a: readonly Scalar[], b: readonly Scalar[]): Scalar[] {
  const left = new Map<string, number>();
  for (const v of b) left.set(JSON.stringify(v), (left.get(JSON.stringify(v)) ?? 0) + 1);
  return a.filter((v) => {
    const k = JSON.stringify(v);
    const n = left.get(k) ?? 0;
    if (n === 0) return true;
    left.set(k, n - 1);
    return false;
  });
}

function items(list: readonly Scalar[], code: Code): string {
  const shown = list.slice(0, MAX_ITEMS).map((v) => code(item(v)));
  const more = list.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more.toLocaleString("en-GB")} more` : shown.join(", ");
}

/** "added `a`, `b`; removed `c`", or "same items, new order: …" when only the order changed. */
export function describeListChange(before: readonly Scalar[], after: readonly Scalar[], code: Code): string {
  const added = minus(after, before);
  const removed = minus(before, after);
  const parts: string[] = [];
  if (added.length > 0) parts.push(`added ${items(added, code)}`);
  if (removed.length > 0) parts.push(`removed ${items(removed, code)}`);
  return parts.length > 0 ? parts.join("; ") : `same items, new order: ${items(after, code)}`;
}

/**
 * `old → new` for short strings; for long ones the differing middle of each side with up to CONTEXT characters
 * of the unchanged text around it, and `…` where the text goes on.
 */
export function describeStringChange(before: string, after: string, code: Code): string {
  const a = chars(asWritten(before));
  const b = chars(asWritten(after));
  if (a.length <= SHORT_STRING && b.length <= SHORT_STRING)
    return `${code(a.join(""))} → ${code(b.join(""))}`;
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  const lead = `${prefix > CONTEXT ? "…" : ""}${a.slice(Math.max(0, prefix - CONTEXT), prefix).join("")}`;
  const side = (c: string[]) => {
    const middle = cut(c.slice(prefix, c.length - suffix), SHORT_STRING);
    const tail = c.slice(c.length - suffix, c.length - suffix + CONTEXT).join("");
    return `${lead}${middle}${tail}${suffix > CONTEXT ? "…" : ""}`;
  };
  return `${code(side(a))} → ${code(side(b))}`;
}

/** Any value change: lists of scalars and strings as above, anything else as brief JSON on both sides. */
export function describeValueChange(before: unknown, after: unknown, code: Code): string {
  if (Array.isArray(before) && Array.isArray(after) && before.every(isScalar) && after.every(isScalar))
    return describeListChange(before, after, code);
  if (typeof before === "string" && typeof after === "string")
    return describeStringChange(before, after, code);
  const one = (v: unknown) =>
    isScalar(v) ? code(cut(chars(item(v)), SHORT_STRING)) : describeValue(v, code);
  return `${one(before)} → ${one(after)}`;
}
