/**
 * `diff`: compares only the real properties, normalised, so neither a reordered definition nor a new build
 * of the provider code (a different `__provider` text) shows as a change (pulumi-offline.md §3.2).
 * Only a different group replaces: the licences belong to the group, so moving them means removing them
 * from the old group and assigning them to the new one. Everything else is an in-place update.
 */
import { isUnknown, normalizeLicences } from "./inputs";
import type { Licence } from "./types";

export interface LicensingDiff {
  changes: boolean;
  replaces: string[];
  /** The properties that differ, for tests and logs (DiffResult has no detailedDiff). */
  changed: string[];
}

type Props = Record<string, unknown>;

export function diffGroupLicenses(olds: Props, news: Props): LicensingDiff {
  const changed: string[] = [];
  const replaces: string[] = [];
  // An unknown group id (its group is being created or replaced) may be a different group: replace.
  if (isUnknown(news.groupId) || !sameId(olds.groupId, news.groupId)) {
    changed.push("groupId");
    replaces.push("groupId");
  }
  if (olds.department !== news.department) changed.push("department");
  if (isUnknown(news.headcount) || olds.headcount !== news.headcount) changed.push("headcount");
  if (canonical(olds.licences) !== canonical(news.licences)) changed.push("licences");
  return { changes: changed.length > 0, replaces, changed };
}

function sameId(a: unknown, b: unknown): boolean {
  return typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();
}

function canonical(licences: unknown): string {
  if (!Array.isArray(licences)) return JSON.stringify(licences ?? null);
  return JSON.stringify(
    normalizeLicences(
      (licences as Partial<Licence>[]).map((l) => ({
        skuPartNumber: String(l.skuPartNumber),
        disabledPlans: Array.isArray(l.disabledPlans) ? l.disabledPlans : [],
        seatsOwned: typeof l.seatsOwned === "number" ? l.seatsOwned : 0,
      })),
    ),
  );
}
