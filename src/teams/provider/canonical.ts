/**
 * Setting values in one comparable form, so "only what changed" is decided on meaning, not on how the
 * module happened to print a value: `null`/absent are the same (a setting Teams does not show is unset),
 * object keys are sorted, and list ORDER IS KEPT — for normalization rules, PSTN usages of a routing policy
 * and emergency numbers the order is the priority, so a reorder is a change (the M365DSC dial-plan bugs of
 * graph-teams-licensing.md §4.4 came from treating them as sets or single values).
 */

export function canonical(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as Record<string, unknown>).sort()) {
      const v = canonical((value as Record<string, unknown>)[key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** The owned settings whose live value differs from the desired one: what a Set must carry, nothing more. */
export function settingsDelta(
  desired: Record<string, unknown>,
  live: Record<string, unknown>,
): Record<string, unknown> {
  const delta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired)) {
    if (!sameValue(value, live[key])) delta[key] = value;
  }
  return delta;
}

/** The live values of the given (owned) keys only; other settings belong to whoever set them. */
export function ownedView(live: Record<string, unknown>, keys: Iterable<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = canonical(live[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Drops unset settings (`undefined`, `null`, empty optional lists marked by the caller) before sending. */
export function definedOnly(settings: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined && v !== null));
}

/** `allowPrivateCalling` → `AllowPrivateCalling`: the definition's camelCase names are the cmdlet parameters. */
export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Properties of a policy resource that are not settings: its identity and the provider's bookkeeping. */
const NOT_SETTINGS = new Set(["name", "kind", "settings", "__provider"]);

/**
 * Every setting the definition sets, camelCase → `-PascalCase`, except those the spec maps itself (`mapped`: lists
 * Teams keeps in another shape, renamed parameters). A setting added to a policy's schema reaches the cmdlet with
 * no other change (CONTRIBUTING "Add a setting to a Teams policy").
 */
export function plainSettings(inputs: object, mapped: readonly string[] = []): Record<string, unknown> {
  return definedOnly(
    Object.fromEntries(
      Object.entries(inputs)
        .filter(([k]) => !NOT_SETTINGS.has(k) && !mapped.includes(k))
        .map(([k, v]) => [pascal(k), v]),
    ),
  );
}
