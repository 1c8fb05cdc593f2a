/**
 * Names → ids: the desired shape (desired.ts, in the definition's words) as the adapter's specs (types.ts, in
 * ids). Pure: the ids come from `ResolvedIds` (what the resource holds, what this run created, the users looked
 * up). A name with no id yet throws `UnresolvedError`, which `apply` reports against the object that needed it.
 */
import type {
  DesiredAutoAttendant,
  DesiredCallFlow,
  DesiredCallQueue,
  DesiredHours,
  DesiredTarget,
} from "./desired";
import type { ScheduleIds } from "./diff";
import type { AutoAttendantSpec, CallFlowSpec, CallQueueSpec, CallTarget, ScheduleSpec } from "./types";
import { WEEK } from "./types";

export interface ResolvedIds {
  attendant(name: string): string | undefined;
  queue(name: string): string | undefined;
  /** The object id of the resource account that answers for the attendant or queue `name`. */
  accountFor(type: "autoAttendant" | "callQueue", name: string): string | undefined;
  user(userPrincipalName: string): string | undefined;
  /** The id of the attendant's own weekly-hours schedule. */
  ownHours(attendant: string): string | undefined;
  schedules: ScheduleIds;
}

export class UnresolvedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnresolvedError";
  }
}

const need = (id: string | undefined, what: string): string => {
  if (!id) throw new UnresolvedError(`${what} has no id yet (it was not created, or its creation failed)`);
  return id;
};

const needUser = (id: string | undefined, what: string): string => {
  if (!id) throw new UnresolvedError(`${what} could not be resolved to a user`);
  return id;
};

export function resolveTarget(t: DesiredTarget, ids: ResolvedIds): CallTarget {
  switch (t.type) {
    case "user":
      return { type: "user", id: needUser(ids.user(t.userPrincipalName), `user ${t.userPrincipalName}`) };
    case "autoAttendant":
      return { type: "autoAttendant", id: need(ids.attendant(t.name), `auto attendant '${t.name}'`) };
    case "callQueue":
      return { type: "callQueue", id: need(ids.queue(t.name), `call queue '${t.name}'`) };
    case "externalNumber":
      return { type: "externalNumber", id: `tel:${t.number}` };
    case "sharedVoicemail":
      return {
        type: "sharedVoicemail",
        id: t.groupId,
        ...(t.transcription ? { transcription: true } : {}),
      };
  }
}

/**
 * A queue's overflow/timeout target is an id string (New-CsCallQueue.md -OverflowActionTarget: a user or
 * application instance id, or a `tel:` URI), so an attendant or a queue is reached through its resource account.
 */
export function queueTarget(t: DesiredTarget, ids: ResolvedIds): string {
  switch (t.type) {
    case "user":
      return needUser(ids.user(t.userPrincipalName), `user ${t.userPrincipalName}`);
    case "externalNumber":
      return `tel:${t.number}`;
    case "sharedVoicemail":
      return t.groupId;
    default:
      return need(ids.accountFor(t.type, t.name), `the resource account answering '${t.name}'`);
  }
}

/** An attendant target with no id yet (a cycle of new attendants: created without it, then updated). */
const pendingAttendant = (t: DesiredTarget | undefined, ids: ResolvedIds) =>
  t?.type === "autoAttendant" && !ids.attendant(t.name);

function flowSpec(f: DesiredCallFlow, name: string, ids: ResolvedIds, partial = false): CallFlowSpec {
  return {
    name,
    ...(f.greeting ? { greeting: f.greeting } : {}),
    ...(f.menuPrompt ? { menuPrompt: f.menuPrompt } : {}),
    options: f.options
      .filter((o) => !partial || !pendingAttendant(o.target, ids))
      .map((o) => ({
        key: o.key,
        action: o.action,
        ...(o.target ? { target: resolveTarget(o.target, ids) } : {}),
        ...(o.prompt ? { prompt: o.prompt } : {}),
      })),
    ...(f.dialByName ? { dialByName: true } : {}),
  };
}

const DISCONNECT: DesiredCallFlow = { options: [{ key: "automatic", action: "disconnect" }] };

function hoursScheduleId(a: DesiredAutoAttendant, hours: DesiredHours, ids: ResolvedIds): string {
  if ("schedule" in hours) {
    const found = ids.schedules[hours.schedule];
    if (!found?.length) throw new UnresolvedError(`shared schedule '${hours.schedule}' has no id`);
    return found[0];
  }
  return need(ids.ownHours(a.name), `the business hours of '${a.name}'`);
}

/**
 * `partial`: leave out the menu options and the operator that target an attendant with no id yet, so the first of
 * a cycle of new attendants (A's menu reaches B, B's reaches A) can be created; it is then updated whole.
 */
export function attendantSpec(a: DesiredAutoAttendant, ids: ResolvedIds, partial = false): AutoAttendantSpec {
  const spec: AutoAttendantSpec = {
    name: a.name,
    language: a.language,
    timeZone: a.timeZone,
    ...(a.voiceId ? { voiceId: a.voiceId } : {}),
    defaultFlow: flowSpec(a.open, "Open", ids, partial),
  };
  if (a.hours)
    spec.afterHours = {
      scheduleId: hoursScheduleId(a, a.hours, ids),
      flow: flowSpec(a.afterHours ?? DISCONNECT, "After hours", ids, partial),
    };
  const holidays = (a.holidays ?? []).flatMap((h) => {
    const chunks = ids.schedules[h.calendar];
    if (!chunks?.length) throw new UnresolvedError(`holiday calendar '${h.calendar}' has no id`);
    return chunks.map((scheduleId, i) => ({
      scheduleId,
      flow: flowSpec(h.flow, `Holiday ${h.calendar}${chunks.length > 1 ? ` ${i + 1}` : ""}`, ids, partial),
    }));
  });
  if (holidays.length) spec.holidays = holidays;
  if (a.operator && !(partial && pendingAttendant(a.operator, ids)))
    spec.operator = resolveTarget(a.operator, ids);
  if (a.dialScopeGroupIds?.length) spec.dialScopeGroupIds = [...a.dialScopeGroupIds];
  return spec;
}

export function queueSpec(q: DesiredCallQueue, ids: ResolvedIds): CallQueueSpec {
  const exit = <A extends string>(e: { action: A; target?: DesiredTarget }) =>
    e.target
      ? {
          action: e.action,
          target: queueTarget(e.target, ids),
          ...(e.target.type === "sharedVoicemail" && e.target.transcription ? { transcription: true } : {}),
        }
      : { action: e.action };
  return {
    name: q.name,
    ...(q.language ? { language: q.language } : {}),
    agents: q.agents.map((u) => needUser(ids.user(u), `agent ${u}`)),
    agentGroups: [...q.agentGroupIds],
    routing: q.routing,
    presenceBasedRouting: q.presenceBasedRouting,
    allowOptOut: q.allowOptOut,
    agentAlertTime: q.agentAlertTime,
    overflowThreshold: q.overflowThreshold,
    overflow: exit(q.overflow),
    timeoutSeconds: q.timeoutSeconds,
    timeout: exit(q.timeout),
    ...(q.welcomeText ? { welcomeText: q.welcomeText } : {}),
    useDefaultMusicOnHold: q.useDefaultMusicOnHold,
    ...(q.musicOnHoldAudioFileId ? { musicOnHoldAudioFileId: q.musicOnHoldAudioFileId } : {}),
  };
}

/** An attendant's own business hours as a weekly schedule named after it. */
export function ownHoursSpec(
  attendant: string,
  weekly: Extract<DesiredHours, { weekly: unknown }>["weekly"],
): ScheduleSpec {
  const hours: typeof weekly = {};
  for (const d of WEEK) if (weekly[d]?.length) hours[d] = weekly[d];
  return { name: `${attendant} hours`, kind: "weekly", hours };
}

/** A holiday calendar's chunk as a fixed schedule: a date alone is the whole day (00:00 to 00:00 next day). */
export function holidayScheduleSpec(
  name: string,
  entries: readonly { date: string; end?: string }[],
): ScheduleSpec {
  return {
    name,
    kind: "fixed",
    dates: entries.map((e) => {
      const start = e.date.includes("T") ? e.date : `${e.date}T00:00`;
      const end = e.end
        ? e.end.includes("T")
          ? e.end
          : `${e.end}T00:00`
        : `${nextDay(e.date.slice(0, 10))}T00:00`;
      return { start, end };
    }),
  };
}

/** `2027-12-31` → `2028-01-01`: a whole-day holiday ends at the next day's midnight. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
