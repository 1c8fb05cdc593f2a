import { isoDate } from "../clock";
import { guidFrom } from "../ids";
import { assignedLicenses } from "./licensing";
import {
  nextSeq,
  teamsArea,
  touchUser,
  type TeamsAreaDoc,
  type TeamsAssignmentCategory,
  type TeamsNumberRecord,
  type TeamsNumberType,
  type TeamsOperationRecord,
} from "./teams";
import { findNumber, materialise, noteNumberHolder, numbersOfUser } from "./teamsInventory";
import type { TenantState } from "./tenantState";
import type { JobRecord, UserRecord } from "./types";

/**
 * Number assignment as the Teams service does it (graph-teams-licensing.md §2.2–§2.5, §3.1): assign and
 * unassign are accepted at once and carried out later by an operation that moves notStarted → running →
 * succeeded/failed on the emulator clock. Business rules are checked when the operation completes (the
 * state may change meanwhile: two operations racing for one number see one succeed and one fail), and a
 * failure is reported per number in `statusDetail`, with the service's wording where the reference has it.
 */

export const TEAMS_NUMBER_JOB = "teamsNumberOperation";
export const TEAMS_ACTIVATION_JOB = "teamsNumberActivation";

/** A number's change activates one processing period after it is applied (assumed: no duration is documented). */
function startActivation(
  state: TenantState,
  area: TeamsAreaDoc,
  record: TeamsNumberRecord,
  pending: "assignmentPending" | "updatePending",
  at: number,
): void {
  record.activationState = pending;
  state.startJob(TEAMS_ACTIVATION_JOB, record.telephoneNumber, [
    { name: "pending", at },
    { name: "activated", at: at + area.timing.numberProcessingMs },
  ]);
}

/** The activation job: `activated` clears the pending state. */
export function teamsActivationJobHandler(state: TenantState, job: JobRecord, phase: string): void {
  if (phase !== "activated") return;
  const entry = findNumber(teamsArea(state), job.target);
  if (entry?.record.activationState) {
    delete entry.record.activationState;
  }
}

/** An assignment to the user, category and location the number already has changes nothing. */
function assignChangesNothing(area: TeamsAreaDoc, op: TeamsOperationRecord): boolean {
  if (op.kind !== "assign") return false;
  const entry = findNumber(area, op.request.telephoneNumber);
  if (!entry || entry.range.numberType !== op.request.numberType) return false;
  const r = entry.record;
  const location = op.request.locationId ?? null;
  return (
    r.assignmentStatus === "userAssigned" &&
    r.assignmentTargetId?.toLowerCase() === (op.request.assignmentTargetId ?? "").toLowerCase() &&
    r.assignmentCategory === (op.request.assignmentCategory ?? "primary") &&
    (location === null || location === "" || location === r.locationId)
  );
}

/** Finished operations kept for polling; older ones are forgotten (Graph does not document retention). */
const KEPT_OPERATIONS = 50_000;

/** In-flight bookkeeping (not persisted): the adapter's concurrency bound is checked against it. */
export interface TeamsOperationStats {
  started: number;
  inFlight: number;
  maxInFlight: number;
}

const runtime = new WeakMap<TenantState, { active: Set<string>; stats: TeamsOperationStats }>();

function runtimeOf(state: TenantState) {
  let r = runtime.get(state);
  if (!r) {
    const active = new Set(
      Object.values(teamsArea(state).operations)
        .filter((o) => o.status === "notStarted" || o.status === "running")
        .map((o) => o.id),
    );
    r = { active, stats: { started: 0, inFlight: active.size, maxInFlight: active.size } };
    runtime.set(state, r);
  }
  return r;
}

export function operationStats(state: TenantState): TeamsOperationStats {
  const r = runtimeOf(state);
  return { ...r.stats, inFlight: r.active.size };
}

/** Starts measuring afresh (the bound of one run, not of the emulator's life). */
export function resetOperationStats(state: TenantState): void {
  const r = runtimeOf(state);
  r.stats = { started: 0, inFlight: r.active.size, maxInFlight: r.active.size };
}

export interface StartOperationOptions {
  now: number;
  /** A [0,1) draw deciding an injected failure. */
  draw: () => number;
  failureRate: number;
  /** Fail it whatever the draw (a fault a test chose: `faults.failingNumbers`). */
  forceFailure?: boolean;
}

/** Creates the operation and its job; the first phase (notStarted) applies at once. */
export function startNumberOperation(
  state: TenantState,
  kind: TeamsOperationRecord["kind"],
  request: TeamsOperationRecord["request"],
  opts: StartOperationOptions,
): TeamsOperationRecord {
  const area = teamsArea(state);
  const seq = nextSeq(area);
  const prefix = kind === "assign" ? "Assignment" : "Unassignment";
  const id = Buffer.from(
    `${prefix}|${guidFrom(`tenant-emulator/teams-operation/${state.tenant.tenantId}`, String(seq))}`,
    "utf8",
  ).toString("base64url");
  const op: TeamsOperationRecord = {
    id,
    kind,
    createdDateTime: isoDate(opts.now),
    status: "notStarted",
    numbers: [{ telephoneNumber: request.telephoneNumber, status: "notStarted", statusDetail: null }],
    request,
    injectedFailure: opts.forceFailure === true || (opts.failureRate > 0 && opts.draw() < opts.failureRate),
  };
  area.operations[id] = op;
  pruneOperations(area);
  const r = runtimeOf(state);
  r.active.add(id);
  r.stats.started += 1;
  r.stats.maxInFlight = Math.max(r.stats.maxInFlight, r.active.size);
  const { numberQueuedMs, numberProcessingMs } = area.timing;
  state.startJob(TEAMS_NUMBER_JOB, id, [
    { name: "notStarted", at: opts.now },
    { name: "running", at: opts.now + numberQueuedMs },
    { name: "done", at: opts.now + numberQueuedMs + numberProcessingMs },
  ]);
  return op;
}

function pruneOperations(area: TeamsAreaDoc): void {
  const ids = Object.keys(area.operations);
  if (ids.length <= KEPT_OPERATIONS) return;
  for (const id of ids.slice(0, ids.length - KEPT_OPERATIONS)) {
    const s = area.operations[id].status;
    if (s === "succeeded" || s === "failed" || s === "skipped") delete area.operations[id];
  }
}

/** The job handler: `running` shows in the operation; `done` applies the request or fails it. */
export function teamsNumberJobHandler(state: TenantState, job: JobRecord, phase: string, at: number): void {
  const area = teamsArea(state);
  const op = area.operations[job.target];
  if (!op) return;
  if (phase === "running") {
    op.status = "running";
    for (const n of op.numbers) n.status = "running";
    return;
  }
  if (phase !== "done") return;
  if (!op.injectedFailure && assignChangesNothing(area, op)) {
    op.status = "skipped";
    for (const n of op.numbers) n.status = "skipped";
    runtimeOf(state).active.delete(op.id);
    return;
  }
  const failure = op.injectedFailure
    ? "Service is unavailable. Please try again"
    : op.kind === "assign"
      ? applyAssign(state, area, op, at)
      : applyUnassign(state, area, op, at);
  op.status = failure ? "failed" : "succeeded";
  for (const n of op.numbers) {
    n.status = op.status;
    n.statusDetail = failure ?? null;
  }
  runtimeOf(state).active.delete(op.id);
}

const typeWord: Record<TeamsNumberType, string> = {
  directRouting: "DirectRouting",
  callingPlan: "CallingPlan",
  operatorConnect: "OperatorConnect",
};

/** Names of the user's enabled service plans (active licences, minus disabled plans). */
export function enabledPlans(state: TenantState, user: UserRecord): Set<string> {
  const names = new Set<string>();
  for (const l of assignedLicenses(user)) {
    const sku = state.findSku(l.skuId);
    for (const p of sku?.servicePlans ?? []) {
      if (!l.disabledPlans.includes(p.servicePlanId.toLowerCase())) names.add(p.servicePlanName);
    }
  }
  return names;
}

/** Teams Phone (MCOEV, also inside E5) is needed for any number; a Calling Plan number also needs a calling plan. */
function licenceProblem(state: TenantState, user: UserRecord, type: TeamsNumberType): boolean {
  const plans = [...enabledPlans(state, user)];
  const phone = plans.some((p) => p === "MCOEV" || p.startsWith("MCOEV_"));
  const callingPlan = plans.some((p) => p.startsWith("MCOPSTN"));
  return !phone || (type === "callingPlan" && !callingPlan);
}

function applyAssign(
  state: TenantState,
  area: TeamsAreaDoc,
  op: TeamsOperationRecord,
  at: number,
): string | undefined {
  const { telephoneNumber: n, numberType, assignmentTargetId = "" } = op.request;
  const category: TeamsAssignmentCategory = op.request.assignmentCategory ?? "primary";
  const entry = findNumber(area, n);
  if (!entry) return `Telephone Number '${n}' is not found from tenant '${state.tenant.tenantId}'`;
  if (entry.range.numberType !== numberType) {
    return `Telephone Number '${n}' is a '${typeWord[entry.range.numberType]}' number, not '${typeWord[numberType]}'`;
  }
  const user = state.findUser(assignmentTargetId);
  if (!user) return `User '${assignmentTargetId}' is not found in tenant '${state.tenant.tenantId}'`;
  const current = entry.record;
  if (current.assignmentStatus === "voiceApplicationAssigned") {
    return `Telephone Number '${n}' has already been assigned to a resource account`;
  }
  if (
    current.assignmentStatus === "userAssigned" &&
    current.assignmentTargetId?.toLowerCase() !== user.id.toLowerCase()
  ) {
    return `Telephone Number '${n}' has already been assigned to another user`;
  }
  if (licenceProblem(state, user, numberType)) {
    return `User '${user.userPrincipalName}' lacks appropriate licenses to assign a '${typeWord[numberType]}' number`;
  }
  const location = op.request.locationId ?? null;
  if (location !== null && location !== "" && !area.locations.some((l) => l.locationId === location)) {
    return `Location '${location}' is not found from tenant '${state.tenant.tenantId}'`;
  }
  if (numberType === "callingPlan" && !location && !current.locationId) {
    return `An emergency location is required to assign a 'CallingPlan' number`;
  }
  const clash = numbersOfUser(area, user.id).find(
    (r) => r.telephoneNumber !== n && r.assignmentCategory === category,
  );
  if (clash) {
    return `User '${user.userPrincipalName}' already has the ${category} number '${clash.telephoneNumber}'; unassign it first`;
  }
  const record = materialise(area, n);
  record.assignmentStatus = "userAssigned";
  record.assignmentTargetId = user.id;
  noteNumberHolder(area, record, user.id);
  record.assignmentCategory = category;
  if (location) {
    record.locationId = location;
    record.civicAddressId = area.locations.find((l) => l.locationId === location)?.civicAddressId ?? null;
  }
  area.enterpriseVoice[user.id.toLowerCase()] = true;
  touchUser(area, user.id, isoDate(at));
  startActivation(state, area, record, "assignmentPending", at);
  return undefined;
}

function applyUnassign(
  state: TenantState,
  area: TeamsAreaDoc,
  op: TeamsOperationRecord,
  at: number,
): string | undefined {
  const { telephoneNumber: n, numberType } = op.request;
  const entry = findNumber(area, n);
  if (!entry) return `Telephone Number '${n}' is not found from tenant '${state.tenant.tenantId}'`;
  if (entry.range.numberType !== numberType) {
    return `Telephone Number '${n}' is a '${typeWord[entry.range.numberType]}' number, not '${typeWord[numberType]}'`;
  }
  if (entry.record.assignmentStatus !== "userAssigned") {
    return `Telephone Number '${n}' is not assigned to any user`;
  }
  const record = materialise(area, n);
  const previous = record.assignmentTargetId;
  record.assignmentStatus = "unassigned";
  record.assignmentTargetId = null;
  record.assignmentCategory = null;
  if (previous) touchUser(area, previous, isoDate(at));
  return undefined;
}

export interface UpdateNumberChange {
  locationId?: string | null;
  networkSiteId?: string | null;
  reverseNumberLookupOptions?: string[] | null;
}

/**
 * `updateNumber` (§2.4): synchronous. An empty string clears a value, null or an omitted property keeps it.
 * Returns the error message of a 400/404, or undefined when applied.
 */
export function updateNumber(
  state: TenantState,
  n: string,
  change: UpdateNumberChange,
  at: number,
): { status: 400 | 404; message: string } | undefined {
  const area = teamsArea(state);
  const entry = findNumber(area, n);
  if (!entry)
    return {
      status: 404,
      message: `Telephone Number '${n}' is not found from tenant '${state.tenant.tenantId}'`,
    };
  const { locationId, networkSiteId, reverseNumberLookupOptions } = change;
  if (
    typeof locationId === "string" &&
    locationId !== "" &&
    !area.locations.some((l) => l.locationId === locationId)
  ) {
    return {
      status: 400,
      message: `Location '${locationId}' is not found from tenant '${state.tenant.tenantId}'`,
    };
  }
  const record = materialise(area, n);
  if (typeof locationId === "string") {
    record.locationId = locationId === "" ? null : locationId;
    record.civicAddressId =
      locationId === ""
        ? null
        : (area.locations.find((l) => l.locationId === locationId)?.civicAddressId ?? null);
  }
  if (typeof networkSiteId === "string") record.networkSiteId = networkSiteId === "" ? null : networkSiteId;
  if (Array.isArray(reverseNumberLookupOptions))
    record.reverseNumberLookupOptions = [...reverseNumberLookupOptions];
  if (record.assignmentTargetId) touchUser(area, record.assignmentTargetId, isoDate(at));
  if (typeof locationId === "string" && record.assignmentStatus === "userAssigned") {
    startActivation(state, area, record, "updatePending", at);
  }
  return undefined;
}
