/**
 * Seats before assigning. Graph has no "available" field: free = `prepaidUnits.enabled - consumedUnits`
 * (graph-teams-licensing.md §1.1), and a member needs a seat of a SKU only when no source (direct, this or
 * another group) gives it to them yet: one user consumes one seat per SKU however many sources grant it.
 * Checking first turns a run that would leave hundreds of members in CountViolation into one clear failure.
 */
import type { AssignedLicense, MemberLicences, SubscribedSku } from "./types";

export interface SeatNeed {
  skuPartNumber: string;
  skuId: string;
  /** Members of the group who do not hold the SKU yet. */
  needed: number;
  /** `prepaidUnits.enabled - consumedUnits`, never below 0. */
  free: number;
  enabled: number;
  consumed: number;
}

/** Seats each SKU being added needs, for the group's members as they are now. */
export function seatNeeds(
  adding: readonly AssignedLicense[],
  members: readonly MemberLicences[],
  skus: readonly SubscribedSku[],
): SeatNeed[] {
  return adding.map((licence) => {
    const skuId = licence.skuId.toLowerCase();
    const sku = skus.find((s) => s.skuId.toLowerCase() === skuId);
    const enabled = sku?.prepaidUnits?.enabled ?? 0;
    const consumed = sku?.consumedUnits ?? 0;
    const needed = members.filter(
      (m) => !(m.assignedLicenses ?? []).some((a) => a.skuId.toLowerCase() === skuId),
    ).length;
    return {
      skuPartNumber: sku?.skuPartNumber ?? skuId,
      skuId,
      needed,
      free: Math.max(0, enabled - consumed),
      enabled,
      consumed,
    };
  });
}

export function seatShortages(needs: readonly SeatNeed[]): SeatNeed[] {
  return needs.filter((n) => n.needed > n.free);
}

/** One message naming every short SKU with seats needed and free; `owned` is what the definition believes. */
export function formatSeatShortage(
  department: string,
  shortages: readonly SeatNeed[],
  owned: ReadonlyMap<string, number>,
): string {
  const lines = shortages.map((s) => {
    const believed = owned.get(s.skuPartNumber);
    const note =
      believed !== undefined && believed !== s.enabled
        ? `; the definition says ${believed} seats are owned, the tenant has ${s.enabled} enabled`
        : "";
    return `  ${s.skuPartNumber}: ${s.needed} seats needed, ${s.free} free (${s.enabled} enabled, ${s.consumed} consumed${note})`;
  });
  return [
    `not enough licences for department ${department}; nothing was assigned:`,
    ...lines,
    "Buy seats (or free them elsewhere), or take the SKU off the department, then run again.",
  ].join("\n");
}
