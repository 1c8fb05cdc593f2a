/**
 * Phone services as the toolkit describes them (issue #15): schedules, auto attendants, call queues and resource
 * accounts, in the toolkit's words. wire.ts turns them into the cmdlets' parameters (office-docs-powershell at
 * the contract's commit) and the cmdlets' output back into them.
 */

/** `HH:mm` within a day; `24:00` ends a range at midnight. */
export interface TimeRangeSpec {
  start: string;
  end: string;
}

export const WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof WEEK)[number];

/** A date (`2027-05-15`) or a date and time (`2027-12-24T09:00`); without `end`, the whole day. */
export interface DateRangeSpec {
  start: string;
  end?: string;
}

export type ScheduleSpec =
  | { name: string; kind: "weekly"; hours: Partial<Record<Weekday, TimeRangeSpec[]>>; complement?: boolean }
  | { name: string; kind: "fixed"; dates: DateRangeSpec[] };

export interface Schedule {
  id: string;
  spec: ScheduleSpec;
}

export type CallTargetType =
  "user" | "resourceAccount" | "autoAttendant" | "callQueue" | "externalNumber" | "sharedVoicemail";

/** `id`: a user, resource-account, attendant, queue or group id, or `tel:+…` for an external number. */
export interface CallTarget {
  type: CallTargetType;
  id: string;
  /** Shared voicemail only. */
  transcription?: boolean;
}

/** `0`–`9`, `*`, `#`, or `automatic` (no key: runs straight away). */
export type MenuKey = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "*" | "#" | "automatic";

export interface MenuOptionSpec {
  key: MenuKey;
  action: "transfer" | "operator" | "disconnect" | "announcement";
  target?: CallTarget;
  /** Text-to-speech, for an announcement. */
  prompt?: string;
}

/** One call flow: a greeting, then a menu (its prompt and options). Names are unique within an attendant. */
export interface CallFlowSpec {
  name: string;
  greeting?: string;
  menuPrompt?: string;
  options: MenuOptionSpec[];
  dialByName?: boolean;
}

export interface AutoAttendantSpec {
  name: string;
  /** e.g. `es-ES`. */
  language: string;
  /** Windows time-zone id, e.g. `Romance Standard Time`. */
  timeZone: string;
  voiceId?: string;
  /** The business-hours flow (the attendant's default call flow). */
  defaultFlow: CallFlowSpec;
  /** Out of `scheduleId`'s hours (a weekly schedule). */
  afterHours?: { scheduleId: string; flow: CallFlowSpec };
  /** On `scheduleId`'s dates (fixed schedules). */
  holidays?: { scheduleId: string; flow: CallFlowSpec }[];
  operator?: CallTarget;
  /** Dial-by-name searches only these groups. */
  dialScopeGroupIds?: string[];
}

export interface AutoAttendant {
  id: string;
  spec: AutoAttendantSpec;
  /** Object ids of the resource accounts associated with it. */
  resourceAccounts: string[];
}

export type QueueRouting = "Attendant" | "Serial" | "RoundRobin" | "LongestIdle";

export interface QueueExit<A extends string> {
  action: A;
  /** Forward: a user or resource-account id or `tel:+…`; SharedVoicemail: a group id. */
  target?: string;
  /** SharedVoicemail only: transcribe it (-EnableOverflow/TimeoutSharedVoicemailTranscription). */
  transcription?: boolean;
}

export interface CallQueueSpec {
  name: string;
  language?: string;
  /** User object ids. */
  agents: string[];
  /** Group ids whose members are agents. */
  agentGroups?: string[];
  routing?: QueueRouting;
  presenceBasedRouting?: boolean;
  allowOptOut?: boolean;
  /** Seconds, 15–180. */
  agentAlertTime?: number;
  /** Calls waiting before overflow, 0–200. */
  overflowThreshold?: number;
  overflow?: QueueExit<"DisconnectWithBusy" | "Forward" | "Voicemail" | "SharedVoicemail">;
  /** Seconds, 0–2700 (the service rounds to 15). */
  timeoutSeconds?: number;
  timeout?: QueueExit<"Disconnect" | "Forward" | "Voicemail" | "SharedVoicemail">;
  welcomeText?: string;
  useDefaultMusicOnHold?: boolean;
  musicOnHoldAudioFileId?: string;
}

export interface CallQueue {
  id: string;
  /** As read: every setting filled in, the service's defaults included. */
  spec: CallQueueSpec;
  resourceAccounts: string[];
}

export type ResourceAccountKind = "autoAttendant" | "callQueue";

export interface ResourceAccountSpec {
  userPrincipalName: string;
  displayName: string;
  kind: ResourceAccountKind;
}

export interface ResourceAccount {
  objectId: string;
  spec: ResourceAccountSpec;
  phoneNumber: string | null;
  /** The attendant or queue it answers for. */
  association: { configurationId: string; type: ResourceAccountKind } | null;
}

export interface PhoneServicesState {
  schedules: Schedule[];
  autoAttendants: AutoAttendant[];
  callQueues: CallQueue[];
  resourceAccounts: ResourceAccount[];
}
