/**
 * `check`: the inputs validated entry by entry, with failures that name the entry (index, user and number),
 * and normalised (numbers with their '+', entries sorted by number) so `diff` and the state never depend on
 * the order of the definition's CSV. UPNs are data: any string is accepted and sent percent-encoded; a UPN
 * that names nobody is reported per entry when the resource is applied.
 */
import { isUnknown } from "../../m365/licensing/inputs";
import type { NumberAssignmentsArgsPlain, NumberEntry } from "./types";

export interface CheckFailure {
  property: string;
  reason: string;
}

/** E.164: '+', a country code not starting with 0, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{6,14}$/;
const NUMBER_TYPES = ["callingPlan", "directRouting", "operatorConnect"] as const;
const CATEGORIES = ["primary", "private", "alternate"] as const;

export const upnKey = (upn: string) => upn.toLowerCase();

export function sortEntries(entries: readonly NumberEntry[]): NumberEntry[] {
  return [...entries].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
}

const describeEntry = (e: Record<string, unknown>) =>
  `${JSON.stringify(e.userPrincipalName)} → ${JSON.stringify(e.number)}`;

export function checkInputs(news: Record<string, unknown>): {
  inputs: NumberAssignmentsArgsPlain;
  failures: CheckFailure[];
} {
  const failures: CheckFailure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason });
  const department = news.department;
  if (typeof department !== "string" || department.trim() === "") {
    fail("department", "must be the department id, a non-empty string");
  }
  const locationIds = checkLocationIds(news.locationIds, fail);
  const entries: NumberEntry[] = [];
  if (!Array.isArray(news.assignments)) {
    fail(
      "assignments",
      "must be a list of {userPrincipalName, number, numberType, emergencyLocation, category}",
    );
  } else {
    const byNumber = new Map<string, number>();
    // Teams gives a user at most one number of each category (the second assign fails with "already has
    // the private number …"), so a second one is refused here, naming both entries.
    const categoryOf = new Map<string, number>();
    news.assignments.forEach((raw: unknown, i: number) => {
      const at = `assignments[${i}]`;
      const e = (raw ?? {}) as Record<string, unknown>;
      const what = `entry ${i} (${describeEntry(e)})`;
      let ok = true;
      const bad = (field: string, reason: string) => {
        fail(`${at}.${field}`, `${what}: ${reason}`);
        ok = false;
      };
      if (typeof e.userPrincipalName !== "string" || e.userPrincipalName.trim() === "")
        bad("userPrincipalName", "needs the user's principal name");
      if (typeof e.number !== "string" || !E164.test(e.number))
        bad("number", "the number must be E.164: '+', country code and subscriber number, digits only");
      if (!NUMBER_TYPES.includes(e.numberType as never))
        bad("numberType", `numberType must be one of ${NUMBER_TYPES.join(", ")}`);
      if (!CATEGORIES.includes(e.category as never))
        bad("category", `category must be one of ${CATEGORIES.join(", ")}`);
      if (typeof e.emergencyLocation !== "string" || e.emergencyLocation === "")
        bad("emergencyLocation", "needs the definition's emergency location id");
      else if (locationIds && !(e.emergencyLocation in locationIds))
        bad(
          "emergencyLocation",
          `location ${JSON.stringify(e.emergencyLocation)} is not in locationIds (known: ${Object.keys(locationIds).sort().join(", ") || "none"})`,
        );
      if (!ok) return;
      const entry = e as unknown as NumberEntry;
      const first = byNumber.get(entry.number);
      if (first !== undefined) {
        bad("number", `number ${entry.number} is already listed in entry ${first}; a number has one holder`);
        return;
      }
      byNumber.set(entry.number, i);
      const slot = `${upnKey(entry.userPrincipalName)}\u0000${entry.category}`;
      const other = categoryOf.get(slot);
      if (other !== undefined) {
        bad(
          "category",
          `user ${entry.userPrincipalName} already has a ${entry.category} number in entry ${other}`,
        );
        return;
      }
      categoryOf.set(slot, i);
      entries.push({
        userPrincipalName: entry.userPrincipalName,
        number: entry.number,
        numberType: entry.numberType,
        emergencyLocation: entry.emergencyLocation,
        category: entry.category,
      });
    });
  }
  return {
    inputs: {
      ...news,
      department: department as string,
      assignments: sortEntries(entries),
    } as NumberAssignmentsArgsPlain,
    failures,
  };
}

/**
 * Undefined when absent or not yet known (preview before the emergency addresses exist): then nothing can
 * be checked against it yet. Values may be unknown individually; keys are what `check` needs.
 */
function checkLocationIds(
  value: unknown,
  fail: (property: string, reason: string) => void,
): Record<string, string> | undefined {
  if (value === undefined || value === null || isUnknown(value)) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    fail("locationIds", "must map the definition's emergency location ids to Teams LIS location ids");
    return undefined;
  }
  for (const [key, id] of Object.entries(value as Record<string, unknown>)) {
    if (!isUnknown(id) && (typeof id !== "string" || id === ""))
      fail(`locationIds.${key}`, `must be the Teams LIS location id of ${key}, got ${JSON.stringify(id)}`);
  }
  return value as Record<string, string>;
}
