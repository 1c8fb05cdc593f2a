import { parsePhoneNumberFromString } from "libphonenumber-js";
import { guidFrom } from "../ids";
import type { NumberRange } from "../../config/schema/telephony";
import type { TenantState } from "./tenantState";
import type { StateDocument } from "./types";

/**
 * The emulated Teams admin state, kept under `doc.areas.teams` (graph-teams-licensing.md §2–§3): the number
 * inventory, number operations, policies, PSTN usages, voice routes, LIS addresses and locations, group and
 * per-user policy assignments. One document serves both the Graph routes and the fake-PowerShell endpoint,
 * so a policy created through PowerShell has the id Graph's `getPolicyId` returns.
 */

export const TEAMS_AREA = "teams";

export type TeamsNumberType = "directRouting" | "callingPlan" | "operatorConnect";
export type TeamsAssignmentCategory = "primary" | "private" | "alternate";
/**
 * `skipped` is on the resource page (teamsadministration-telephonenumberlongrunningoperation.md) but not in the
 * metadata enum and not defined there: the emulator uses it for an assignment that would change nothing.
 */
export type OperationStatus = "notStarted" | "running" | "succeeded" | "failed" | "skipped";

/**
 * A range of the inventory. Ranges are stored as start/end only — a 10,000-number range costs one record —
 * and a number is materialised in `numbers` only once something touched it.
 */
export interface TeamsNumberRangeRecord {
  id: string;
  numberType: TeamsNumberType;
  /** E.164 with '+'. */
  start: string;
  end: string;
  isoCountryCode: string | null;
  operatorId: string;
}

/** A number something touched (assigned, unassigned, given a location). Untouched numbers are implied by ranges. */
export interface TeamsNumberRecord {
  telephoneNumber: string;
  /** `voiceApplicationAssigned`: held by a resource account (Set-CsPhoneNumberAssignment, teamsPsPhoneNumbers.ts). */
  assignmentStatus: "unassigned" | "userAssigned" | "voiceApplicationAssigned";
  assignmentTargetId: string | null;
  assignmentCategory: TeamsAssignmentCategory | null;
  locationId: string | null;
  civicAddressId: string | null;
  networkSiteId: string | null;
  reverseNumberLookupOptions: string[];
  /**
   * Set while a change is activating (numberAssignment.activationState, teamsadministration-numberassignment.md):
   * `assignmentPending` after an assignment, `updatePending` after a location update; absent = `activated`.
   */
  activationState?: "assignmentPending" | "updatePending";
}

export interface TeamsOperationNumber {
  telephoneNumber: string;
  status: OperationStatus;
  statusDetail: string | null;
}

/** An asynchronous assignNumber/unassignNumber, moved through its phases by a job on the emulator clock. */
export interface TeamsOperationRecord {
  id: string;
  kind: "assign" | "unassign";
  createdDateTime: string;
  status: OperationStatus;
  numbers: TeamsOperationNumber[];
  /** What the client asked, applied when the operation completes. */
  request: {
    telephoneNumber: string;
    numberType: TeamsNumberType;
    assignmentTargetId?: string;
    assignmentCategory?: TeamsAssignmentCategory;
    locationId?: string | null;
  };
  /** Drawn at creation from `faults.numberOperationFailureRate`: the service fails it whatever the request. */
  injectedFailure: boolean;
}

export interface TeamsPolicyRecord {
  /** Policy type as Graph and `-PolicyType` name it, e.g. `TeamsCallingPolicy`. */
  type: string;
  /** `Global`, or the tag name (without `Tag:`), verbatim. */
  name: string;
  policyId: string;
  /** Cmdlet parameters as given (PascalCase), verbatim. */
  settings: Record<string, unknown>;
}

export interface TeamsVoiceRouteRecord {
  name: string;
  settings: Record<string, unknown>;
}

export interface TeamsCivicAddressRecord {
  civicAddressId: string;
  defaultLocationId: string;
  /** Cmdlet parameters as given (CompanyName, StreetName, …), verbatim. */
  fields: Record<string, unknown>;
}

export interface TeamsLocationRecord {
  locationId: string;
  civicAddressId: string;
  location: string | null;
  elin: string | null;
  isDefault: boolean;
}

export interface TeamsGroupAssignmentRecord {
  groupId: string;
  policyType: string;
  policyName: string;
  /** 1 = highest priority; contiguous per policy type. */
  rank: number;
  createdTime: string;
}

/** Durations of a number operation's phases on the emulator clock. */
export interface TeamsTiming {
  /** notStarted → running. */
  numberQueuedMs: number;
  /** running → succeeded/failed. */
  numberProcessingMs: number;
}

export const DEFAULT_TEAMS_TIMING: TeamsTiming = { numberQueuedMs: 1000, numberProcessingMs: 2000 };

export interface TeamsAreaDoc {
  version: 1;
  timing: TeamsTiming;
  /** Sorted by start. */
  numberRanges: TeamsNumberRangeRecord[];
  /** Keyed by E.164 number with '+'. */
  numbers: Record<string, TeamsNumberRecord>;
  /** Keyed by operation id, in creation order. */
  operations: Record<string, TeamsOperationRecord>;
  policies: TeamsPolicyRecord[];
  /** Graph `userAssignments/assign`: user id (lower case) → policy type → policy id. */
  userPolicies: Record<string, Record<string, string>>;
  groupAssignments: TeamsGroupAssignmentRecord[];
  /** The tenant's single global PSTN usage list (`Set-CsOnlinePstnUsage -Identity global`). */
  pstnUsages: string[];
  voiceRoutes: TeamsVoiceRouteRecord[];
  civicAddresses: TeamsCivicAddressRecord[];
  locations: TeamsLocationRecord[];
  /** User id (lower case) → last change to numbers or policies, for `userConfigurations.modifiedDateTime`. */
  userModified: Record<string, string>;
  /** Enterprise voice switched on (assigning a number does it, §3.1); user id lower case. */
  enterpriseVoice: Record<string, true>;
  /** Source of generated ids (policies, addresses, locations, operations). */
  seq: number;
}

export function emptyTeamsArea(): TeamsAreaDoc {
  return {
    version: 1,
    timing: { ...DEFAULT_TEAMS_TIMING },
    numberRanges: [],
    numbers: {},
    operations: {},
    policies: [],
    userPolicies: {},
    groupAssignments: [],
    pstnUsages: [],
    voiceRoutes: [],
    civicAddresses: [],
    locations: [],
    userModified: {},
    enterpriseVoice: {},
    seq: 0,
  };
}

/** The Teams area of a state document, created on first use (state files from before Teams have none). */
export function teamsAreaOf(doc: StateDocument): TeamsAreaDoc {
  const existing = doc.areas[TEAMS_AREA] as TeamsAreaDoc | undefined;
  if (existing) return existing;
  const area = emptyTeamsArea();
  doc.areas[TEAMS_AREA] = area;
  return area;
}

export function teamsArea(state: TenantState): TeamsAreaDoc {
  return teamsAreaOf(state.doc);
}

/** The next value of the area's id sequence. */
export function nextSeq(area: TeamsAreaDoc): number {
  area.seq += 1;
  return area.seq;
}

/** Seeds the inventory from a definition's `numberRanges`: every number unassigned, with its range's type. */
export function seedTeamsArea(doc: StateDocument, ranges: readonly NumberRange[]): void {
  const area = teamsAreaOf(doc);
  area.numberRanges = ranges
    .map((r) => ({
      id: r.id,
      numberType: r.type,
      start: r.start,
      end: r.end,
      isoCountryCode: parsePhoneNumberFromString(r.start)?.country ?? null,
      operatorId: guidFrom(`tenant-emulator/teams-operator/${doc.tenant.tenantId}`, r.type),
    }))
    .sort((a, b) => compareNumbers(a.start, b.start));
}

/** Orders E.164 numbers numerically (shorter numbers first, then digit by digit). */
export function compareNumbers(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** `+` and digits; the '+' is optional on input and always present on output (§2.1). */
export function normalizeNumber(input: string): string | undefined {
  const trimmed = input.trim();
  const digits = trimmed.startsWith("+") ? trimmed.slice(1) : trimmed;
  return /^[1-9]\d{1,14}$/.test(digits) ? `+${digits}` : undefined;
}

/** Marks a user's Teams configuration changed (numbers, enterprise voice, direct policies). */
export function touchUser(area: TeamsAreaDoc, userId: string, at: string): void {
  area.userModified[userId.toLowerCase()] = at;
}
