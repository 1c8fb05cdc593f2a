/**
 * `diff`: the set the tenant holds (`olds.assignments`, the outputs) against the set asked for, entry by
 * entry, order-insensitive, UPNs compared case-insensitively. Only real properties count, so a new build of
 * the provider (a different `__provider` text) is never a change (pulumi-offline.md §3.2). An entry's
 * emergency location counts through the Teams location it resolves to, so a re-created LIS location (same
 * definition id, new Teams id) is a change too. Only a different department replaces.
 */
import { isUnknown } from "../../m365/licensing/inputs";
import { upnKey } from "./inputs";
import type { NumberEntry } from "./types";

type Props = Record<string, unknown>;

export interface NumberAssignmentsDiff {
  changes: boolean;
  replaces: string[];
  /** Numbers whose entry is added, removed or changed (for tests and logs; DiffResult has no detailedDiff). */
  changedNumbers: string[];
}

export function diffNumberAssignments(olds: Props, news: Props): NumberAssignmentsDiff {
  const replaces = olds.department !== news.department ? ["department"] : [];
  const before = keyed(olds.assignments, olds.locationIds);
  const after = keyed(news.assignments, news.locationIds);
  const changedNumbers = [...new Set([...before.keys(), ...after.keys()])]
    .filter((n) => before.get(n) !== after.get(n))
    .sort();
  return { changes: replaces.length > 0 || changedNumbers.length > 0, replaces, changedNumbers };
}

/** number → canonical text of its entry (with the Teams location it maps to; `?` while unknown). */
function keyed(assignments: unknown, locationIds: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(assignments)) return out;
  for (const e of assignments as Partial<NumberEntry>[]) {
    const loc = String(e.emergencyLocation ?? "");
    out.set(
      String(e.number),
      JSON.stringify([
        upnKey(String(e.userPrincipalName ?? "")),
        e.numberType,
        e.category,
        loc,
        teamsLocation(locationIds, loc),
      ]),
    );
  }
  return out;
}

function teamsLocation(locationIds: unknown, loc: string): string | null {
  if (locationIds === undefined || locationIds === null) return null;
  // Not yet known (the address is being created): it may differ, so the entry counts as changed.
  if (isUnknown(locationIds)) return "?unknown";
  const id = (locationIds as Record<string, unknown>)[loc];
  return isUnknown(id) ? "?unknown" : typeof id === "string" ? id : null;
}
