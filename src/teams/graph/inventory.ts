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
}

/** Graph returns numbers with a leading '+' (§2.1); added when missing so keys compare. */
export const withPlus = (n: string) => (n.startsWith("+") ? n : `+${n}`);

export async function listInventory(
  client: GraphClient,
  pageSize: number,
  filter?: string,
): Promise<InventoryNumber[]> {
  const path = filter ? `${NUMBER_ASSIGNMENTS}?$filter=${encodeURIComponent(filter)}` : NUMBER_ASSIGNMENTS;
  const items = await client.getAllBySkip<NumberAssignmentJson>(path, pageSize);
  return items.map(toInventoryNumber);
}

export function toInventoryNumber(n: NumberAssignmentJson): InventoryNumber {
  const assigned = n.assignmentStatus !== "unassigned" && n.assignmentStatus != null;
  return {
    telephoneNumber: withPlus(n.telephoneNumber),
    numberType: n.numberType,
    assignmentStatus: n.assignmentStatus ?? "unassigned",
    assignmentTargetId: assigned ? (n.assignmentTargetId ?? null) : null,
    assignmentCategory: assigned ? (n.assignmentCategory ?? null) : null,
    locationId: n.locationId ?? null,
  };
}

/**
 * The inventory entries of the given numbers only, looked up `chunk` at a time with
 * `telephoneNumber in ('…', …)` and those lookups sent 20 per `$batch`: a department of 500 numbers costs one
 * HTTP request instead of listing a 30,000-number inventory. Numbers are OData string literals (quotes
 * doubled), so whatever a definition holds stays data. Numbers the inventory lacks are simply absent.
 */
export async function findInventory(
  client: GraphClient,
  numbers: readonly string[],
  chunk: number,
): Promise<InventoryNumber[]> {
  const unique = [...new Set(numbers.map(withPlus))];
  const requests = [];
  for (let i = 0; i < unique.length; i += chunk) {
    const literals = unique.slice(i, i + chunk).map((n) => `'${n.replace(/'/g, "''")}'`);
    const filter = `telephoneNumber in (${literals.join(",")})`;
    requests.push({
      method: "GET" as const,
      url: `${NUMBER_ASSIGNMENTS}?$filter=${encodeURIComponent(filter)}&$top=${Math.max(chunk, 1)}`,
    });
  }
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
