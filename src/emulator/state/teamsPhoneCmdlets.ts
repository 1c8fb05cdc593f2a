import {
  any,
  bool,
  guid,
  int,
  objects,
  oneOf,
  str,
  strings,
  sw,
  type CmdletSpec,
  type ParamSpec,
} from "./teamsCmdletSpec";

/**
 * The phone-services cmdlets the fake-PowerShell endpoint implements (area `teams-phone`): schedules, auto
 * attendants, call queues, application instances (resource accounts) and their associations. Names, sets,
 * mandatory and types come from the vendored contract (office-docs-powershell at its pinned commit); this table
 * says which documented parameters are emulated and how their values are read. Values listed in a page's
 * description (not a ValidateSet) are the `enum` members below, quoted from that page.
 *
 * Builder cmdlets (New-CsAutoAttendantCallFlow, …Menu, …MenuOption, …Prompt, …CallableEntity,
 * …CallHandlingAssociation, …DialScope, New-CsOnlineTimeRange, New-CsOnlineDateTimeRange) are never requests:
 * the driver calls them to turn a nested JSON object into the module's object. The emulator binds each nested
 * object against that builder's contract with the specs in `PHONE_BUILDERS`, so a nested parameter the page does
 * not document is refused exactly as a top-level one is.
 */

/** New-CsAutoAttendantCallableEntity.md, -Type. */
export const CALLABLE_TYPES = [
  "User",
  "ApplicationEndpoint",
  "ConfigurationEndpoint",
  "ExternalPstn",
  "SharedVoicemail",
] as const;
/** New-CsAutoAttendantMenuOption.md, -Action (the two "Restricted to VoiceApps TAP customers" values left out). */
export const MENU_ACTIONS = [
  "Announcement",
  "DisconnectCall",
  "TransferCallToOperator",
  "TransferCallToTarget",
] as const;
/** New-CsAutoAttendantMenuOption.md, -DtmfResponse: Tone0 to Tone9, ToneStar, TonePound, Automatic. */
export const DTMF_RESPONSES = [
  ...Array.from({ length: 10 }, (_, i) => `Tone${i}`),
  "ToneStar",
  "TonePound",
  "Automatic",
] as const;
/** New-CsCallQueue.md: -RoutingMethod, -OverflowAction, -TimeoutAction (PARAMVALUE lines). */
export const ROUTING_METHODS = ["Attendant", "Serial", "RoundRobin", "LongestIdle"] as const;
export const OVERFLOW_ACTIONS = ["DisconnectWithBusy", "Forward", "Voicemail", "SharedVoicemail"] as const;
export const TIMEOUT_ACTIONS = ["Disconnect", "Forward", "Voicemail", "SharedVoicemail"] as const;

/** The call-queue settings emulated on New and Set (stored as given; Get shows the page's defaults otherwise). */
export const CALL_QUEUE_SETTINGS: Readonly<Record<string, ParamSpec>> = {
  Name: str,
  AgentAlertTime: { kind: "int", default: 30 },
  AllowOptOut: { kind: "bool", default: true },
  ConferenceMode: { kind: "bool", default: true },
  PresenceBasedRouting: { kind: "bool", default: true },
  RoutingMethod: { ...oneOf(ROUTING_METHODS), default: "Attendant" },
  OverflowThreshold: { kind: "int", default: 50 },
  OverflowAction: { ...oneOf(OVERFLOW_ACTIONS), default: "DisconnectWithBusy" },
  OverflowActionTarget: str,
  OverflowSharedVoicemailTextToSpeechPrompt: str,
  EnableOverflowSharedVoicemailTranscription: bool,
  TimeoutThreshold: { kind: "int", default: 1200 },
  TimeoutAction: { ...oneOf(TIMEOUT_ACTIONS), default: "Disconnect" },
  TimeoutActionTarget: str,
  TimeoutSharedVoicemailTextToSpeechPrompt: str,
  EnableTimeoutSharedVoicemailTranscription: bool,
  LanguageId: str,
  UseDefaultMusicOnHold: bool,
  MusicOnHoldAudioFileId: guid,
  WelcomeTextToSpeechPrompt: str,
  Users: { kind: "list", items: "string", default: [] },
  DistributionLists: { kind: "list", items: "string", default: [] },
  OboResourceAccountIds: { kind: "list", items: "string", default: [] },
};

const withoutDefaults = (settings: Readonly<Record<string, ParamSpec>>) =>
  Object.fromEntries(Object.entries(settings).map(([k, { default: _d, ...spec }]) => [k, spec]));

/** The attendant's parameters as New takes them and as Set's -Instance carries them (see PHONE_BUILDERS). */
const AUTO_ATTENDANT: Readonly<Record<string, ParamSpec>> = {
  Name: str,
  LanguageId: str,
  TimeZoneId: str,
  VoiceId: str,
  DefaultCallFlow: any,
  CallFlows: objects,
  CallHandlingAssociations: objects,
  Operator: any,
  InclusionScope: any,
  ExclusionScope: any,
  EnableVoiceResponse: sw,
};

export const PHONE_CMDLETS: Readonly<Record<string, CmdletSpec>> = {
  "Get-CsOnlineSchedule": { params: { Id: str }, output: "list" },
  "New-CsOnlineSchedule": {
    params: {
      Name: str,
      WeeklyRecurrentSchedule: sw,
      FixedSchedule: sw,
      MondayHours: objects,
      TuesdayHours: objects,
      WednesdayHours: objects,
      ThursdayHours: objects,
      FridayHours: objects,
      SaturdayHours: objects,
      SundayHours: objects,
      Complement: sw,
      DateTimeRanges: objects,
    },
    output: "object",
  },
  /** -Instance: the schedule as Get returns it, changed (Set-CsOnlineSchedule.md Example 1). */
  "Set-CsOnlineSchedule": { params: { Instance: any }, output: "none" },
  "Remove-CsOnlineSchedule": { params: { Id: str }, output: "none" },

  "Get-CsAutoAttendant": {
    params: { Identity: str, NameFilter: str, First: int, Skip: int },
    output: "list",
  },
  "New-CsAutoAttendant": { params: AUTO_ATTENDANT, output: "object" },
  /** -Instance: the attendant (Set-CsAutoAttendant.md Example 1), carried as New's parameters plus Identity. */
  "Set-CsAutoAttendant": { params: { Instance: any }, output: "none" },
  "Remove-CsAutoAttendant": { params: { Identity: str }, output: "none" },

  "Get-CsCallQueue": { params: { Identity: guid, NameFilter: str, First: int, Skip: int }, output: "list" },
  "New-CsCallQueue": { params: withoutDefaults(CALL_QUEUE_SETTINGS), output: "object" },
  "Set-CsCallQueue": { params: { Identity: str, ...withoutDefaults(CALL_QUEUE_SETTINGS) }, output: "none" },
  "Remove-CsCallQueue": { params: { Identity: guid }, output: "none" },

  "Get-CsOnlineApplicationInstance": {
    params: { Identity: str, Identities: strings, ResultSize: int, Skip: int },
    output: "list",
  },
  "New-CsOnlineApplicationInstance": {
    params: { UserPrincipalName: str, DisplayName: str, ApplicationId: guid },
    output: "object",
  },
  "Set-CsOnlineApplicationInstance": {
    params: { Identity: str, DisplayName: str, ApplicationId: guid },
    output: "none",
  },

  "Get-CsOnlineApplicationInstanceAssociation": { params: { Identity: str }, output: "list" },
  "New-CsOnlineApplicationInstanceAssociation": {
    params: {
      Identities: strings,
      ConfigurationId: str,
      ConfigurationType: oneOf(["AutoAttendant", "CallQueue"]),
      CallPriority: int,
    },
    output: "object",
  },
  "Remove-CsOnlineApplicationInstanceAssociation": { params: { Identities: strings }, output: "object" },

  /** Emulated for resource accounts only (teamsPsPhoneNumbers.ts); users' numbers go through Graph. */
  "Set-CsPhoneNumberAssignment": {
    params: {
      Identity: str,
      TelephoneNumber: str,
      NumberType: str,
      LocationId: str,
      AssignmentCategory: str,
    },
    output: "none",
  },
  "Remove-CsPhoneNumberAssignment": {
    params: { Identity: str, TelephoneNumber: str, NumberType: str, RemoveAll: sw },
    output: "none",
  },
};

/** How the nested objects of an attendant or a schedule are bound: the builder cmdlet's documented parameters. */
export const PHONE_BUILDERS: Readonly<Record<string, CmdletSpec>> = {
  "New-CsOnlineTimeRange": { params: { Start: str, End: str }, output: "object" },
  "New-CsOnlineDateTimeRange": { params: { Start: str, End: str }, output: "object" },
  "New-CsAutoAttendantPrompt": { params: { TextToSpeechPrompt: str }, output: "object" },
  "New-CsAutoAttendantCallableEntity": {
    params: { Identity: str, Type: oneOf(CALLABLE_TYPES), EnableTranscription: sw, CallPriority: int },
    output: "object",
  },
  "New-CsAutoAttendantMenuOption": {
    params: {
      Action: oneOf(MENU_ACTIONS),
      DtmfResponse: oneOf(DTMF_RESPONSES),
      CallTarget: any,
      Prompt: any,
      Description: str,
      VoiceResponses: strings,
    },
    output: "object",
  },
  "New-CsAutoAttendantMenu": {
    params: {
      Name: str,
      Prompts: any,
      MenuOptions: objects,
      EnableDialByName: sw,
      DirectorySearchMethod: oneOf(["None", "ByName", "ByExtension"]),
    },
    output: "object",
  },
  "New-CsAutoAttendantCallFlow": {
    params: { Name: str, Greetings: objects, Menu: any, ForceListenMenuEnabled: sw },
    output: "object",
  },
  "New-CsAutoAttendantCallHandlingAssociation": {
    params: { Type: oneOf(["AfterHours", "Holiday"]), ScheduleId: str, CallFlowId: str, Disable: sw },
    output: "object",
  },
  "New-CsAutoAttendantDialScope": { params: { GroupScope: sw, GroupIds: strings }, output: "object" },
};
