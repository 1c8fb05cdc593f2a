/**
 * delete: unassigns the numbers this resource holds, each only if the inventory still shows it with the user
 * this resource gave it to (a number that moved on, or is no longer in the inventory, is already gone).
 * A failed unassign fails the delete with the report, so Pulumi keeps the resource and a re-run retries.
 */
import type { NumbersBackend } from "./backend";
import { readLive } from "./apply";
import { upnKey } from "./inputs";
import { userHolder } from "./plan";
import { formatFailures } from "./report";
import type { FailedEntry, NumberAssignmentsOutputs } from "./types";

export async function removeNumberAssignments(
  backend: NumbersBackend,
  props: Partial<NumberAssignmentsOutputs>,
): Promise<{ unassigned: number }> {
  const held = props.assignments ?? [];
  const heldUserIds = props.userIds ?? {};
  const live = await readLive(
    backend,
    held.map((h) => h.number),
  );
  const ours = held.flatMap((h) => {
    const n = live.get(h.number);
    const id = heldUserIds[upnKey(h.userPrincipalName)];
    const holder = userHolder(n);
    return n && holder && id && holder.toLowerCase() === id.toLowerCase()
      ? [{ entry: h, numberType: n.numberType }]
      : [];
  });
  if (ours.length === 0) return { unassigned: 0 };
  const outcomes = await backend.unassignNumbers(
    ours.map((o) => ({ telephoneNumber: o.entry.number, numberType: o.numberType })),
  );
  const failed: FailedEntry[] = [];
  outcomes.forEach((o, i) => {
    if (!o.succeeded)
      failed.push({
        userPrincipalName: ours[i].entry.userPrincipalName,
        number: ours[i].entry.number,
        action: "unassign",
        reason: o.reason ?? "the service gave no reason",
      });
  });
  if (failed.length > 0) throw new Error(formatFailures(props.department ?? "?", failed, ours.length));
  return { unassigned: ours.length };
}
