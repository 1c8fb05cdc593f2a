import { SecretValue } from "../render/graph";

/**
 * Value helpers of the diff engine. Secrets are compared by what they hide (a rotated secret is a change) but
 * every value that leaves this module for printing goes through `printable`, which masks them as `[secret]`.
 */

/** Deep equality of rendered input values; a SecretValue equals another SecretValue with an equal value. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof SecretValue || b instanceof SecretValue) {
    return a instanceof SecretValue && b instanceof SecretValue && sameValue(a.value, b.value);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    for (const k of ka) if (!sameValue(a[k], b[k])) return false;
    return true;
  }
  return false;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof SecretValue);
}

/** True when the value is or contains a secret (a whole object under a secret prints as `[secret]`). */
export function containsSecret(v: unknown): boolean {
  if (v instanceof SecretValue) return true;
  if (Array.isArray(v)) return v.some(containsSecret);
  if (isRecord(v)) return Object.values(v).some(containsSecret);
  return false;
}

/** A JSON-safe copy with secrets masked: what formatters and the JSON output receive. */
export function printable(v: unknown): unknown {
  if (v instanceof SecretValue) return "[secret]";
  if (Array.isArray(v)) return v.map(printable);
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, printable(x)]));
  return v;
}

/** A short one-line rendering of a printable value for a table cell; long values are cut with `…`. */
export function brief(v: unknown, max = 60): string {
  if (v === undefined) return "—";
  const text = typeof v === "string" ? JSON.stringify(v) : JSON.stringify(printable(v));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
