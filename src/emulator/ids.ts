import { createHash } from "node:crypto";

/**
 * A name-based GUID (RFC 4122 version 5 layout over SHA-1): the same seed always gives the same ids, so a
 * re-seeded emulator, its tests and a persisted state agree on every object id.
 */
export function guidFrom(namespace: string, name: string): string {
  const h = createHash("sha1").update(`${namespace}\u0000${name}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(s: string): boolean {
  return GUID.test(s);
}
