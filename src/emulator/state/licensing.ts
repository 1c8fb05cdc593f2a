import { isoDate } from "../clock";
import { isGuid } from "../ids";
import type { TenantState } from "./tenantState";
import type {
  AssignedLicenseRecord,
  GroupRecord,
  JobRecord,
  LicenseAssignmentStateRecord,
  UserRecord,
} from "./types";

/**
 * Licence rules of Entra ID as the reference describes them (graph-teams-licensing.md §1): direct
 * assignment is synchronous and all-or-nothing; group assignment is processed in the background, member by
 * member, and runs out of seats with CountViolation on the members beyond the free seats.
 */

export const GROUP_LICENSE_JOB = "groupLicenseProcessing";

export interface LicensingTiming {
  /** How long a group stays QueuedForProcessing after assignLicense. */
  groupQueuedMs: number;
  /** How long ProcessingInProgress lasts before members' licences are settled. */
  groupProcessingMs: number;
}

export const DEFAULT_LICENSING_TIMING: LicensingTiming = { groupQueuedMs: 500, groupProcessingMs: 1500 };

export interface AssignLicenseBody {
  addLicenses: AssignedLicenseRecord[];
  removeLicenses: string[];
}

/** A Graph error in directory terms (status + code + message). */
export interface DirectoryError {
  status: number;
  code: string;
  message: string;
}

const badRequest = (message: string): DirectoryError => ({
  status: 400,
  code: "Request_BadRequest",
  message,
});

/** Both parameters are non-nullable in the CSDL; clients must send `[]` rather than omit them. */
export function parseAssignLicenseBody(body: unknown): AssignLicenseBody | DirectoryError {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return badRequest("The request body must be a JSON object with 'addLicenses' and 'removeLicenses'.");
  }
  const b = body as Record<string, unknown>;
  const missing = ["addLicenses", "removeLicenses"].filter((k) => !Array.isArray(b[k]));
  if (missing.length > 0) {
    return badRequest(
      `One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: ${missing.join(", ")}.`,
    );
  }
  const addLicenses: AssignedLicenseRecord[] = [];
  for (const item of b.addLicenses as unknown[]) {
    const l = (item ?? {}) as Record<string, unknown>;
    if (typeof l.skuId !== "string") return badRequest("Each item of 'addLicenses' needs a 'skuId'.");
    const plans = l.disabledPlans ?? [];
    if (!Array.isArray(plans) || plans.some((p) => typeof p !== "string")) {
      return badRequest("'disabledPlans' must be an array of service plan ids.");
    }
    addLicenses.push({
      skuId: l.skuId.toLowerCase(),
      disabledPlans: (plans as string[]).map((p) => p.toLowerCase()),
    });
  }
  const removeLicenses = b.removeLicenses as unknown[];
  if (removeLicenses.some((r) => typeof r !== "string")) {
    return badRequest("'removeLicenses' must be an array of SKU ids.");
  }
  return { addLicenses, removeLicenses: (removeLicenses as string[]).map((r) => r.toLowerCase()) };
}

/** SKUs exist in the tenant, plans belong to their SKU, nothing is both added and removed. */
function validateAgainstCatalogue(state: TenantState, body: AssignLicenseBody): DirectoryError | undefined {
  for (const skuId of [...body.addLicenses.map((l) => l.skuId), ...body.removeLicenses]) {
    if (!isGuid(skuId) || !state.findSku(skuId)) {
      return badRequest(`License ${skuId} does not correspond to a valid company License.`);
    }
  }
  for (const l of body.addLicenses) {
    const plans = new Set(state.findSku(l.skuId)!.servicePlans.map((p) => p.servicePlanId.toLowerCase()));
    const stray = l.disabledPlans.find((p) => !plans.has(p));
    if (stray)
      return badRequest(`Service plan ${stray} is not part of license ${l.skuId}; it cannot be disabled.`);
  }
  const both = body.addLicenses.find((l) => body.removeLicenses.includes(l.skuId));
  if (both) return badRequest(`License ${both.skuId} cannot be added and removed in the same request.`);
  return undefined;
}

const holdsSeat = (s: LicenseAssignmentStateRecord) => s.state === "Active" || s.state === "ActiveWithError";

/** Seats in use per SKU id: one per user holding the SKU actively, however many sources grant it. */
export function consumedUnits(state: TenantState): Map<string, number> {
  const used = new Map<string, number>();
  // Without a Set per user: this runs over every user for each group processed, and its garbage dominated.
  for (const u of state.users) {
    const states = u.licenseAssignmentStates;
    for (let i = 0; i < states.length; i++) {
      const s = states[i];
      if (!holdsSeat(s)) continue;
      let counted = false;
      for (let j = 0; j < i && !counted; j++) counted = states[j].skuId === s.skuId && holdsSeat(states[j]);
      if (!counted) used.set(s.skuId, (used.get(s.skuId) ?? 0) + 1);
    }
  }
  return used;
}

/** The SKUs a user takes a seat of (one per SKU, however many groups give it). */
export function seatSkus(user: UserRecord): Set<string> {
  return new Set(user.licenseAssignmentStates.filter(holdsSeat).map((s) => s.skuId));
}

/** `user.assignedLicenses`: active licences, one per SKU; a plan is on when any source enables it. */
export function assignedLicenses(user: UserRecord): AssignedLicenseRecord[] {
  const bySku = new Map<string, string[] | undefined>();
  for (const s of user.licenseAssignmentStates.filter(holdsSeat)) {
    const prev = bySku.get(s.skuId);
    bySku.set(
      s.skuId,
      prev === undefined ? [...s.disabledPlans] : prev.filter((p) => s.disabledPlans.includes(p)),
    );
  }
  return [...bySku].map(([skuId, disabledPlans]) => ({ skuId, disabledPlans: disabledPlans ?? [] }));
}

/** `POST /users/{id}/assignLicense`: applied at once, or nothing is. */
export function assignUserLicense(
  state: TenantState,
  user: UserRecord,
  body: AssignLicenseBody,
  now: number,
): DirectoryError | undefined {
  const invalid = validateAgainstCatalogue(state, body);
  if (invalid) return invalid;
  if (body.addLicenses.length > 0 && !user.usageLocation) {
    return badRequest("License assignment cannot be done for user with invalid usage location.");
  }
  const direct = (skuId: string) =>
    user.licenseAssignmentStates.find((s) => s.skuId === skuId && !s.assignedByGroup);
  for (const skuId of body.removeLicenses) {
    if (direct(skuId)) continue;
    if (user.licenseAssignmentStates.some((s) => s.skuId === skuId)) {
      return badRequest(
        `User license is inherited from a group membership and it cannot be removed directly from the user.`,
      );
    }
    return badRequest("User does not have a corresponding license.");
  }
  const used = consumedUnits(state);
  for (const l of body.addLicenses) {
    const alreadyHolds = user.licenseAssignmentStates.some((s) => s.skuId === l.skuId && holdsSeat(s));
    const sku = state.findSku(l.skuId)!;
    if (!alreadyHolds && (used.get(l.skuId) ?? 0) >= sku.prepaidUnits.enabled) {
      return badRequest(`Subscription with SKU ${l.skuId} does not have any available licenses.`);
    }
  }
  const ts = isoDate(now);
  user.licenseAssignmentStates = user.licenseAssignmentStates.filter(
    (s) => s.assignedByGroup || !body.removeLicenses.includes(s.skuId),
  );
  for (const l of body.addLicenses) {
    const existing = direct(l.skuId);
    if (existing) {
      existing.disabledPlans = [...l.disabledPlans];
      existing.lastUpdatedDateTime = ts;
    } else {
      user.licenseAssignmentStates.push(activeState(l, null, ts));
    }
  }
  state.touch();
  return undefined;
}

/** `POST /groups/{id}/assignLicense`: the group's licences change now; members follow in the background. */
export function assignGroupLicense(
  state: TenantState,
  group: GroupRecord,
  body: AssignLicenseBody,
  now: number,
  timing: LicensingTiming,
): DirectoryError | undefined {
  const invalid = validateAgainstCatalogue(state, body);
  if (invalid) return invalid;
  const missing = body.removeLicenses.find((r) => !group.assignedLicenses.some((l) => l.skuId === r));
  if (missing) return badRequest(`License ${missing} is not assigned to the group; it cannot be removed.`);
  const kept = group.assignedLicenses.filter(
    (l) => !body.removeLicenses.includes(l.skuId) && !body.addLicenses.some((a) => a.skuId === l.skuId),
  );
  group.assignedLicenses = [
    ...kept,
    ...body.addLicenses.map((l) => ({ ...l, disabledPlans: [...l.disabledPlans] })),
  ];
  state.startJob(GROUP_LICENSE_JOB, group.id, [
    { name: "QueuedForProcessing", at: now },
    { name: "ProcessingInProgress", at: now + timing.groupQueuedMs },
    { name: "ProcessingComplete", at: now + timing.groupQueuedMs + timing.groupProcessingMs },
  ]);
  return undefined;
}

/** The job handler: each phase shows in `licenseProcessingState`; the last one settles members. */
export function groupLicenseJobHandler(state: TenantState, job: JobRecord, phase: string, at: number): void {
  const group = state.findGroup(job.target);
  if (!group) return; // deleted meanwhile: nothing left to process
  group.licenseProcessingState = phase;
  if (phase === "ProcessingComplete") processGroupLicenses(state, group, at);
}

/**
 * Brings every member's licence states from this group in line with the group's licences. Members are
 * taken in directory order; once a SKU's seats are gone the rest get CountViolation, and (as Entra does)
 * a member who cannot get one of the group's SKUs gets none of the group's new ones.
 */
export function processGroupLicenses(
  state: TenantState,
  group: GroupRecord,
  at: number,
  only?: UserRecord,
): void {
  const ts = isoDate(at);
  const allMembers = state.members(group);
  const memberIds = new Set(allMembers.map((m) => m.id));
  const members = only ? allMembers.filter((m) => m.id === only.id) : allMembers;
  const wanted = new Map(group.assignedLicenses.map((l) => [l.skuId, l]));
  for (const u of only ? [only] : state.users) {
    // Most users hold nothing from this group: look before building a new list.
    if (!u.licenseAssignmentStates.some((s) => s.assignedByGroup === group.id)) continue;
    const before = u.licenseAssignmentStates.length;
    u.licenseAssignmentStates = u.licenseAssignmentStates.filter(
      (s) => s.assignedByGroup !== group.id || (memberIds.has(u.id) && wanted.has(s.skuId)),
    );
    if (u.licenseAssignmentStates.length !== before) state.touch();
  }
  const used = consumedUnits(state);
  const free = (skuId: string) => (state.findSku(skuId)?.prepaidUnits.enabled ?? 0) - (used.get(skuId) ?? 0);
  for (const user of members) {
    const own = (skuId: string) =>
      user.licenseAssignmentStates.find((s) => s.skuId === skuId && s.assignedByGroup === group.id);
    const pending: AssignedLicenseRecord[] = [];
    for (const lic of wanted.values()) {
      const existing = own(lic.skuId);
      if (existing && holdsSeat(existing)) {
        if (!sameSet(existing.disabledPlans, lic.disabledPlans)) {
          existing.disabledPlans = [...lic.disabledPlans];
          existing.lastUpdatedDateTime = ts;
        }
      } else {
        pending.push(lic);
      }
    }
    if (pending.length === 0) continue;
    const needsSeat = pending.filter(
      (l) => !user.licenseAssignmentStates.some((s) => s.skuId === l.skuId && holdsSeat(s)),
    );
    const short = needsSeat.find((l) => free(l.skuId) <= 0);
    for (const lic of pending) {
      const next = short ? errorState(lic, group.id, "CountViolation", ts) : activeState(lic, group.id, ts);
      const existing = own(lic.skuId);
      if (existing) Object.assign(existing, next);
      else user.licenseAssignmentStates.push(next);
    }
    if (!short) for (const l of needsSeat) used.set(l.skuId, (used.get(l.skuId) ?? 0) + 1);
  }
  state.touch();
}

/**
 * `POST /users/{id}/reprocessLicenseAssignment` (user-reprocesslicenseassignment.md): the user's group-based
 * licences are processed again, now, from every group that licenses them; a member in CountViolation gets
 * the seat if one has been freed or bought since.
 */
export function reprocessUserLicences(state: TenantState, user: UserRecord, at: number): void {
  for (const group of state.groups) {
    const fromGroup = user.licenseAssignmentStates.some((s) => s.assignedByGroup === group.id);
    const licensing = group.assignedLicenses.length > 0 && state.members(group).some((m) => m.id === user.id);
    if (fromGroup || licensing) processGroupLicenses(state, group, at, user);
  }
}

/** Members whose licences from this group failed (`/groups/{id}/membersWithLicenseErrors`). */
export function membersWithLicenseErrors(state: TenantState, group: GroupRecord): UserRecord[] {
  return state
    .members(group)
    .filter((u) =>
      u.licenseAssignmentStates.some(
        (s) => s.assignedByGroup === group.id && (s.state === "Error" || s.state === "ActiveWithError"),
      ),
    );
}

function activeState(
  l: AssignedLicenseRecord,
  group: string | null,
  ts: string,
): LicenseAssignmentStateRecord {
  return {
    skuId: l.skuId,
    assignedByGroup: group,
    disabledPlans: [...l.disabledPlans],
    state: "Active",
    error: "None",
    lastUpdatedDateTime: ts,
  };
}

function errorState(
  l: AssignedLicenseRecord,
  group: string,
  error: LicenseAssignmentStateRecord["error"],
  ts: string,
): LicenseAssignmentStateRecord {
  return {
    skuId: l.skuId,
    assignedByGroup: group,
    disabledPlans: [...l.disabledPlans],
    state: "Error",
    error,
    lastUpdatedDateTime: ts,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
