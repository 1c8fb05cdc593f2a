/**
 * Which numbers still point at LIS locations that are about to be removed, read from the Graph inventory
 * (`$filter=locationId eq …`), so a refused delete can say which numbers and users to move first instead of
 * Teams' "in use".
 *
 * Teams keeps a number's emergency location when the number is unassigned, so every number the toolkit
 * released from a location would block that location's removal forever (and `pulumi destroy` with it).
 * An UNASSIGNED number serves no one: its stale location is cleared (Graph `updateNumber`, empty
 * `locationId`) and it stops blocking. An ASSIGNED number is someone's emergency location and always blocks.
 */
import type { InventoryNumber, TeamsAdmin } from "../admin/port";

const MAX_LISTED = 10;

export async function releaseLocations(admin: TeamsAdmin, locationIds: readonly string[]): Promise<string[]> {
  const found: InventoryNumber[] = [];
  for (const locationId of locationIds) {
    found.push(...(await admin.graph.listNumbers(`locationId eq '${locationId.replace(/'/g, "''")}'`)));
  }
  const uses = found
    .filter((n) => n.assignmentTargetId)
    .map((n) => `number ${n.telephoneNumber} (assigned to user ${n.assignmentTargetId})`);
  const unassigned = found.filter((n) => !n.assignmentTargetId);
  if (unassigned.length > 0) {
    const outcomes = await admin.graph.updateNumberLocations(
      unassigned.map((n) => ({ telephoneNumber: n.telephoneNumber, locationId: null })),
    );
    for (const o of outcomes) {
      if (!o.succeeded)
        uses.push(
          `number ${o.telephoneNumber} (unassigned; clearing its location failed: ${o.reason ?? "no reason given"})`,
        );
    }
  }
  return uses.length > MAX_LISTED
    ? [...uses.slice(0, MAX_LISTED), `and ${uses.length - MAX_LISTED} more numbers`]
    : uses;
}
