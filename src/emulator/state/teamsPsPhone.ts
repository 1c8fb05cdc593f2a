import { contractCmdlet } from "../../teams/powershell/contract";
import { guidFrom } from "../ids";
import { bindParameters, isPsError, psError, type Bound, type PsError } from "./teamsCmdletBinding";
import { CALL_QUEUE_SETTINGS, PHONE_BUILDERS, PHONE_CMDLETS } from "./teamsPhoneCmdlets";
import {
  teamsPhoneAreaOf,
  WEEK_DAYS,
  type ApplicationInstanceRecord,
  type AutoAttendantRecord,
  type CallableEntity,
  type CallFlow,
  type CallHandlingAssociation,
  type CallQueueRecord,
  type Menu,
  type MenuOption,
  type Prompt,
  type ScheduleRecord,
  type TeamsPhoneAreaDoc,
  type TimeRange,
} from "./teamsPhone";
import type { CmdletHandler, PsContext } from "./teamsPsPolicies";
import { bareUser } from "./bareUser";
import type { UserRecord } from "./types";

/**
 * Schedules, auto attendants, call queues, application instances and their associations (area `teams-phone`).
 * Each rule cites its page (office-docs-powershell at the contract's commit) or is assumed; the ledger rows
 * (src/fidelity/rows/teamsPhone.ts) say which. An attendant arrives whole in one request: its call flows,
 * menus, options, prompts, targets, associations and dial scopes are nested objects, each bound against the
 * builder cmdlet the driver turns it into (PHONE_BUILDERS).
 */

/** Documented ApplicationIds (New-CsOnlineApplicationInstance.md, -ApplicationId). */
export const AUTO_ATTENDANT_APP_ID = "ce933385-9390-45d1-9512-c8d228074e07";
export const CALL_QUEUE_APP_ID = "11cd3e2e-fccb-42ad-ad00-878b93575e07";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PAGE = 100;

const phone = (ctx: PsContext): TeamsPhoneAreaDoc => teamsPhoneAreaOf(ctx.state.doc);

function newId(ctx: PsContext, kind: string): string {
  const area = phone(ctx);
  area.seq += 1;
  return guidFrom(`tenant-emulator/teams-phone/${ctx.tenantId}`, `${kind}/${area.seq}`);
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Binds a nested object as the driver's call of `builder` would; errors say where in the request it was. */
function nested(builder: string, raw: unknown, where: string): Bound | PsError {
  const contract = contractCmdlet(builder);
  if (!contract) return psError("InvalidArgument", `${where}: ${builder} is not in the contract.`);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return psError("InvalidArgument", `${where}: expected an object for ${builder}.`);
  }
  const bound = bindParameters(builder, PHONE_BUILDERS[builder], contract, raw);
  return isPsError(bound) ? { ...bound, message: `${where} (${builder}): ${bound.message}` } : bound;
}

const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Pages one list as `-First`/`-Skip` do: at most 100 at a time (Get-CsAutoAttendant.md, -First). */
function page<T>(items: T[], p: Bound): T[] | PsError {
  const first = typeof p.First === "number" ? p.First : MAX_PAGE;
  if (first > MAX_PAGE) return psError("InvalidArgument", `-First may be at most ${MAX_PAGE}.`);
  const skip = typeof p.Skip === "number" ? p.Skip : 0;
  return items.slice(skip, skip + first);
}

// ---------------------------------------------------------------------------------------------- schedules

/** A TimeSpan as the examples write it (`09:00`, `1.00:00`), in minutes. */
function minutes(v: string): number | undefined {
  const m = /^(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(v.trim());
  if (!m) return undefined;
  const [d, h, mi, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  return h > 23 || mi > 59 || s > 59 ? undefined : d * 1440 + h * 60 + mi + s / 60;
}

const hhmm = (total: number) =>
  total >= 1440
    ? "1.00:00:00"
    : `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}:00`;

/** New-CsOnlineTimeRange.md: start before end; weekly ranges on 15-minute boundaries. Overlaps: assumed. */
function timeRanges(raw: unknown, where: string): TimeRange[] | PsError {
  const out: { start: number; end: number }[] = [];
  for (const [i, item] of asList(raw).entries()) {
    const b = nested("New-CsOnlineTimeRange", item, `${where}[${i}]`);
    if (isPsError(b)) return b;
    const [start, end] = [minutes(String(b.Start)), minutes(String(b.End))];
    if (start === undefined || end === undefined || end > 1440) {
      return psError(
        "InvalidArgument",
        `${where}[${i}]: '${String(b.Start)}'–'${String(b.End)}' is not a time range within one day.`,
      );
    }
    if (start >= end)
      return psError(
        "InvalidArgument",
        `${where}[${i}]: the start bound of the range must be less than its end bound.`,
      );
    if (start % 15 !== 0 || end % 15 !== 0) {
      return psError("InvalidArgument", `${where}[${i}]: time ranges must align with 15-minute boundaries.`);
    }
    if (out.some((r) => start < r.end && r.start < end)) {
      return psError(
        "InvalidArgument",
        `${where}[${i}]: the time range overlaps another range of the same day.`,
      );
    }
    out.push({ start, end });
  }
  return out.sort((a, b) => a.start - b.start).map((r) => ({ Start: hhmm(r.start), End: hhmm(r.end) }));
}

/** `d/m/yyyy` or `d/m/yyyy H:mm` (New-CsOnlineDateTimeRange.md, examples), as a sortable number. */
function dateTime(v: string): number | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2}))?$/.exec(v.trim());
  if (!m) return undefined;
  const [d, mo, y, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i] ?? 0));
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1 || h > 23 || mi > 59) return undefined;
  return date.getTime();
}

function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()} ${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
}

/** New-CsOnlineSchedule.md NOTES: at most 10 date-time ranges; End defaults to 00:00 of the next day. */
function dateTimeRanges(raw: unknown): TimeRange[] | PsError {
  const list = asList(raw);
  if (list.length > 10)
    return psError("InvalidArgument", "A fixed schedule takes at most 10 date-time ranges.");
  const out: TimeRange[] = [];
  for (const [i, item] of list.entries()) {
    const b = nested("New-CsOnlineDateTimeRange", item, `DateTimeRanges[${i}]`);
    if (isPsError(b)) return b;
    const start = dateTime(String(b.Start));
    if (start === undefined)
      return psError("InvalidArgument", `DateTimeRanges[${i}]: '${String(b.Start)}' is not d/m/yyyy H:mm.`);
    const end =
      b.End === undefined
        ? Date.UTC(
            new Date(start).getUTCFullYear(),
            new Date(start).getUTCMonth(),
            new Date(start).getUTCDate() + 1,
          )
        : dateTime(String(b.End));
    if (end === undefined)
      return psError("InvalidArgument", `DateTimeRanges[${i}]: '${String(b.End)}' is not d/m/yyyy H:mm.`);
    if (end <= start)
      return psError("InvalidArgument", `DateTimeRanges[${i}]: the start must be before the end.`);
    out.push({ Start: formatDateTime(start), End: formatDateTime(end) });
  }
  return out;
}

function scheduleFrom(p: Bound, id: string, fixed: boolean): ScheduleRecord | PsError {
  const name = String(p.Name ?? "");
  if (fixed) {
    const ranges = dateTimeRanges(p.DateTimeRanges);
    return isPsError(ranges) ? ranges : { id, name, type: "Fixed", dateTimeRanges: ranges };
  }
  const weekly: ScheduleRecord["weekly"] = {};
  for (const day of WEEK_DAYS) {
    if (p[day] === undefined) continue;
    const ranges = timeRanges(p[day], day);
    if (isPsError(ranges)) return ranges;
    if (ranges.length > 0) weekly[day] = ranges;
  }
  if (Object.keys(weekly).length === 0) {
    return psError(
      "InvalidArgument",
      "For a weekly recurrent schedule, at least one day should have time ranges specified.",
    );
  }
  return { id, name, type: "WeeklyRecurrence", weekly, complement: p.Complement === true };
}

function scheduleObject(s: ScheduleRecord): Record<string, unknown> {
  return {
    Id: s.id,
    Name: s.name,
    Type: s.type,
    WeeklyRecurrentSchedule:
      s.type === "WeeklyRecurrence"
        ? {
            ...Object.fromEntries(WEEK_DAYS.map((d) => [d, s.weekly?.[d] ?? []])),
            ComplementEnabled: s.complement === true,
          }
        : null,
    FixedSchedule: s.type === "Fixed" ? { DateTimeRanges: s.dateTimeRanges ?? [] } : null,
  };
}

const findSchedule = (ctx: PsContext, id: string) => phone(ctx).schedules.find((s) => same(s.id, id));

/** Attendants whose call handling uses the schedule (assumed: the service refuses to remove one in use). */
const scheduleUsers = (ctx: PsContext, id: string) =>
  phone(ctx).autoAttendants.filter((a) => a.callHandlingAssociations.some((c) => same(c.ScheduleId, id)));

// ------------------------------------------------------------------------------------------ auto attendants

function prompt(raw: unknown, where: string): Prompt | PsError {
  const b = nested("New-CsAutoAttendantPrompt", raw, where);
  return isPsError(b) ? b : { ActiveType: "TextToSpeech", TextToSpeechPrompt: String(b.TextToSpeechPrompt) };
}

function prompts(raw: unknown, where: string): Prompt[] | PsError {
  const out: Prompt[] = [];
  for (const [i, item] of asList(raw).entries()) {
    const p = prompt(item, `${where}[${i}]`);
    if (isPsError(p)) return p;
    out.push(p);
  }
  return out;
}

/** A transfer target must exist when it is one of ours (assumed: the service checks its targets). */
function callable(ctx: PsContext, raw: unknown, where: string): CallableEntity | PsError {
  const b = nested("New-CsAutoAttendantCallableEntity", raw, where);
  if (isPsError(b)) return b;
  const entity: CallableEntity = { Identity: String(b.Identity), Type: String(b.Type) };
  if (b.EnableTranscription === true) entity.EnableTranscription = true;
  if (typeof b.CallPriority === "number") entity.CallPriority = b.CallPriority;
  const area = phone(ctx);
  if (
    entity.Type === "ApplicationEndpoint" &&
    !area.applicationInstances.some((a) => same(a.objectId, entity.Identity))
  ) {
    return psError("ObjectNotFound", `${where}: no application instance has the id '${entity.Identity}'.`);
  }
  if (
    entity.Type === "ConfigurationEndpoint" &&
    !area.autoAttendants.some((a) => same(a.id, entity.Identity)) &&
    !area.callQueues.some((q) => same(q.id, entity.Identity))
  ) {
    return psError(
      "ObjectNotFound",
      `${where}: no auto attendant or call queue has the id '${entity.Identity}'.`,
    );
  }
  return entity;
}

function menuOption(ctx: PsContext, raw: unknown, where: string): MenuOption | PsError {
  const b = nested("New-CsAutoAttendantMenuOption", raw, where);
  if (isPsError(b)) return b;
  const option: MenuOption = { Action: String(b.Action), DtmfResponse: String(b.DtmfResponse ?? "") };
  // New-CsAutoAttendantMenuOption.md, -CallTarget: "required if the action … is TransferCallToTarget".
  if (option.Action === "TransferCallToTarget" && b.CallTarget === undefined) {
    return psError(
      "InvalidArgument",
      `${where}: CallTarget is required if the action of the menu option is TransferCallToTarget.`,
    );
  }
  if (b.CallTarget !== undefined) {
    const target = callable(ctx, b.CallTarget, `${where}.CallTarget`);
    if (isPsError(target)) return target;
    option.CallTarget = target;
  }
  if (b.Prompt !== undefined) {
    const p = prompt(b.Prompt, `${where}.Prompt`);
    if (isPsError(p)) return p;
    option.Prompt = p;
  }
  if (typeof b.Description === "string") option.Description = b.Description;
  if (Array.isArray(b.VoiceResponses)) option.VoiceResponses = b.VoiceResponses as string[];
  return option;
}

function menu(ctx: PsContext, raw: unknown, where: string): Menu | PsError {
  const b = nested("New-CsAutoAttendantMenu", raw, where);
  if (isPsError(b)) return b;
  const ps = prompts(b.Prompts, `${where}.Prompts`);
  if (isPsError(ps)) return ps;
  const options: MenuOption[] = [];
  for (const [i, item] of asList(b.MenuOptions).entries()) {
    const o = menuOption(ctx, item, `${where}.MenuOptions[${i}]`);
    if (isPsError(o)) return o;
    // Assumed: one key, one option (a keypad press cannot mean two things).
    if (o.DtmfResponse && options.some((x) => x.DtmfResponse === o.DtmfResponse)) {
      return psError(
        "InvalidArgument",
        `${where}.MenuOptions[${i}]: ${o.DtmfResponse} is already used by another option.`,
      );
    }
    options.push(o);
  }
  return {
    Name: String(b.Name),
    Prompts: ps,
    MenuOptions: options,
    DialByNameEnabled: b.EnableDialByName === true,
    DirectorySearchMethod: typeof b.DirectorySearchMethod === "string" ? b.DirectorySearchMethod : "None",
  };
}

function callFlow(ctx: PsContext, aaId: string, raw: unknown, where: string): CallFlow | PsError {
  const b = nested("New-CsAutoAttendantCallFlow", raw, where);
  if (isPsError(b)) return b;
  const greetings = prompts(b.Greetings, `${where}.Greetings`);
  if (isPsError(greetings)) return greetings;
  const m = menu(ctx, b.Menu, `${where}.Menu`);
  if (isPsError(m)) return m;
  const name = String(b.Name);
  return {
    // Stable per attendant and name, so a Set that resends the same flows keeps their ids.
    Id: guidFrom(aaId, `callflow/${name.toLowerCase()}`),
    Name: name,
    Greetings: greetings,
    Menu: m,
    ForceListenMenuEnabled: b.ForceListenMenuEnabled === true,
  };
}

function dialScope(raw: unknown, where: string): string[] | null | PsError {
  if (raw === undefined || raw === null) return null;
  const b = nested("New-CsAutoAttendantDialScope", raw, where);
  return isPsError(b) ? b : (b.GroupIds as string[]);
}

/** The whole attendant from New's parameters (also Set's -Instance). */
function attendantFrom(ctx: PsContext, id: string, p: Bound): AutoAttendantRecord | PsError {
  const defaultFlow = callFlow(ctx, id, p.DefaultCallFlow, "DefaultCallFlow");
  if (isPsError(defaultFlow)) return defaultFlow;
  const flows: CallFlow[] = [];
  for (const [i, item] of asList(p.CallFlows).entries()) {
    const f = callFlow(ctx, id, item, `CallFlows[${i}]`);
    if (isPsError(f)) return f;
    if (flows.some((x) => same(x.Name, f.Name))) {
      return psError("InvalidArgument", `CallFlows[${i}]: another call flow is named '${f.Name}'.`);
    }
    flows.push(f);
  }
  const associations: CallHandlingAssociation[] = [];
  for (const [i, item] of asList(p.CallHandlingAssociations).entries()) {
    const where = `CallHandlingAssociations[${i}]`;
    const b = nested("New-CsAutoAttendantCallHandlingAssociation", item, where);
    if (isPsError(b)) return b;
    const scheduleId = String(b.ScheduleId);
    if (!findSchedule(ctx, scheduleId))
      return psError("ObjectNotFound", `${where}: no schedule has the id '${scheduleId}'.`);
    // The driver turns a call flow's name into the id the builder gave it; the emulator accepts either.
    const flow = flows.find((f) => same(f.Id, String(b.CallFlowId)) || same(f.Name, String(b.CallFlowId)));
    if (!flow)
      return psError(
        "ObjectNotFound",
        `${where}: no call flow of this attendant is '${String(b.CallFlowId)}'.`,
      );
    if (associations.some((a) => same(a.ScheduleId, scheduleId))) {
      return psError(
        "InvalidArgument",
        `${where}: the schedule '${scheduleId}' is already used by another association.`,
      );
    }
    associations.push({
      Type: String(b.Type),
      ScheduleId: scheduleId,
      CallFlowId: flow.Id,
      Enabled: b.Disable !== true,
      Priority: i + 1,
    });
  }
  let operator: CallableEntity | null = null;
  if (p.Operator !== undefined && p.Operator !== null) {
    const o = callable(ctx, p.Operator, "Operator");
    if (isPsError(o)) return o;
    operator = o;
  }
  const inclusion = dialScope(p.InclusionScope, "InclusionScope");
  if (isPsError(inclusion)) return inclusion;
  const exclusion = dialScope(p.ExclusionScope, "ExclusionScope");
  if (isPsError(exclusion)) return exclusion;
  return {
    id,
    name: String(p.Name),
    languageId: String(p.LanguageId),
    timeZoneId: String(p.TimeZoneId),
    voiceId: typeof p.VoiceId === "string" ? p.VoiceId : null,
    defaultCallFlow: defaultFlow,
    callFlows: flows,
    callHandlingAssociations: associations,
    operator,
    inclusionScope: inclusion,
    exclusionScope: exclusion,
    voiceResponseEnabled: p.EnableVoiceResponse === true,
  };
}

const associatedWith = (ctx: PsContext, configurationId: string) =>
  phone(ctx)
    .associations.filter((a) => same(a.configurationId, configurationId))
    .map((a) => a.id);

function attendantObject(ctx: PsContext, a: AutoAttendantRecord): Record<string, unknown> {
  const scope = (ids: string[] | null) => (ids ? { GroupScope: { GroupIds: ids } } : null);
  return {
    Identity: a.id,
    Id: a.id,
    TenantId: ctx.tenantId,
    Name: a.name,
    LanguageId: a.languageId,
    VoiceId: a.voiceId,
    TimeZoneId: a.timeZoneId,
    VoiceResponseEnabled: a.voiceResponseEnabled,
    DefaultCallFlow: a.defaultCallFlow,
    Operator: a.operator,
    CallFlows: a.callFlows,
    CallHandlingAssociations: a.callHandlingAssociations,
    Schedules: a.callHandlingAssociations
      .map((c) => findSchedule(ctx, c.ScheduleId))
      .filter((s): s is ScheduleRecord => s !== undefined)
      .map(scheduleObject),
    DirectoryLookupScope:
      a.inclusionScope || a.exclusionScope
        ? { InclusionScope: scope(a.inclusionScope), ExclusionScope: scope(a.exclusionScope) }
        : null,
    ApplicationInstances: associatedWith(ctx, a.id),
  };
}

const findAttendant = (ctx: PsContext, id: string) => phone(ctx).autoAttendants.find((a) => same(a.id, id));

// -------------------------------------------------------------------------------------------- call queues

/**
 * New-/Set-CsCallQueue.md: -UseDefaultMusicOnHold "cannot be specified together with MusicOnHoldAudioFileId", and
 * -MusicOnHoldAudioFileId "is required if the UseDefaultMusicOnHold parameter is not specified" (taken for New:
 * a Set changes only what it is given). The error's wording is assumed.
 */
function musicOnHoldProblem(p: Bound, creating: boolean): PsError | undefined {
  const file = p.MusicOnHoldAudioFileId !== undefined;
  const useDefault = p.UseDefaultMusicOnHold !== undefined;
  if (file && useDefault)
    return psError(
      "InvalidArgument",
      "UseDefaultMusicOnHold cannot be specified together with MusicOnHoldAudioFileId.",
    );
  if (creating && !file && !useDefault)
    return psError(
      "InvalidArgument",
      "MusicOnHoldAudioFileId is required if UseDefaultMusicOnHold is not specified.",
    );
  return undefined;
}

/** New-CsCallQueue.md limits: -AgentAlertTime 15–180, -OverflowThreshold 0–200, -TimeoutThreshold 0–2700. */
function queueSettings(
  current: Record<string, unknown>,
  p: Bound,
  creating = false,
): Record<string, unknown> | PsError {
  const music = musicOnHoldProblem(p, creating);
  if (music) return music;
  const next = { ...current };
  for (const [k, v] of Object.entries(p)) if (k !== "Identity") next[k] = v;
  // One music on hold at a time (assumed: what Get shows after switching between the two).
  if (p.MusicOnHoldAudioFileId !== undefined) next.UseDefaultMusicOnHold = false;
  if (p.UseDefaultMusicOnHold === true) delete next.MusicOnHoldAudioFileId;
  const range = (k: string, lo: number, hi: number) =>
    typeof next[k] === "number" && ((next[k] as number) < lo || (next[k] as number) > hi)
      ? psError("InvalidArgument", `${k} must be between ${lo} and ${hi} (got ${String(next[k])}).`)
      : undefined;
  const bad =
    range("AgentAlertTime", 15, 180) ??
    range("OverflowThreshold", 0, 200) ??
    range("TimeoutThreshold", 0, 2700);
  if (bad) return bad;
  // "rounded to the nearest 15th interval. For example, if set to 47 seconds, then it is rounded down to 45."
  if (typeof next.TimeoutThreshold === "number")
    next.TimeoutThreshold = Math.round(next.TimeoutThreshold / 15) * 15;
  for (const k of ["Users", "DistributionLists", "OboResourceAccountIds"]) {
    const wrong = ((next[k] as string[] | undefined) ?? []).find((v) => !GUID.test(v));
    if (wrong !== undefined) return psError("InvalidArgument", `${k} expects GUIDs; '${wrong}' is not one.`);
  }
  for (const which of ["Overflow", "Timeout"]) {
    const action = next[`${which}Action`];
    const target = next[`${which}ActionTarget`];
    // -OverflowActionTarget/-TimeoutActionTarget: Forward needs a Guid or a 'tel:' number, SharedVoicemail a group id.
    if (
      action === "Forward" &&
      !(typeof target === "string" && (GUID.test(target) || /^tel:\+?\d+$/i.test(target)))
    ) {
      return psError(
        "InvalidArgument",
        `${which}ActionTarget must be a Guid or a telephone number with a mandatory 'tel:' prefix when ${which}Action is Forward.`,
      );
    }
    if (action === "SharedVoicemail" && !(typeof target === "string" && GUID.test(target))) {
      return psError(
        "InvalidArgument",
        `${which}ActionTarget must be a group ID when ${which}Action is SharedVoicemail.`,
      );
    }
  }
  return next;
}

function queueObject(ctx: PsContext, q: CallQueueRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { Identity: q.id, Id: q.id };
  for (const [k, spec] of Object.entries(CALL_QUEUE_SETTINGS)) out[k] = q.settings[k] ?? spec.default ?? null;
  // Agents: the users with opt-in on (assumed: nobody has opted out in the emulator).
  out.Agents = ((out.Users as string[]) ?? []).map((id) => ({ ObjectId: id, OptIn: true }));
  out.ApplicationInstances = associatedWith(ctx, q.id);
  return out;
}

const findQueue = (ctx: PsContext, id: string) => phone(ctx).callQueues.find((q) => same(q.id, id));

// --------------------------------------------------------------------------------- application instances

function findInstance(ctx: PsContext, identity: string): ApplicationInstanceRecord | undefined {
  return phone(ctx).applicationInstances.find(
    (a) => same(a.objectId, identity) || same(a.userPrincipalName, identity),
  );
}

const instanceObject = (a: ApplicationInstanceRecord) => ({
  ObjectId: a.objectId,
  UserPrincipalName: a.userPrincipalName,
  DisplayName: a.displayName,
  ApplicationId: a.applicationId,
  PhoneNumber: a.phoneNumber,
});

/** The resource account a number is assigned to (Set-CsPhoneNumberAssignment with a resource account). */
export function applicationInstanceOf(
  ctx: PsContext,
  identity: string,
): ApplicationInstanceRecord | undefined {
  return findInstance(ctx, identity);
}

const notFound = (what: string, id: string) =>
  psError("ObjectNotFound", `Cannot find ${what} with Identity "${id}".`);

export const PHONE_HANDLERS: Record<string, CmdletHandler> = {
  "Get-CsOnlineSchedule": (ctx, p) => {
    if (typeof p.Id !== "string") return phone(ctx).schedules.map(scheduleObject);
    const s = findSchedule(ctx, p.Id);
    return s ? [scheduleObject(s)] : notFound("a schedule", p.Id);
  },
  "New-CsOnlineSchedule": (ctx, p) => {
    const s = scheduleFrom(p, newId(ctx, "schedule"), p.FixedSchedule === true);
    if (isPsError(s)) return s;
    phone(ctx).schedules.push(s);
    return scheduleObject(s);
  },
  "Set-CsOnlineSchedule": (ctx, p) => {
    const instance = (p.Instance ?? {}) as Record<string, unknown>;
    const id = String(instance.Id ?? instance.Identity ?? "");
    const current = findSchedule(ctx, id);
    if (!current) return notFound("a schedule", id);
    // Set carries the schedule's own shape: WeeklyRecurrentSchedule.{MondayHours…} or FixedSchedule.DateTimeRanges.
    const weekly = instance.WeeklyRecurrentSchedule as Record<string, unknown> | null | undefined;
    const fixed = instance.FixedSchedule as Record<string, unknown> | null | undefined;
    if ((current.type === "Fixed" && weekly) || (current.type === "WeeklyRecurrence" && fixed)) {
      return psError(
        "InvalidArgument",
        "The type of the schedule cannot be altered after the schedule is created.",
      );
    }
    const flat: Bound = { Name: instance.Name ?? current.name, ...(weekly ?? {}), ...(fixed ?? {}) };
    if (weekly) flat.Complement = weekly.ComplementEnabled === true;
    const next = scheduleFrom(flat, current.id, current.type === "Fixed");
    if (isPsError(next)) return next;
    Object.assign(current, next);
    return null;
  },
  "Remove-CsOnlineSchedule": (ctx, p) => {
    const id = String(p.Id);
    if (!findSchedule(ctx, id)) return notFound("a schedule", id);
    const users = scheduleUsers(ctx, id);
    if (users.length > 0) {
      return psError(
        "ResourceBusy",
        `The schedule is in use by auto attendant '${users[0].name}' and cannot be removed.`,
      );
    }
    phone(ctx).schedules = phone(ctx).schedules.filter((s) => !same(s.id, id));
    return null;
  },

  "Get-CsAutoAttendant": (ctx, p) => {
    if (typeof p.Identity === "string") {
      const a = findAttendant(ctx, p.Identity);
      return a ? [attendantObject(ctx, a)] : notFound("an auto attendant", p.Identity);
    }
    const filter = typeof p.NameFilter === "string" ? p.NameFilter.toLowerCase() : "";
    const list = page(
      phone(ctx).autoAttendants.filter((a) => a.name.toLowerCase().includes(filter)),
      p,
    );
    return isPsError(list) ? list : list.map((a) => attendantObject(ctx, a));
  },
  "New-CsAutoAttendant": (ctx, p) => {
    const a = attendantFrom(ctx, newId(ctx, "autoattendant"), p);
    if (isPsError(a)) return a;
    phone(ctx).autoAttendants.push(a);
    return attendantObject(ctx, a);
  },
  "Set-CsAutoAttendant": (ctx, p) => {
    const { Identity, Id, ...rest } = (p.Instance ?? {}) as Record<string, unknown>;
    const id = String(Identity ?? Id ?? "");
    const current = findAttendant(ctx, id);
    if (!current) return notFound("an auto attendant", id);
    const bound = bindParameters(
      "New-CsAutoAttendant",
      PHONE_CMDLETS["New-CsAutoAttendant"],
      contractCmdlet("New-CsAutoAttendant")!,
      rest,
    );
    if (isPsError(bound)) return { ...bound, message: `Instance: ${bound.message}` };
    const next = attendantFrom(ctx, current.id, bound);
    if (isPsError(next)) return next;
    Object.assign(current, next);
    return null;
  },
  "Remove-CsAutoAttendant": (ctx, p) => {
    const id = String(p.Identity);
    if (!findAttendant(ctx, id)) return notFound("an auto attendant", id);
    const area = phone(ctx);
    area.autoAttendants = area.autoAttendants.filter((a) => !same(a.id, id));
    area.associations = area.associations.filter((a) => !same(a.configurationId, id));
    return null;
  },

  "Get-CsCallQueue": (ctx, p) => {
    if (typeof p.Identity === "string") {
      const q = findQueue(ctx, p.Identity);
      return q ? [queueObject(ctx, q)] : notFound("a call queue", p.Identity);
    }
    const filter = typeof p.NameFilter === "string" ? p.NameFilter.toLowerCase() : "";
    const list = page(
      phone(ctx).callQueues.filter((q) => String(q.settings.Name).toLowerCase().includes(filter)),
      p,
    );
    return isPsError(list) ? list : list.map((q) => queueObject(ctx, q));
  },
  "New-CsCallQueue": (ctx, p) => {
    const settings = queueSettings({}, p, true);
    if (isPsError(settings)) return settings;
    const q: CallQueueRecord = { id: newId(ctx, "callqueue"), settings };
    phone(ctx).callQueues.push(q);
    return queueObject(ctx, q);
  },
  "Set-CsCallQueue": (ctx, p) => {
    const q = findQueue(ctx, String(p.Identity));
    if (!q) return notFound("a call queue", String(p.Identity));
    const settings = queueSettings(q.settings, p);
    if (isPsError(settings)) return settings;
    q.settings = settings;
    return null;
  },
  "Remove-CsCallQueue": (ctx, p) => {
    const id = String(p.Identity);
    if (!findQueue(ctx, id)) return notFound("a call queue", id);
    const area = phone(ctx);
    area.callQueues = area.callQueues.filter((q) => !same(q.id, id));
    area.associations = area.associations.filter((a) => !same(a.configurationId, id));
    return null;
  },

  "Get-CsOnlineApplicationInstance": (ctx, p) => {
    const ids = typeof p.Identity === "string" ? [p.Identity] : (p.Identities as string[] | undefined);
    if (ids) {
      const found = ids.map((id) => findInstance(ctx, id));
      const missing = ids.find((_, i) => !found[i]);
      if (missing !== undefined) return notFound("an application instance", missing);
      return (found as ApplicationInstanceRecord[]).map(instanceObject);
    }
    const skip = typeof p.Skip === "number" ? p.Skip : 0;
    const size = typeof p.ResultSize === "number" ? p.ResultSize : Infinity;
    return phone(ctx)
      .applicationInstances.slice(skip, skip + size)
      .map(instanceObject);
  },
  "New-CsOnlineApplicationInstance": (ctx, p) => {
    const upn = String(p.UserPrincipalName);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(upn))
      return psError("InvalidArgument", `'${upn}' is not a user principal name.`);
    if (findInstance(ctx, upn))
      return psError(
        "ResourceExists",
        `An application instance with UserPrincipalName '${upn}' already exists.`,
      );
    // "Creates an application instance in Microsoft Entra ID" (the page's synopsis): the account is a directory
    // user too, so a UPN some user already has is refused (assumed: the page does not say how).
    if (ctx.state.findUser(upn))
      return psError(
        "ResourceExists",
        `A user with UserPrincipalName '${upn}' already exists in the directory.`,
      );
    const a: ApplicationInstanceRecord = {
      objectId: newId(ctx, "applicationinstance"),
      userPrincipalName: upn,
      displayName: typeof p.DisplayName === "string" ? p.DisplayName : upn.split("@")[0],
      applicationId:
        typeof p.ApplicationId === "string" ? p.ApplicationId.toLowerCase() : AUTO_ATTENDANT_APP_ID,
      phoneNumber: null,
    };
    phone(ctx).applicationInstances.push(a);
    ctx.state.addUser(directoryUser(a, ctx.now));
    return instanceObject(a);
  },
  "Set-CsOnlineApplicationInstance": (ctx, p) => {
    const a = findInstance(ctx, String(p.Identity));
    if (!a) return notFound("an application instance", String(p.Identity));
    if (typeof p.DisplayName === "string") a.displayName = p.DisplayName;
    if (typeof p.ApplicationId === "string") {
      const next = p.ApplicationId.toLowerCase();
      // Assumed: an associated instance keeps the application of its configuration's type.
      const assoc = phone(ctx).associations.find((x) => same(x.id, a.objectId));
      if (assoc && next !== appIdOf(assoc.configurationType)) {
        return psError(
          "InvalidOperation",
          `The application instance is associated with a ${assoc.configurationType}; remove the association before changing its ApplicationId.`,
        );
      }
      a.applicationId = next;
    }
    return null;
  },

  "Get-CsOnlineApplicationInstanceAssociation": (ctx, p) => {
    const a = phone(ctx).associations.find((x) => same(x.id, String(p.Identity)));
    if (!a) return notFound("an application instance association", String(p.Identity));
    return [
      {
        Id: a.id,
        ConfigurationId: a.configurationId,
        ConfigurationType: a.configurationType,
        CallPriority: a.callPriority,
      },
    ];
  },
  "New-CsOnlineApplicationInstanceAssociation": (ctx, p) => {
    const type = p.ConfigurationType as "AutoAttendant" | "CallQueue";
    const configurationId = String(p.ConfigurationId);
    const exists =
      type === "AutoAttendant" ? findAttendant(ctx, configurationId) : findQueue(ctx, configurationId);
    if (!exists)
      return notFound(type === "AutoAttendant" ? "an auto attendant" : "a call queue", configurationId);
    const ids = p.Identities as string[];
    for (const id of ids) {
      const inst = phone(ctx).applicationInstances.find((a) => same(a.objectId, id));
      if (!inst) return notFound("an application instance", id);
      if (inst.applicationId !== appIdOf(type)) {
        return psError(
          "InvalidArgument",
          `The application instance '${id}' has ApplicationId ${inst.applicationId}, not the ${type} application ${appIdOf(type)}.`,
        );
      }
      if (phone(ctx).associations.some((a) => same(a.id, id))) {
        return psError(
          "ResourceExists",
          `The application instance '${id}' is already associated with a configuration.`,
        );
      }
    }
    const callPriority = typeof p.CallPriority === "number" ? p.CallPriority : 3;
    for (const id of ids)
      phone(ctx).associations.push({
        id: id.toLowerCase(),
        configurationId: exists.id,
        configurationType: type,
        callPriority,
      });
    return {
      Results: ids.map((id) => ({
        Id: id.toLowerCase(),
        ConfigurationId: exists.id,
        ConfigurationType: type,
        Result: "Success",
      })),
    };
  },
  "Remove-CsOnlineApplicationInstanceAssociation": (ctx, p) => {
    const ids = p.Identities as string[];
    const missing = ids.find((id) => !phone(ctx).associations.some((a) => same(a.id, id)));
    if (missing !== undefined) return notFound("an application instance association", missing);
    const area = phone(ctx);
    area.associations = area.associations.filter((a) => !ids.some((id) => same(a.id, id)));
    return { Results: ids.map((id) => ({ Id: id.toLowerCase(), Result: "Success" })) };
  },
};

function appIdOf(type: "AutoAttendant" | "CallQueue"): string {
  return type === "AutoAttendant" ? AUTO_ATTENDANT_APP_ID : CALL_QUEUE_APP_ID;
}

/**
 * The Entra user behind an application instance (New-CsOnlineApplicationInstance.md: "Creates an application
 * instance in Microsoft Entra ID"), with the instance's object id. Assumed: disabled for sign-in and without a
 * usage location, as Microsoft's "Manage resource accounts" page has the admin set the usage location afterwards.
 */
function directoryUser(a: ApplicationInstanceRecord, now: number): UserRecord {
  return bareUser({
    id: a.objectId,
    userPrincipalName: a.userPrincipalName,
    displayName: a.displayName,
    accountEnabled: false,
    createdDateTime: new Date(now).toISOString(),
  });
}
