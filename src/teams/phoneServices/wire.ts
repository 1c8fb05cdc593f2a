import { listProp, prop, stringProp, type PsObject } from "../powershell/results";
import {
  WEEK,
  type AutoAttendantSpec,
  type CallFlowSpec,
  type CallQueueSpec,
  type CallTarget,
  type CallTargetType,
  type DateRangeSpec,
  type MenuKey,
  type MenuOptionSpec,
  type ScheduleSpec,
  type Weekday,
} from "./types";

/**
 * Pure mapping between the toolkit's phone-service specs and the cmdlets' parameters and output (pages:
 * office-docs-powershell teams/teams-ps/MicrosoftTeams at the contract's commit). A whole attendant is one
 * New-/Set-CsAutoAttendant request whose nested objects the driver turns into the builders' objects
 * (docs/teams-powershell.md "Phone services").
 */

const dayParam = (d: Weekday) => `${d[0].toUpperCase()}${d.slice(1)}Hours`;

/** `24:00` → `1.00:00`, the TimeSpan New-CsOnlineTimeRange.md uses for the end of the day. */
const timeOut = (t: string) => (t === "24:00" ? "1.00:00" : t);
/** `09:00:00` / `1.00:00:00` → `09:00` / `24:00`. */
const timeIn = (t: string) => (/^1\.00:00/.test(t) ? "24:00" : t.slice(0, 5));

/** `2027-12-24` / `2027-12-24T09:00` → `24/12/2027` / `24/12/2027 09:00` (New-CsOnlineDateTimeRange.md examples). */
export function dateOut(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/.exec(iso);
  if (!m) throw new Error(`'${iso}' is not yyyy-mm-dd or yyyy-mm-ddTHH:mm`);
  return `${Number(m[3])}/${Number(m[2])}/${m[1]}${m[4] ? ` ${m[4]}` : ""}`;
}

/** `d/m/yyyy H:mm` → `yyyy-mm-ddTHH:mm`. */
export function dateIn(text: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2}))?/.exec(text.trim());
  if (!m) throw new Error(`'${text}' is not d/m/yyyy H:mm`);
  const pad = (s: string | undefined) => (s ?? "0").padStart(2, "0");
  return `${m[3]}-${pad(m[2])}-${pad(m[1])}T${pad(m[4])}:${pad(m[5] ?? "00")}`;
}

export function scheduleParameters(spec: ScheduleSpec): Record<string, unknown> {
  if (spec.kind === "fixed") {
    return {
      Name: spec.name,
      FixedSchedule: true,
      DateTimeRanges: spec.dates.map((d) => ({
        Start: dateOut(d.start),
        ...(d.end ? { End: dateOut(d.end) } : {}),
      })),
    };
  }
  const out: Record<string, unknown> = { Name: spec.name, WeeklyRecurrentSchedule: true };
  for (const day of WEEK) {
    const ranges = spec.hours[day];
    if (ranges?.length) out[dayParam(day)] = ranges.map((r) => ({ Start: r.start, End: timeOut(r.end) }));
  }
  if (spec.complement) out.Complement = true;
  return out;
}

/** Set-CsOnlineSchedule -Instance: the schedule in Get's shape. */
export function scheduleInstance(id: string, spec: ScheduleSpec): Record<string, unknown> {
  if (spec.kind === "fixed") {
    const p = scheduleParameters(spec);
    return { Id: id, Name: spec.name, FixedSchedule: { DateTimeRanges: p.DateTimeRanges } };
  }
  const weekly: Record<string, unknown> = { ComplementEnabled: spec.complement === true };
  for (const day of WEEK)
    weekly[dayParam(day)] = (spec.hours[day] ?? []).map((r) => ({ Start: r.start, End: timeOut(r.end) }));
  return { Id: id, Name: spec.name, WeeklyRecurrentSchedule: weekly };
}

export function scheduleFrom(o: PsObject): { id: string; spec: ScheduleSpec } {
  const id = stringProp(o, "Id") ?? "";
  const name = stringProp(o, "Name") ?? "";
  const fixed = prop(o, "FixedSchedule") as PsObject | null | undefined;
  if (fixed) {
    const dates: DateRangeSpec[] = listProp(fixed, "DateTimeRanges").map((r) => ({
      start: dateIn(String(prop(r as PsObject, "Start"))),
      end: dateIn(String(prop(r as PsObject, "End"))),
    }));
    return { id, spec: { name, kind: "fixed", dates } };
  }
  const weekly = (prop(o, "WeeklyRecurrentSchedule") ?? {}) as PsObject;
  const hours: Partial<Record<Weekday, { start: string; end: string }[]>> = {};
  for (const day of WEEK) {
    const ranges = listProp(weekly, dayParam(day)) as PsObject[];
    if (ranges.length > 0)
      hours[day] = ranges.map((r) => ({
        start: timeIn(String(prop(r, "Start"))),
        end: timeIn(String(prop(r, "End"))),
      }));
  }
  const spec: ScheduleSpec = { name, kind: "weekly", hours };
  if (prop(weekly, "ComplementEnabled") === true) spec.complement = true;
  return { id, spec };
}

// -------------------------------------------------------------------------------------------- attendants

/** New-CsAutoAttendantCallableEntity.md, -Type. */
const TARGET_TYPES: Record<CallTargetType, string> = {
  user: "User",
  resourceAccount: "ApplicationEndpoint",
  autoAttendant: "ConfigurationEndpoint",
  callQueue: "ConfigurationEndpoint",
  externalNumber: "ExternalPstn",
  sharedVoicemail: "SharedVoicemail",
};

/** New-CsAutoAttendantMenuOption.md, -DtmfResponse. */
const keyOut = (k: MenuKey) =>
  k === "*" ? "ToneStar" : k === "#" ? "TonePound" : k === "automatic" ? "Automatic" : `Tone${k}`;
function keyIn(dtmf: string): MenuKey {
  if (dtmf === "ToneStar") return "*";
  if (dtmf === "TonePound") return "#";
  if (dtmf === "Automatic") return "automatic";
  return dtmf.replace(/^Tone/, "") as MenuKey;
}

const ACTIONS: Record<MenuOptionSpec["action"], string> = {
  transfer: "TransferCallToTarget",
  operator: "TransferCallToOperator",
  disconnect: "DisconnectCall",
  announcement: "Announcement",
};

export function targetParameters(t: CallTarget): Record<string, unknown> {
  return {
    Identity: t.id,
    Type: TARGET_TYPES[t.type],
    ...(t.transcription ? { EnableTranscription: true } : {}),
  };
}

const tts = (text: string) => ({ TextToSpeechPrompt: text });

function flowParameters(f: CallFlowSpec): Record<string, unknown> {
  return {
    Name: f.name,
    ...(f.greeting ? { Greetings: [tts(f.greeting)] } : {}),
    Menu: {
      Name: `${f.name} menu`,
      ...(f.menuPrompt ? { Prompts: [tts(f.menuPrompt)] } : {}),
      MenuOptions: f.options.map((o) => ({
        Action: ACTIONS[o.action],
        DtmfResponse: keyOut(o.key),
        ...(o.target ? { CallTarget: targetParameters(o.target) } : {}),
        ...(o.prompt ? { Prompt: tts(o.prompt) } : {}),
      })),
      ...(f.dialByName ? { EnableDialByName: true } : {}),
    },
  };
}

/** New-CsAutoAttendant's parameters (and Set's -Instance without Identity). CallFlowId names the flow. */
export function autoAttendantParameters(spec: AutoAttendantSpec): Record<string, unknown> {
  const handled = [
    ...(spec.afterHours ? [{ type: "AfterHours", ...spec.afterHours }] : []),
    ...(spec.holidays ?? []).map((h) => ({ type: "Holiday", ...h })),
  ];
  return {
    Name: spec.name,
    LanguageId: spec.language,
    TimeZoneId: spec.timeZone,
    ...(spec.voiceId ? { VoiceId: spec.voiceId } : {}),
    DefaultCallFlow: flowParameters(spec.defaultFlow),
    ...(handled.length
      ? {
          CallFlows: handled.map((h) => flowParameters(h.flow)),
          CallHandlingAssociations: handled.map((h) => ({
            Type: h.type,
            ScheduleId: h.scheduleId,
            CallFlowId: h.flow.name,
          })),
        }
      : {}),
    ...(spec.operator ? { Operator: targetParameters(spec.operator) } : {}),
    ...(spec.dialScopeGroupIds?.length
      ? { InclusionScope: { GroupScope: true, GroupIds: spec.dialScopeGroupIds } }
      : {}),
  };
}

const firstText = (list: unknown[]) => {
  const first = list[0] as PsObject | undefined;
  return first ? stringProp(first, "TextToSpeechPrompt") : undefined;
};

/** ConfigurationEndpoint does not say attendant or queue: `kindOf` (the ids read alongside) does. */
function targetFrom(o: PsObject, kindOf: (id: string) => CallTargetType | undefined): CallTarget {
  const id = stringProp(o, "Id") ?? stringProp(o, "Identity") ?? "";
  const type = stringProp(o, "Type") ?? "";
  const found = (Object.keys(TARGET_TYPES) as CallTargetType[]).find((k) => TARGET_TYPES[k] === type);
  const t: CallTarget = {
    type: type === "ConfigurationEndpoint" ? (kindOf(id) ?? "autoAttendant") : (found ?? "user"),
    id,
  };
  if (prop(o, "EnableTranscription") === true) t.transcription = true;
  return t;
}

function flowFrom(o: PsObject, kindOf: (id: string) => CallTargetType | undefined): CallFlowSpec {
  const menu = (prop(o, "Menu") ?? {}) as PsObject;
  const flow: CallFlowSpec = {
    name: stringProp(o, "Name") ?? "",
    options: listProp(menu, "MenuOptions").map((x) => {
      const m = x as PsObject;
      const action = (Object.keys(ACTIONS) as MenuOptionSpec["action"][]).find(
        (k) => ACTIONS[k] === stringProp(m, "Action"),
      );
      const option: MenuOptionSpec = {
        key: keyIn(stringProp(m, "DtmfResponse") ?? ""),
        action: action ?? "disconnect",
      };
      const target = prop(m, "CallTarget") as PsObject | null | undefined;
      if (target) option.target = targetFrom(target, kindOf);
      const p = prop(m, "Prompt") as PsObject | null | undefined;
      if (p && stringProp(p, "TextToSpeechPrompt")) option.prompt = stringProp(p, "TextToSpeechPrompt");
      return option;
    }),
  };
  const greeting = firstText(listProp(o, "Greetings"));
  if (greeting) flow.greeting = greeting;
  const menuPrompt = firstText(listProp(menu, "Prompts"));
  if (menuPrompt) flow.menuPrompt = menuPrompt;
  if (prop(menu, "DialByNameEnabled") === true) flow.dialByName = true;
  return flow;
}

export function autoAttendantFrom(
  o: PsObject,
  kindOf: (id: string) => CallTargetType | undefined,
): { id: string; spec: AutoAttendantSpec; resourceAccounts: string[] } {
  const flows = listProp(o, "CallFlows") as PsObject[];
  const flowById = (id: string) => flows.find((f) => stringProp(f, "Id") === id);
  const spec: AutoAttendantSpec = {
    name: stringProp(o, "Name") ?? "",
    language: stringProp(o, "LanguageId") ?? "",
    timeZone: stringProp(o, "TimeZoneId") ?? "",
    defaultFlow: flowFrom((prop(o, "DefaultCallFlow") ?? {}) as PsObject, kindOf),
  };
  const voice = stringProp(o, "VoiceId");
  if (voice) spec.voiceId = voice;
  for (const a of listProp(o, "CallHandlingAssociations") as PsObject[]) {
    const flow = flowById(stringProp(a, "CallFlowId") ?? "");
    if (!flow) continue;
    const handled = { scheduleId: stringProp(a, "ScheduleId") ?? "", flow: flowFrom(flow, kindOf) };
    if (stringProp(a, "Type") === "AfterHours") spec.afterHours = handled;
    else (spec.holidays ??= []).push(handled);
  }
  const operator = prop(o, "Operator") as PsObject | null | undefined;
  if (operator) spec.operator = targetFrom(operator, kindOf);
  const scope = prop(o, "DirectoryLookupScope") as PsObject | null | undefined;
  const inclusion = scope ? (prop(scope, "InclusionScope") as PsObject | null) : null;
  const groups = inclusion ? listProp((prop(inclusion, "GroupScope") ?? {}) as PsObject, "GroupIds") : [];
  if (groups.length) spec.dialScopeGroupIds = groups.map(String);
  return {
    id: stringProp(o, "Identity") ?? stringProp(o, "Id") ?? "",
    spec,
    resourceAccounts: listProp(o, "ApplicationInstances").map(String),
  };
}

// ------------------------------------------------------------------------------------------- call queues

/** New-/Set-CsCallQueue parameters of the settings the spec gives (Set changes only those). */
export function callQueueParameters(spec: Partial<CallQueueSpec>): Record<string, unknown> {
  const p: Record<string, unknown> = {
    Name: spec.name,
    Users: spec.agents,
    LanguageId: spec.language,
    DistributionLists: spec.agentGroups,
    RoutingMethod: spec.routing,
    PresenceBasedRouting: spec.presenceBasedRouting,
    AllowOptOut: spec.allowOptOut,
    AgentAlertTime: spec.agentAlertTime,
    OverflowThreshold: spec.overflowThreshold,
    OverflowAction: spec.overflow?.action,
    OverflowActionTarget: spec.overflow?.target,
    // Always said for a shared voicemail, so turning transcription off is sent too (Set changes only what it gets).
    EnableOverflowSharedVoicemailTranscription:
      spec.overflow?.action === "SharedVoicemail" ? spec.overflow.transcription === true : undefined,
    TimeoutThreshold: spec.timeoutSeconds,
    TimeoutAction: spec.timeout?.action,
    TimeoutActionTarget: spec.timeout?.target,
    EnableTimeoutSharedVoicemailTranscription:
      spec.timeout?.action === "SharedVoicemail" ? spec.timeout.transcription === true : undefined,
    WelcomeTextToSpeechPrompt: spec.welcomeText,
    // New-/Set-CsCallQueue.md: -UseDefaultMusicOnHold "cannot be specified together with MusicOnHoldAudioFileId".
    ...(spec.musicOnHoldAudioFileId
      ? { MusicOnHoldAudioFileId: spec.musicOnHoldAudioFileId }
      : { UseDefaultMusicOnHold: spec.useDefaultMusicOnHold }),
  };
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
}

export function callQueueFrom(o: PsObject): { id: string; spec: CallQueueSpec; resourceAccounts: string[] } {
  const str = (k: string) => stringProp(o, k);
  const num = (k: string) => (typeof prop(o, k) === "number" ? (prop(o, k) as number) : undefined);
  const bool = (k: string) => (typeof prop(o, k) === "boolean" ? (prop(o, k) as boolean) : undefined);
  const spec: CallQueueSpec = {
    name: str("Name") ?? "",
    agents: listProp(o, "Users").map(String),
    agentGroups: listProp(o, "DistributionLists").map(String),
    routing: str("RoutingMethod") as CallQueueSpec["routing"],
    presenceBasedRouting: bool("PresenceBasedRouting"),
    allowOptOut: bool("AllowOptOut"),
    agentAlertTime: num("AgentAlertTime"),
    overflowThreshold: num("OverflowThreshold"),
    overflow: exit(
      str("OverflowAction"),
      str("OverflowActionTarget"),
      bool("EnableOverflowSharedVoicemailTranscription"),
    ) as CallQueueSpec["overflow"],
    timeoutSeconds: num("TimeoutThreshold"),
    timeout: exit(
      str("TimeoutAction"),
      str("TimeoutActionTarget"),
      bool("EnableTimeoutSharedVoicemailTranscription"),
    ) as CallQueueSpec["timeout"],
    language: str("LanguageId"),
    welcomeText: str("WelcomeTextToSpeechPrompt"),
    useDefaultMusicOnHold: bool("UseDefaultMusicOnHold"),
    musicOnHoldAudioFileId:
      bool("UseDefaultMusicOnHold") === false ? str("MusicOnHoldAudioFileId") : undefined,
  };
  const clean = Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as CallQueueSpec;
  return {
    id: str("Identity") ?? str("Id") ?? "",
    spec: clean,
    resourceAccounts: listProp(o, "ApplicationInstances").map(String),
  };
}

function exit(action: string | undefined, target: string | undefined, transcription: boolean | undefined) {
  if (!action) return undefined;
  const transcribed = action === "SharedVoicemail" && transcription === true ? { transcription: true } : {};
  return target ? { action, target, ...transcribed } : { action };
}
