/**
 * `check`: the inputs as the engine hands them (plain JSON, possibly with unknowns during preview) validated
 * field by field and normalised (licences sorted by part number, plans sorted and deduplicated), so `diff`
 * and the state never depend on the order the definition lists things in.
 */
import type { GroupLicensesInputs } from "../../resourceTypes";
import type { Licence } from "./types";

/** The engine's marker for a value only known after deployment (`@pulumi/pulumi` runtime/rpc `unknownValue`). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface CheckFailure {
  property: string;
  reason: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PART_NUMBER = /^[A-Za-z0-9_()-]{2,80}$/;

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN_VALUE;
}

export function normalizeLicences(licences: readonly Licence[]): Licence[] {
  return licences
    .map((l) => ({
      skuPartNumber: l.skuPartNumber,
      disabledPlans: [...new Set(l.disabledPlans)].sort(),
      seatsOwned: l.seatsOwned,
    }))
    .sort((a, b) => a.skuPartNumber.localeCompare(b.skuPartNumber));
}

export function checkInputs(news: Record<string, unknown>): {
  inputs: GroupLicensesInputs;
  failures: CheckFailure[];
} {
  const failures: CheckFailure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason });
  const department = news.department;
  if (typeof department !== "string" || department.trim() === "") {
    fail("department", "must be the department id, a non-empty string");
  }
  const groupId = news.groupId;
  if (!isUnknown(groupId) && (typeof groupId !== "string" || !GUID.test(groupId))) {
    fail(
      "groupId",
      `must be the object id (a GUID) of the department's Entra group, got ${JSON.stringify(groupId)}`,
    );
  }
  const headcount = news.headcount;
  if (!isUnknown(headcount) && !(Number.isInteger(headcount) && (headcount as number) >= 0)) {
    fail("headcount", `must be a whole number >= 0, got ${JSON.stringify(headcount)}`);
  }
  const licences: Licence[] = [];
  if (!Array.isArray(news.licences)) {
    fail("licences", "must be a list of {skuPartNumber, disabledPlans, seatsOwned}");
  } else {
    const seen = new Set<string>();
    news.licences.forEach((raw: unknown, i: number) => {
      const at = `licences[${i}]`;
      const l = (raw ?? {}) as Record<string, unknown>;
      const sku = l.skuPartNumber;
      if (typeof sku !== "string" || !PART_NUMBER.test(sku)) {
        fail(`${at}.skuPartNumber`, `must be a SKU part number such as SPE_E5, got ${JSON.stringify(sku)}`);
        return;
      }
      if (seen.has(sku.toLowerCase()))
        fail(`${at}.skuPartNumber`, `SKU ${sku} is listed twice; list each SKU once`);
      seen.add(sku.toLowerCase());
      const plans = l.disabledPlans ?? [];
      if (!Array.isArray(plans) || plans.some((p) => typeof p !== "string" || !PART_NUMBER.test(p))) {
        fail(`${at}.disabledPlans`, `must be a list of service-plan names such as YAMMER_ENTERPRISE`);
        return;
      }
      const seats = l.seatsOwned ?? 0;
      if (!isUnknown(seats) && !(Number.isInteger(seats) && (seats as number) >= 0)) {
        fail(`${at}.seatsOwned`, `must be a whole number >= 0, got ${JSON.stringify(seats)}`);
        return;
      }
      licences.push({ skuPartNumber: sku, disabledPlans: plans as string[], seatsOwned: seats as number });
    });
  }
  return {
    inputs: {
      ...news,
      department: department as string,
      groupId: groupId as string,
      headcount: headcount as number,
      licences: normalizeLicences(licences),
    },
    failures,
  };
}
