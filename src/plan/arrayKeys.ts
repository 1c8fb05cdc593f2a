import { RESOURCE_TYPES } from "../resourceTypes";
import { isRecord } from "./values";

/**
 * Which field identifies an entry of an input array, so the diff is per entry (`assignments[+3491…]`) and an
 * insertion does not shift every index. The toolkit's batched resources are the contract (resourceTypes.ts:
 * "diffed per entry"); other arrays of objects are keyed by a unique `name` or `id` when every entry has one.
 */
const KNOWN: Record<string, Record<string, string>> = {
  [RESOURCE_TYPES.numberAssignments]: { assignments: "number" },
  [RESOURCE_TYPES.groupPolicyAssignments]: { assignments: "policyType" },
  [RESOURCE_TYPES.groupLicenses]: { licences: "skuPartNumber" },
};

const GENERIC_KEYS = ["name", "id"];

function uniqueKey(entries: readonly unknown[], key: string): boolean {
  const seen = new Set<string>();
  for (const e of entries) {
    if (!isRecord(e)) return false;
    const v = e[key];
    if (typeof v !== "string" && typeof v !== "number") return false;
    if (seen.has(String(v))) return false;
    seen.add(String(v));
  }
  return true;
}

/** The key field for the array at `path` of a `type` resource, or undefined to compare the array whole. */
export function arrayKeyFor(
  type: string,
  path: string,
  old: readonly unknown[],
  now: readonly unknown[],
): string | undefined {
  const known = KNOWN[type]?.[path];
  const candidates = known ? [known] : GENERIC_KEYS;
  return candidates.find((k) => uniqueKey(old, k) && uniqueKey(now, k));
}
