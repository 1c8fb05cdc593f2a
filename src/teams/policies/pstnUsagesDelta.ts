/**
 * The tenant has ONE global list of PSTN usages (`Set-CsOnlinePstnUsage -Identity global -Usage @{Add;Remove}`),
 * shared with whatever else the tenant runs (another team's Direct Routing, a carrier's setup). The toolkit
 * owns only the usages it ADDED: it records them, removes only those, and never touches a usage that was
 * there before it came. Usage names compare case-insensitively, as Teams does.
 */

const lower = (s: string) => s.toLowerCase();
const has = (list: readonly string[], item: string) => list.some((x) => lower(x) === lower(item));

export interface PstnUsagesPlan {
  add: string[];
  remove: string[];
  /** What the toolkit owns after the change: usages it added and still wants. */
  added: string[];
}

/**
 * `desired`: the definition's list; `live`: the tenant's list now; `addedBefore`: what earlier runs added.
 * Adds what is missing; removes what this toolkit added and the definition dropped (if still there).
 */
export function planPstnUsages(
  desired: readonly string[],
  live: readonly string[],
  addedBefore: readonly string[],
): PstnUsagesPlan {
  const add = dedupe(desired.filter((u) => !has(live, u)));
  const remove = addedBefore.filter((u) => !has(desired, u) && has(live, u));
  const keptAdded = addedBefore.filter((u) => has(desired, u) && has(live, u));
  return { add, remove, added: dedupe([...keptAdded, ...add]) };
}

function dedupe(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const u of list) if (!has(out, u)) out.push(u);
  return out;
}

/** Set equality, case-insensitive (the global list has no order that matters). */
export function sameUsages(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((u) => has(b, u)) && b.every((u) => has(a, u));
}

export { has as hasUsage };
