/**
 * A department's phone services as its definition asks for them (issue #15), in names rather than object ids:
 * the render builds this from the department file and tenant.yaml, the `PhoneServices` dynamic resource takes it
 * as its inputs, diffs it per object (keyed by name) against what it holds, and resolves names to ids when it
 * applies (types.ts / wire.ts / adapter.ts speak ids). The plan's words and the policy pack read the same shape.
 *
 * Every object the department owns is named `<department>-…` by the render, so two departments can never
 * address the same tenant object (department files are untrusted input).
 */
import type { QueueRouting, TimeRangeSpec, Weekday } from "./types";

/** Where a call goes, in the definition's words. */
export type DesiredTarget =
  | { type: "user"; userPrincipalName: string }
  | { type: "autoAttendant"; name: string }
  | { type: "callQueue"; name: string }
  | { type: "externalNumber"; number: string }
  /** Voicemail of a Microsoft 365 group, by its object id (the department's group or a dedicated one). */
  | { type: "sharedVoicemail"; groupId: string; transcription?: boolean };

/** Business hours: a shared schedule of tenant.yaml by name, or the attendant's own weekly hours. */
export type DesiredHours = { schedule: string } | { weekly: Partial<Record<Weekday, TimeRangeSpec[]>> };

export interface DesiredMenuOption {
  key: "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "*" | "#" | "automatic";
  action: "transfer" | "operator" | "disconnect" | "announcement";
  target?: DesiredTarget;
  prompt?: string;
}

export interface DesiredCallFlow {
  greeting?: string;
  menuPrompt?: string;
  options: DesiredMenuOption[];
  dialByName?: boolean;
}

export interface DesiredAutoAttendant {
  /** Unique tenant-wide (`<department>-…`). */
  name: string;
  language: string;
  timeZone: string;
  voiceId?: string;
  /** The flow in business hours. */
  open: DesiredCallFlow;
  /** Business hours and the flow outside them; absent = always open. */
  hours?: DesiredHours;
  afterHours?: DesiredCallFlow;
  /** Holiday calendars of tenant.yaml by name, each with the flow on its dates. */
  holidays?: { calendar: string; flow: DesiredCallFlow }[];
  operator?: DesiredTarget;
  /** Dial-by-name searches only these groups (object ids). */
  dialScopeGroupIds?: string[];
}

export interface DesiredQueueExit<A extends string> {
  action: A;
  target?: DesiredTarget;
}

export interface DesiredCallQueue {
  /** Unique tenant-wide (`<department>-…`). */
  name: string;
  language?: string;
  /** Agents named one by one (UPNs). */
  agents: string[];
  /** Groups whose members are agents (object ids: the department's group or a dedicated one). */
  agentGroupIds: string[];
  routing: QueueRouting;
  presenceBasedRouting: boolean;
  allowOptOut: boolean;
  agentAlertTime: number;
  overflowThreshold: number;
  overflow: DesiredQueueExit<"DisconnectWithBusy" | "Forward" | "Voicemail" | "SharedVoicemail">;
  timeoutSeconds: number;
  timeout: DesiredQueueExit<"Disconnect" | "Forward" | "Voicemail" | "SharedVoicemail">;
  welcomeText?: string;
  useDefaultMusicOnHold: boolean;
  /** The uploaded audio file played instead of Teams' default (then useDefaultMusicOnHold is false). */
  musicOnHoldAudioFileId?: string;
}

export interface DesiredResourceAccount {
  userPrincipalName: string;
  displayName: string;
  /** The attendant or queue (by name) it answers for. */
  answers: { type: "autoAttendant" | "callQueue"; name: string };
  /** Its public number (E.164), assigned through the department's number assignments; absent = none. */
  number?: string;
  /** The type of `number`'s range (Set-CsPhoneNumberAssignment -NumberType); needed when `number` is set. */
  numberType?: "callingPlan" | "directRouting" | "operatorConnect";
  usageLocation: string;
}

/** Inputs of one department's `PhoneServices` resource. */
export interface PhoneServicesDesired {
  department: string;
  resourceAccounts: DesiredResourceAccount[];
  autoAttendants: DesiredAutoAttendant[];
  callQueues: DesiredCallQueue[];
}

/** Tenant-wide, owned by the platform team (tenant.yaml): holiday calendars and shared weekly schedules. */
export interface HolidayCalendar {
  name: string;
  /** Dated entries; `end` absent = the whole day. */
  entries: { date: string; end?: string; name: string }[];
}

export interface SharedSchedule {
  name: string;
  weekly: Partial<Record<Weekday, TimeRangeSpec[]>>;
}

export interface PhoneSchedulesDesired {
  holidayCalendars: HolidayCalendar[];
  schedules: SharedSchedule[];
}
