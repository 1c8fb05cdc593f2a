import type { GraphClient } from "../../graph";
import type { AssignmentCategory, InventoryNumber, NumberType } from "../admin/port";

/**
 * The tenant's number inventory (graph-teams-licensing.md §2.1), paged with `$top/$skip` as documented
 * (default 500, max 1000). The filter is passed to Graph as given, percent-encoded.
 */

export const NUMBER_ASSIGNMENTS = "/admin/teams/telephoneNumberManagement/numberAssignments";

interface NumberAssignmentJson {
  telephoneNumber: string;
  numberType: NumberType;
  assignmentStatus?: string | null;
  assignmentTargetId?: string | null;
  assignmentCategory?: AssignmentCategory | null;
  locationId?: string | null;
}

/** Graph returns numbers with a leading '+' (§2.1); added when missing so keys compare. */
const withPlus = (n: string) => (n.startsWith("+") ? n : `+${n}`);

export async function listInventory(
  client: GraphClient,
  pageSize: number,
  filter?: string,
): Promise<InventoryNumber[]> {
  const path = filter ? `${NUMBER_ASSIGNMENTS}?$filter=${encodeURIComponent(filter)}` : NUMBER_ASSIGNMENTS;
  const items = await client.getAllBySkip<NumberAssignmentJson>(path, pageSize);
  return items.map((n) => {
    const assigned = n.assignmentStatus !== "unassigned" && n.assignmentStatus != null;
    return {
      telephoneNumber: withPlus(n.telephoneNumber),
      numberType: n.numberType,
      assignmentStatus: n.assignmentStatus ?? "unassigned",
      assignmentTargetId: assigned ? (n.assignmentTargetId ?? null) : null,
      assignmentCategory: assigned ? (n.assignmentCategory ?? null) : null,
      locationId: n.locationId ?? null,
    };
  });
}
