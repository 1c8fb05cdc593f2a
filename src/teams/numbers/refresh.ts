/**
 * read (refresh): what the tenant holds of this resource's set, from the inventory, so `pulumi refresh` and
 * drift detection see the live state. An entry stays if its number is still assigned to the user this
 * resource gave it to; its category and location are taken from the inventory. A location that no
 * definition id maps to shows as `?<Teams id>`, which differs from every definition id, so the next diff
 * shows the entry as changed and the next `up` sets it back. Numbers gone from their user drop out.
 */
import type { NumbersBackend } from "./backend";
import { readLive } from "./apply";
import { sortEntries, upnKey } from "./inputs";
import { userHolder } from "./plan";
import type { NumberAssignmentsOutputs, NumberEntry } from "./types";

export async function readNumberAssignments(
  backend: NumbersBackend,
  props: NumberAssignmentsOutputs,
): Promise<NumberAssignmentsOutputs> {
  const held = props.assignments ?? [];
  const heldUserIds = props.userIds ?? {};
  const live = await readLive(
    backend,
    held.map((h) => h.number),
  );
  const byTeamsId = new Map(Object.entries(props.locationIds ?? {}).map(([def, teams]) => [teams, def]));
  const assignments: NumberEntry[] = [];
  const userIds: Record<string, string> = {};
  for (const h of held) {
    const n = live.get(h.number);
    const id = heldUserIds[upnKey(h.userPrincipalName)];
    const holder = userHolder(n);
    if (!n || !holder || !id || holder.toLowerCase() !== id.toLowerCase()) continue;
    let emergencyLocation = h.emergencyLocation;
    if (props.locationIds && n.locationId !== (props.locationIds[h.emergencyLocation] ?? null)) {
      emergencyLocation = (n.locationId && byTeamsId.get(n.locationId)) ?? `?${n.locationId ?? "none"}`;
    }
    assignments.push({ ...h, category: n.assignmentCategory ?? h.category, emergencyLocation });
    userIds[upnKey(h.userPrincipalName)] = id;
  }
  return { ...props, assignments: sortEntries(assignments), userIds, failed: props.failed ?? [] };
}
