import type { GraphClient } from "../../graph";
import type { AssignmentCategory, InventoryNumber, NumberType } from "../admin/port";

/**
 * The tenant's number inventory (graph-teams-licensing.md §2.1), paged with `$top/$skip` as documented
 * (default 500, max 1000). The filter is passed to Graph as given, percent-encoded.
 */

export const NUMBER_ASSIGNMENTS = "/admin/teams/telephoneNumberManagement/numberAssignments";

export interface NumberAssignmentJson {
  telephoneNumber: string;
  numberType: NumberType;
  assignmentStatus?: string | null;
  assignmentTargetId?: string | null;
  assignmentCategory?: AssignmentCategory | null;
  locationId?: string | null;
  activationState?: string | null;
}

/**
 * `skipped` is listed on the operation's resource page (teamsadministration-telephonenumberlongrunningoperation.md
 * @ 5ef2bd9b69347df66b8ead4296877b47d93de4f3) without a definition and is absent from the metadata enum. We take
 * it to mean the service had nothing to do, so the number is as asked: done. The inventory read that follows
 * every apply (refresh, drift) is what shows whether that held.
 */
export const skippedIsDone = (status: string | undefined): boolean => status === "skipped";

/** Graph returns numbers with a leading '+' (§2.1); added when missing so keys compare. */
export const withPlus = (n: string) => (n.startsWith("+") ? n : `+${n}`);

export async function listInventory(
  client: GraphClient,
  pageSize: number,
  filter?: string,
  keep?: (telephoneNumber: string) => boolean,
): Promise<InventoryNumber[]> {
  const path = filter ? `${NUMBER_ASSIGNMENTS}?$filter=${encodeURIComponent(filter)}` : NUMBER_ASSIGNMENTS;
  const items = await client.getAllBySkip<NumberAssignmentJson>(
    path,
    pageSize,
    undefined,
    keep && ((n) => keep(withPlus(n.telephoneNumber))),
  );
  return items.map(toInventoryNumber);
}

/**
 * activationState (teamsadministration-numberassignment.md @ 0f04ee0298ebd9d55b3f844e29d4b413128967ed):
 * `assignmentPending` / `updatePending` are changes that took and are activating, so the number counts as
 * assigned as it shows; `assignmentFailed` means the assignment did not take, so the number counts as
 * unassigned and the next apply assigns it again.
 */
export function toInventoryNumber(n: NumberAssignmentJson): InventoryNumber {
  const failed = n.activationState === "assignmentFailed";
  const assigned = !failed && n.assignmentStatus !== "unassigned" && n.assignmentStatus != null;
  return {
    telephoneNumber: withPlus(n.telephoneNumber),
    numberType: n.numberType,
    assignmentStatus: failed ? "unassigned" : (n.assignmentStatus ?? "unassigned"),
    assignmentTargetId: assigned ? (n.assignmentTargetId ?? null) : null,
    assignmentCategory: assigned ? (n.assignmentCategory ?? null) : null,
    locationId: n.locationId ?? null,
    activationState: n.activationState ?? "activated",
  };
}

/**
 * The inventory entries of the given numbers only. The list page documents `$filter` with `eq`, `and` and `any`
 * (teamsadministration-telephonenumbermanagementroot-list-numberassignments.md, microsoft-graph-docs-contrib
 * 639afd0564e1553afdb30e0222b3602cfc050231), not `in`, so each number is one `telephoneNumber eq '…'` lookup,
 * sent 20 per `$batch`. Past `lookupLimit` numbers, listing the whole inventory ($top=1000 pages) costs fewer
 * requests, so that is done instead. Numbers are OData string literals (quotes doubled), so whatever a
 * definition holds stays data. Numbers the inventory lacks are simply absent.
 */
export async function findInventory(
  client: GraphClient,
  numbers: readonly string[],
  lookupLimit: number,
  pageSize: number,
): Promise<InventoryNumber[]> {
  const unique = [...new Set(numbers.map(withPlus))];
  if (unique.length > lookupLimit) {
    const wanted = new Set(unique);
    // Kept page by page: 50 departments listing a 25,000-number inventory at once must not hold 50 copies.
    return listInventory(client, pageSize, undefined, (n) => wanted.has(n));
  }
  const requests = unique.map((n) => ({
    method: "GET" as const,
    url: `${NUMBER_ASSIGNMENTS}?$filter=${encodeURIComponent(`telephoneNumber eq '${n.replace(/'/g, "''")}'`)}`,
  }));
  const results = await client.batch<{ value?: NumberAssignmentJson[] }>(requests);
  const found: InventoryNumber[] = [];
  for (const result of results) {
    // A lookup that failed after the client's retries fails the whole read: deciding on half an inventory
    // could unassign or reassign numbers wrongly.
    if (!result.ok) throw result.error ?? new Error(`inventory lookup failed with HTTP ${result.status}`);
    for (const n of result.body?.value ?? []) found.push(toInventoryNumber(n));
  }
  return found;
}
