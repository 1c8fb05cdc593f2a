/**
 * create/update: converge the tenant on the department's set. It reads before it writes (the inventory of
 * the desired and held numbers only), so a re-run after a failure, a 429 storm or a dropped connection sends
 * only what is still missing, and an unchanged department costs no write. Unassigns and location updates
 * run first; assigns run after them, and an assign that needs its number freed runs only if that unassign
 * succeeded. The result records what the tenant HOLDS (`assignments`), never merely what was asked.
 */
import type { InventoryNumber, NumberOperationOutcome } from "../admin/port";
import type { NumbersBackend } from "./backend";
import { sortEntries, upnKey } from "./inputs";
import { confirmedUserIds, planNumberAssignments, planWrites, userHolder, type NumberPlan } from "./plan";
import { formatFailures, numberAssignmentsFailure } from "./report";
import type { UserLookup } from "./users";
import type { FailedEntry, NumberAssignmentsArgsPlain, NumberAssignmentsOutputs, NumberEntry } from "./types";

export interface ApplyResult {
  outputs: NumberAssignmentsOutputs;
  plan: NumberPlan;
}

export async function readLive(
  backend: NumbersBackend,
  numbers: readonly string[],
): Promise<Map<string, InventoryNumber>> {
  if (numbers.length === 0) return new Map();
  const found = await backend.findNumbers(numbers);
  return new Map(found.map((n) => [n.telephoneNumber, n]));
}

/**
 * Applies `inputs` given what the resource held (`previous`, its outputs; undefined on create). Throws a
 * NumberAssignmentsFailure carrying the outputs when some entry failed; the others are kept.
 */
export async function applyNumberAssignments(
  backend: NumbersBackend,
  inputs: NumberAssignmentsArgsPlain,
  previous?: Partial<NumberAssignmentsOutputs>,
): Promise<ApplyResult> {
  const desired = sortEntries(inputs.assignments);
  const held = previous?.assignments ?? [];
  const heldUserIds = previous?.userIds ?? {};
  const live = await readLive(backend, [...new Set([...desired, ...held].map((e) => e.number))]);

  // Users whose held number the inventory still shows with them keep their id; the rest are looked up.
  const confirmed = confirmedUserIds(held, heldUserIds, live);
  const lookups = await lookUp(
    backend,
    desired.map((e) => e.userPrincipalName).filter((u) => !confirmed.has(upnKey(u))),
  );
  const userIds = new Map<string, string | undefined>(confirmed);
  for (const [key, found] of lookups) userIds.set(key, found.id);

  const plan = planNumberAssignments({
    desired,
    held,
    heldUserIds,
    live,
    userIds,
    locationIds: inputs.locationIds,
  });
  const failed: FailedEntry[] = [];
  const kept: { entry: NumberEntry; userId: string }[] = [];
  const heldByNumber = new Map(held.map((h) => [h.number, h]));
  // An entry this resource held stays in its outputs while the inventory (read before any write) shows it
  // with the same user: nothing this run did took it away.
  const keepHeld = (number: string) => {
    const h = heldByNumber.get(number);
    const id = h && heldUserIds[upnKey(h.userPrincipalName)];
    const holder = userHolder(live.get(number));
    if (h && id && holder && holder.toLowerCase() === id.toLowerCase()) kept.push({ entry: h, userId: id });
  };
  const idOf = (e: NumberEntry) => userIds.get(upnKey(e.userPrincipalName)) as string;

  for (const entry of plan.unchanged) kept.push({ entry, userId: idOf(entry) });
  for (const entry of plan.unresolved) {
    const found = lookups.get(upnKey(entry.userPrincipalName));
    failed.push({
      userPrincipalName: entry.userPrincipalName,
      number: entry.number,
      action: "resolve-user",
      reason: found && "reason" in found ? found.reason : "the user could not be resolved",
    });
    keepHeld(entry.number);
  }
  for (const { entry, reason } of plan.conflicts) {
    failed.push({
      userPrincipalName: entry.userPrincipalName,
      number: entry.number,
      action: "assign",
      reason,
    });
    keepHeld(entry.number);
  }

  // Phase 1: free numbers and fix locations (independent of each other).
  const [unassigned, updated] = await Promise.all([
    run(plan.unassign, (items) =>
      backend.unassignNumbers(
        items.map((u) => ({ telephoneNumber: u.telephoneNumber, numberType: u.numberType })),
      ),
    ),
    run(plan.updateLocation, (items) =>
      backend.updateNumberLocations(
        items.map((u) => ({ telephoneNumber: u.telephoneNumber, locationId: u.locationId })),
      ),
    ),
  ]);
  const freed = new Set<string>();
  plan.unassign.forEach((u, i) => {
    const outcome = unassigned[i];
    if (outcome.succeeded) return void freed.add(u.telephoneNumber);
    // Still with its holder: if that holder is ours, the resource still holds it.
    keepHeld(u.telephoneNumber);
    failed.push({
      userPrincipalName: (u.then ?? u.held)?.userPrincipalName ?? u.fromUserId,
      number: u.telephoneNumber,
      action: "unassign",
      reason:
        u.why === "removed"
          ? reasonText(outcome)
          : `it could not be taken from its current holder (${u.fromUserId}), so it was not assigned: ${reasonText(outcome)}`,
    });
  });
  plan.updateLocation.forEach((u, i) => {
    const outcome = updated[i];
    if (outcome.succeeded) return void kept.push({ entry: u.entry, userId: idOf(u.entry) });
    keepHeld(u.telephoneNumber);
    failed.push({
      userPrincipalName: u.entry.userPrincipalName,
      number: u.telephoneNumber,
      action: "update-location",
      reason: reasonText(outcome),
    });
  });

  // Phase 2: assign, a number that had to be freed only if it was.
  const assigns = plan.assign.filter((a) => !a.afterUnassign || freed.has(a.entry.number));
  const assigned = await run(assigns, (items) => backend.assignNumbers(items.map((a) => a.request)));
  assigns.forEach((a, i) => {
    const outcome = assigned[i];
    if (outcome.succeeded) return void kept.push({ entry: a.entry, userId: a.request.assignmentTargetId });
    failed.push({
      userPrincipalName: a.entry.userPrincipalName,
      number: a.entry.number,
      action: "assign",
      reason: reasonText(outcome),
    });
  });

  const outputs = toOutputs(inputs, kept, failed);
  if (failed.length > 0) {
    const total = planWrites(plan) + plan.unresolved.length + plan.conflicts.length;
    throw numberAssignmentsFailure(formatFailures(inputs.department, failed, total), failed, outputs);
  }
  return { outputs, plan };
}

async function lookUp(backend: NumbersBackend, upns: string[]): Promise<Map<string, UserLookup>> {
  return upns.length === 0 ? new Map<string, UserLookup>() : backend.resolveUsers(upns);
}

async function run<T>(
  items: readonly T[],
  send: (items: readonly T[]) => Promise<NumberOperationOutcome[]>,
): Promise<NumberOperationOutcome[]> {
  return items.length === 0 ? [] : send(items);
}

const reasonText = (o: NumberOperationOutcome) => o.reason ?? "the service gave no reason";

export function toOutputs(
  inputs: NumberAssignmentsArgsPlain,
  kept: readonly { entry: NumberEntry; userId: string }[],
  failed: FailedEntry[],
): NumberAssignmentsOutputs {
  const byNumber = new Map(kept.map((k) => [k.entry.number, k]));
  const assignments = sortEntries([...byNumber.values()].map((k) => k.entry));
  const userIds: Record<string, string> = {};
  for (const k of byNumber.values()) userIds[upnKey(k.entry.userPrincipalName)] = k.userId;
  return { ...inputs, assignments, userIds, failed };
}
