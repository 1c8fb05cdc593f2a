/**
 * Reading what the driver returns: `ConvertTo-Json` of the module's objects (reference §3), or the emulator's
 * rendering of them. Both are tolerated: a result may be an array, one object, or null; property names are
 * matched case-insensitively; policy identities carry a `Tag:` prefix except `Global`.
 */

export type PsObject = Record<string, unknown>;

/** `@()`-wrapped output, a single object (New-* in the emulator) or nothing (Set/Remove) → a list. */
export function resultObjects(result: unknown): PsObject[] {
  if (result === null || result === undefined) return [];
  const list = Array.isArray(result) ? result : [result];
  return list.filter((x): x is PsObject => typeof x === "object" && x !== null && !Array.isArray(x));
}

/** A property by name, case-insensitively (PowerShell objects are; JSON keeps whatever casing the type had). */
export function prop(o: PsObject, name: string): unknown {
  if (name in o) return o[name];
  const lower = name.toLowerCase();
  const key = Object.keys(o).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : o[key];
}

export function stringProp(o: PsObject, name: string): string | undefined {
  const v = prop(o, name);
  if (v === null || v === undefined) return undefined;
  return typeof v === "string" ? v : String(v);
}

/** `Tag:Name` → `Name`; `Global` and plain names unchanged. */
export function stripTag(identity: string): string {
  return /^tag:/i.test(identity) ? identity.slice(4) : identity;
}

/**
 * A list property: arrays as they are; a lone value (ConvertTo-Json unwraps one-element collections in some
 * module versions, the M365DSC #7050 false-drift) as a one-element list; null as empty.
 */
export function listProp(o: PsObject, name: string): unknown[] {
  const v = prop(o, name);
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/** Only the given keys, in the given casing, dropping those the object does not have. */
export function pick(o: PsObject, keys: readonly string[]): PsObject {
  const out: PsObject = {};
  for (const k of keys) {
    const v = prop(o, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}
