import type { StateDocument } from "./types";

/**
 * The emulated Teams phone-services state, kept under `doc.areas["teams-phone"]`: schedules, auto attendants,
 * call queues, application instances (resource accounts) and their associations. Records hold the values the
 * cmdlets were given, already bound and checked (teamsPsPhone.ts); Get builds the module's output shape.
 */

export const TEAMS_PHONE_AREA = "teams-phone";

export interface TimeRange {
  Start: string;
  End: string;
}

export const WEEK_DAYS = [
  "MondayHours",
  "TuesdayHours",
  "WednesdayHours",
  "ThursdayHours",
  "FridayHours",
  "SaturdayHours",
  "SundayHours",
] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

export interface ScheduleRecord {
  id: string;
  name: string;
  /** The module's ScheduleType names (assumed: the pages show no output). */
  type: "WeeklyRecurrence" | "Fixed";
  /** Weekly: the hours of each day that has any. */
  weekly?: Partial<Record<WeekDay, TimeRange[]>>;
  complement?: boolean;
  /** Fixed: `d/m/yyyy H:mm` as given. */
  dateTimeRanges?: TimeRange[];
}

export interface CallableEntity {
  Identity: string;
  Type: string;
  EnableTranscription?: boolean;
  CallPriority?: number;
}

export interface Prompt {
  ActiveType: "TextToSpeech";
  TextToSpeechPrompt: string;
}

export interface MenuOption {
  Action: string;
  DtmfResponse: string;
  CallTarget?: CallableEntity;
  Prompt?: Prompt;
  Description?: string;
  VoiceResponses?: string[];
}

export interface Menu {
  Name: string;
  Prompts: Prompt[];
  MenuOptions: MenuOption[];
  DialByNameEnabled: boolean;
  DirectorySearchMethod: string;
}

export interface CallFlow {
  Id: string;
  Name: string;
  Greetings: Prompt[];
  Menu: Menu;
  ForceListenMenuEnabled: boolean;
}

export interface CallHandlingAssociation {
  Type: string;
  ScheduleId: string;
  CallFlowId: string;
  Enabled: boolean;
  Priority: number;
}

export interface AutoAttendantRecord {
  id: string;
  name: string;
  languageId: string;
  timeZoneId: string;
  voiceId: string | null;
  defaultCallFlow: CallFlow;
  callFlows: CallFlow[];
  callHandlingAssociations: CallHandlingAssociation[];
  operator: CallableEntity | null;
  inclusionScope: string[] | null;
  exclusionScope: string[] | null;
  voiceResponseEnabled: boolean;
}

export interface CallQueueRecord {
  id: string;
  settings: Record<string, unknown>;
}

export interface ApplicationInstanceRecord {
  objectId: string;
  userPrincipalName: string;
  displayName: string;
  applicationId: string;
  phoneNumber: string | null;
}

export interface AssociationRecord {
  /** The application instance's object id. */
  id: string;
  configurationId: string;
  configurationType: "AutoAttendant" | "CallQueue";
  callPriority: number;
}

export interface TeamsPhoneAreaDoc {
  version: 1;
  schedules: ScheduleRecord[];
  autoAttendants: AutoAttendantRecord[];
  callQueues: CallQueueRecord[];
  applicationInstances: ApplicationInstanceRecord[];
  associations: AssociationRecord[];
  /** Source of generated ids. */
  seq: number;
}

/** The phone area of a state document, created on first use (older state files have none). */
export function teamsPhoneAreaOf(doc: StateDocument): TeamsPhoneAreaDoc {
  const existing = doc.areas[TEAMS_PHONE_AREA] as TeamsPhoneAreaDoc | undefined;
  if (existing) return existing;
  const area: TeamsPhoneAreaDoc = {
    version: 1,
    schedules: [],
    autoAttendants: [],
    callQueues: [],
    applicationInstances: [],
    associations: [],
    seq: 0,
  };
  doc.areas[TEAMS_PHONE_AREA] = area;
  return area;
}
