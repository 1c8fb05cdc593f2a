/**
 * Which numbers point at the given LIS locations, read from the Graph inventory (`$filter=locationId eq …`),
 * so a refused delete can say which numbers and users to move first instead of Teams' "in use".
 */
import type { TeamsAdmin } from "../admin/port";

const MAX_LISTED = 10;

export async function numbersAt(admin: TeamsAdmin, locationIds: readonly string[]): Promise<string[]> {
  const uses: string[] = [];
  for (const locationId of locationIds) {
    const numbers = await admin.graph.listNumbers(`locationId eq '${locationId.replace(/'/g, "''")}'`);
    for (const n of numbers) {
      uses.push(
        n.assignmentTargetId
          ? `number ${n.telephoneNumber} (assigned to user ${n.assignmentTargetId})`
          : `number ${n.telephoneNumber} (unassigned)`,
      );
    }
  }
  return uses.length > MAX_LISTED
    ? [...uses.slice(0, MAX_LISTED), `and ${uses.length - MAX_LISTED} more numbers`]
    : uses;
}
