/**
 * What a phone-services resource keeps in state: one line per tenant object it applied,
 * `<kind> <key> <id> <hash>` (key URI-encoded, hash = 12 hex of the SHA-1 of the object as asked for), so the
 * diff compares hashes and `apply` knows each object's id without reading the tenant. Only what the diff and the
 * apply need: a Madrid-sized department (27 accounts, 25 attendants, 10 queues) is about 8 KB.
 *
 * After a partial failure the lines of the objects that failed keep their old hash (or are absent), so the next
 * diff shows them as changes and the next `up` applies just those (the number assignments' convergence).
 */
import { createHash } from "node:crypto";

/**
 * `schedule`: a schedule (PhoneSchedules: a shared schedule or one chunk of a holiday calendar; PhoneServices:
 * an attendant's own weekly hours); `queue`, `attendant`; `account` (the application instance), `assoc` (its
 * association, id = the configuration's name) and `number` (its number, id = `<number>|<numberType>`).
 */
export const HELD_KINDS = ["schedule", "queue", "attendant", "account", "assoc", "number"] as const;
export type HeldKind = (typeof HELD_KINDS)[number];

export interface HeldItem {
  kind: HeldKind;
  key: string;
  id: string;
  hash: string;
}

export type Held = Map<string, HeldItem>;

export const heldKey = (kind: HeldKind, key: string) => `${kind} ${key.toLowerCase()}`;

/** Canonical JSON (keys sorted, undefined dropped) → 12 hex characters of SHA-1. */
export function hashOf(value: unknown): string {
  return createHash("sha1").update(canonical(value)).digest("hex").slice(0, 12);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function decodeHeld(text: unknown): Held {
  const held: Held = new Map();
  if (typeof text !== "string") return held;
  for (const line of text.split("\n")) {
    const [kind, key, id, hash] = line.trim().split(" ");
    if (!hash || !(HELD_KINDS as readonly string[]).includes(kind)) continue;
    const item: HeldItem = {
      kind: kind as HeldKind,
      key: decodeURIComponent(key),
      id: decodeURIComponent(id),
      hash,
    };
    held.set(heldKey(item.kind, item.key), item);
  }
  return held;
}

/** Lines in a stable order (kind, then key), so an unchanged set writes the same text. */
export function encodeHeld(held: Held): string {
  return [...held.values()]
    .sort((a, b) =>
      a.kind !== b.kind
        ? HELD_KINDS.indexOf(a.kind) - HELD_KINDS.indexOf(b.kind)
        : a.key < b.key
          ? -1
          : a.key > b.key
            ? 1
            : 0,
    )
    .map((i) => `${i.kind} ${encodeURIComponent(i.key)} ${encodeURIComponent(i.id)} ${i.hash}`)
    .join("\n");
}

export function heldOf(held: Held, kind: HeldKind): HeldItem[] {
  return [...held.values()].filter((i) => i.kind === kind);
}
