/**
 * The pure core of NumberAssignments: from the set asked for, the set this resource held after its last run,
 * and the live inventory of those numbers, the delta to apply. Nothing here talks to Graph.
 *
 * - A number already with the right user, category and type: nothing (or only its location is updated).
 * - A number with another user, or with the right user under another category: unassigned first, and
 *   assigned only once that unassign has SUCCEEDED (`afterUnassign`), so a move never loses the number to a
 *   half-done swap and a failed unassign leaves the old holder intact.
 * - A number held before and no longer asked for: unassigned, but only if the inventory still shows it with
 *   the user this resource gave it to. A number someone else holds now is not ours to take away.
 * - A number whose inventory type differs from the definition's: reported, never touched (unassigning it
 *   to reassign it would fail and leave it unassigned).
 */
import type { InventoryNumber, NumberAssignRequest, NumberType } from "../admin/port";
import { upnKey } from "./inputs";
import type { NumberEntry } from "./types";

export interface PlanInput {
  desired: readonly NumberEntry[];
  /** The entries this resource held after its last run (its outputs), and their users' object ids. */
  held: readonly NumberEntry[];
  heldUserIds: Readonly<Record<string, string>>;
  /** Inventory entries of the desired and held numbers, by number (absent = not in the inventory). */
  live: ReadonlyMap<string, InventoryNumber>;
  /** Object id of each desired user by lower-cased UPN; absent or undefined = no such user. */
  userIds: ReadonlyMap<string, string | undefined>;
  /** Definition location id → Teams LIS location id; undefined = locations are not managed. */
  locationIds?: Readonly<Record<string, string>>;
}

export interface PlannedUnassign {
  telephoneNumber: string;
  /** The inventory's type (unassign must name it). */
  numberType: NumberType;
  /** Object id of the user who holds it now. */
  fromUserId: string;
  why: "removed" | "move" | "category";
  /** The entry this resource held it as, when it did. */
  held?: NumberEntry;
  /** The entry that takes the number once it is free (move, category change). */
  then?: NumberEntry;
}

export interface PlannedAssign {
  entry: NumberEntry;
  request: NumberAssignRequest;
  /** Sent only after the unassign of the same number succeeded. */
  afterUnassign: boolean;
}

export interface PlannedUpdate {
  entry: NumberEntry;
  telephoneNumber: string;
  locationId: string;
}

export interface NumberPlan {
  unassign: PlannedUnassign[];
  assign: PlannedAssign[];
  updateLocation: PlannedUpdate[];
  unchanged: NumberEntry[];
  /** Entries whose user does not exist (the UPN resolved to nothing). */
  unresolved: NumberEntry[];
  /** Entries the inventory contradicts without a write being able to fix it. */
  conflicts: { entry: NumberEntry; reason: string }[];
  /** Held entries that are no longer asked for and already gone from their user: just forgotten. */
  released: NumberEntry[];
}

const sameId = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.toLowerCase() === b.toLowerCase();

/** The user who holds a number, when a user does (conference/voice-app assignments are not users). */
export function userHolder(live: InventoryNumber | undefined): string | null {
  return live && live.assignmentStatus === "userAssigned" ? live.assignmentTargetId : null;
}

/**
 * Object ids from the state that the inventory confirms (one of the user's held numbers is still assigned
 * to that id): those users need no lookup this run. Everyone else is resolved by UPN.
 */
export function confirmedUserIds(
  held: readonly NumberEntry[],
  heldUserIds: Readonly<Record<string, string>>,
  live: ReadonlyMap<string, InventoryNumber>,
): Map<string, string> {
  const confirmed = new Map<string, string>();
  for (const h of held) {
    const key = upnKey(h.userPrincipalName);
    const id = heldUserIds[key];
    if (id && sameId(userHolder(live.get(h.number)), id)) confirmed.set(key, id);
  }
  return confirmed;
}

export function planNumberAssignments(input: PlanInput): NumberPlan {
  const plan: NumberPlan = {
    unassign: [],
    assign: [],
    updateLocation: [],
    unchanged: [],
    unresolved: [],
    conflicts: [],
    released: [],
  };
  const heldByNumber = new Map(input.held.map((h) => [h.number, h]));
  const desiredNumbers = new Set(input.desired.map((e) => e.number));

  for (const entry of input.desired) {
    const userId = input.userIds.get(upnKey(entry.userPrincipalName));
    if (!userId) {
      plan.unresolved.push(entry);
      continue;
    }
    const live = input.live.get(entry.number);
    const locationId = input.locationIds ? (input.locationIds[entry.emergencyLocation] ?? null) : null;
    const request: NumberAssignRequest = {
      telephoneNumber: entry.number,
      numberType: entry.numberType,
      assignmentTargetId: userId,
      assignmentCategory: entry.category,
      locationId,
    };
    if (live && live.numberType !== entry.numberType) {
      plan.conflicts.push({
        entry,
        reason: `the inventory has ${entry.number} as a ${live.numberType} number, the definition says ${entry.numberType}`,
      });
      continue;
    }
    const holder = userHolder(live);
    if (live && holder && sameId(holder, userId)) {
      if (live.assignmentCategory === entry.category) {
        if (locationId !== null && live.locationId !== locationId) {
          plan.updateLocation.push({ entry, telephoneNumber: entry.number, locationId });
        } else {
          plan.unchanged.push(entry);
        }
        continue;
      }
      // Same user, other category: Teams has no category change, so unassign and assign again.
      plan.unassign.push(unassign(live, holder, "category", heldByNumber.get(entry.number), entry));
      plan.assign.push({ entry, request, afterUnassign: true });
      continue;
    }
    if (live && holder) {
      plan.unassign.push(unassign(live, holder, "move", heldByNumber.get(entry.number), entry));
      plan.assign.push({ entry, request, afterUnassign: true });
      continue;
    }
    // Free, unknown to the inventory (the service says why), or held by a non-user target (the service
    // refuses, and says so): assign and report what it answers.
    plan.assign.push({ entry, request, afterUnassign: false });
  }

  for (const held of input.held) {
    if (desiredNumbers.has(held.number)) continue;
    const live = input.live.get(held.number);
    const holder = userHolder(live);
    const ours = input.heldUserIds[upnKey(held.userPrincipalName)];
    if (live && holder && sameId(holder, ours)) {
      plan.unassign.push(unassign(live, holder, "removed", held));
    } else {
      plan.released.push(held);
    }
  }
  return plan;
}

function unassign(
  live: InventoryNumber,
  fromUserId: string,
  why: PlannedUnassign["why"],
  held: NumberEntry | undefined,
  then?: NumberEntry,
): PlannedUnassign {
  return { telephoneNumber: live.telephoneNumber, numberType: live.numberType, fromUserId, why, held, then };
}

/** Writes the plan costs (each unassign, assign and location update is one). */
export function planWrites(plan: NumberPlan): number {
  return plan.unassign.length + plan.assign.length + plan.updateLocation.length;
}
