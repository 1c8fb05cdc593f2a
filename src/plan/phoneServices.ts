/**
 * Phone services in reviewer words (issue #15): what changes for the citizens who call, per attendant, queue,
 * resource account, holiday calendar and schedule, from the PhoneServices / PhoneSchedules inputs at the base and
 * at the head (their desired shape, src/teams/phoneServices/desired.ts). Pure.
 *
 * High risks: a public number that is left unanswered (its attendant or queue removed, or an attendant losing the
 * flow it plays out of hours while it keeps business hours) and a queue left without agents.
 */
import type {
  DesiredAutoAttendant,
  DesiredCallFlow,
  DesiredCallQueue,
  DesiredResourceAccount,
  DesiredTarget,
  HolidayCalendar,
  PhoneSchedulesDesired,
  PhoneServicesDesired,
  SharedSchedule,
} from "../teams/phoneServices/desired";
import type { TimeRangeSpec, Weekday } from "../teams/phoneServices/types";
import { WEEK } from "../teams/phoneServices/types";

export interface PhoneServiceLine {
  text: string;
  /** A change that leaves callers unanswered: `phone-unanswered` or `queue-no-agents`. */
  risk?: "phone-unanswered" | "queue-no-agents";
}

const DAY: Record<Weekday, string> = {
  monday: "Mon",
  tuesday: "Tue",
  wednesday: "Wed",
  thursday: "Thu",
  friday: "Fri",
  saturday: "Sat",
  sunday: "Sun",
};

/** `Mon–Fri 08:30–20:00; Sat 09:00–14:00`: consecutive days with the same ranges read as one span. */
export function describeWeekly(weekly: Partial<Record<Weekday, TimeRangeSpec[]>> | undefined): string {
  const text = (d: Weekday) => (weekly?.[d] ?? []).map((r) => `${r.start}–${r.end}`).join(", ");
  const spans: string[] = [];
  let i = 0;
  while (i < WEEK.length) {
    const hours = text(WEEK[i]);
    let j = i;
    while (j + 1 < WEEK.length && text(WEEK[j + 1]) === hours) j += 1;
    if (hours) spans.push(`${DAY[WEEK[i]]}${j > i ? `–${DAY[WEEK[j]]}` : ""} ${hours}`);
    i = j + 1;
  }
  return spans.length > 0 ? spans.join("; ") : "closed";
}

function describeTarget(t: DesiredTarget | undefined): string {
  if (!t) return "nowhere";
  switch (t.type) {
    case "user":
      return t.userPrincipalName;
    case "autoAttendant":
      return `attendant ${t.name}`;
    case "callQueue":
      return `queue ${t.name}`;
    case "externalNumber":
      return t.number;
    case "sharedVoicemail":
      return "shared voicemail";
  }
}

function describeOption(o: DesiredCallFlow["options"][number] | undefined): string {
  if (!o) return "nothing";
  if (o.action === "transfer") return describeTarget(o.target);
  if (o.action === "announcement") return "an announcement";
  return o.action;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function flowChanges(
  label: string,
  before: DesiredCallFlow | undefined,
  after: DesiredCallFlow | undefined,
): string[] {
  const out: string[] = [];
  if (before?.greeting !== after?.greeting)
    out.push(after?.greeting === undefined ? `${label}greeting removed` : `${label}greeting changed`);
  if (before?.menuPrompt !== after?.menuPrompt) out.push(`${label}menu prompt changed`);
  const keys = [...new Set([...(before?.options ?? []), ...(after?.options ?? [])].map((o) => o.key))];
  for (const key of keys) {
    const was = before?.options.find((o) => o.key === key);
    const now = after?.options.find((o) => o.key === key);
    if (same(was, now)) continue;
    if (!was) out.push(`${label}key ${key} added (${describeOption(now)})`);
    else if (!now) out.push(`${label}key ${key} removed (was ${describeOption(was)})`);
    else out.push(`${label}key ${key}: ${describeOption(was)} → ${describeOption(now)}`);
  }
  if (Boolean(before?.dialByName) !== Boolean(after?.dialByName))
    out.push(`${label}dial by name ${after?.dialByName ? "on" : "off"}`);
  return out;
}

function hoursText(a: DesiredAutoAttendant): string {
  if (!a.hours) return "always open";
  return "schedule" in a.hours ? `schedule ${a.hours.schedule}` : describeWeekly(a.hours.weekly);
}

/** The public number a resource account gives an attendant or queue, by `type:name`. */
function numbersOf(d: PhoneServicesDesired | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of d?.resourceAccounts ?? []) {
    if (!r.number) continue;
    const key = `${r.answers.type}:${r.answers.name}`;
    out.set(key, [...(out.get(key) ?? []), r.number]);
  }
  return out;
}

/** What callers know an attendant or queue by: the display name of the account that answers for it. */
function labelsOf(d: PhoneServicesDesired | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of d?.resourceAccounts ?? []) {
    const key = `${r.answers.type}:${r.answers.name}`;
    if (!out.has(key)) out.set(key, `${r.displayName} (${r.answers.name})`);
  }
  return out;
}

function byName<T extends { name: string }>(list: readonly T[] | undefined): Map<string, T> {
  return new Map((list ?? []).map((x) => [x.name, x]));
}

function attendantLines(
  before: DesiredAutoAttendant | undefined,
  after: DesiredAutoAttendant | undefined,
  label: string,
  numbers: string[],
): PhoneServiceLine[] {
  if (!before && after) return [{ text: `${label}: auto attendant added (${hoursText(after)})` }];
  const lines: PhoneServiceLine[] = [];
  if (before && !after) {
    lines.push({ text: `${label}: auto attendant removed` });
    return lines;
  }
  if (!before || !after) return lines;
  const words: string[] = [];
  const hoursBefore = hoursText(before);
  const hoursAfter = hoursText(after);
  if (hoursBefore !== hoursAfter) words.push(`opening hours ${hoursBefore} → ${hoursAfter}`);
  words.push(...flowChanges("", before.open, after.open));
  words.push(...flowChanges("after hours: ", before.afterHours, after.afterHours));
  const calendars = (a: DesiredAutoAttendant) => (a.holidays ?? []).map((h) => h.calendar);
  for (const c of calendars(after).filter((c) => !calendars(before).includes(c)))
    words.push(`holiday calendar ${c} added`);
  for (const c of calendars(before).filter((c) => !calendars(after).includes(c)))
    words.push(`holiday calendar ${c} removed`);
  for (const h of after.holidays ?? []) {
    const was = before.holidays?.find((x) => x.calendar === h.calendar);
    if (was) words.push(...flowChanges(`on ${h.calendar}: `, was.flow, h.flow));
  }
  if (!same(before.operator, after.operator))
    words.push(`operator ${describeTarget(before.operator)} → ${describeTarget(after.operator)}`);
  if (before.language !== after.language) words.push(`language ${before.language} → ${after.language}`);
  if (before.timeZone !== after.timeZone) words.push(`time zone ${before.timeZone} → ${after.timeZone}`);
  if (words.length > 0) lines.push({ text: `${label}: ${words.join("; ")}` });
  if (numbers.length > 0 && answeredOutOfHours(before) && !answeredOutOfHours(after)) {
    const why = !after.afterHours
      ? before.afterHours
        ? "no longer plays the after-hours flow"
        : "is left unanswered: business hours without an after-hours flow"
      : "is left unanswered: the after-hours flow ends the call at once";
    lines.push({ text: `${label}: out of hours ${numbers.join(", ")} ${why}`, risk: "phone-unanswered" });
  }
  return lines;
}

/** A flow that does something for the caller before the call ends: a greeting, a menu, dial by name. */
const answers = (flow: DesiredCallFlow | undefined): boolean =>
  !!flow &&
  (!!flow.greeting ||
    !!flow.menuPrompt ||
    !!flow.dialByName ||
    flow.options.some((o) => o.action !== "disconnect"));

/** Always open, or closed hours with a flow that answers. */
const answeredOutOfHours = (a: DesiredAutoAttendant): boolean => !a.hours || answers(a.afterHours);

const agentsText = (q: DesiredCallQueue) => {
  const parts = [
    ...(q.agentGroupIds.length > 0
      ? [q.agentGroupIds.length === 1 ? "a group" : `${q.agentGroupIds.length} groups`]
      : []),
    ...(q.agents.length > 0 ? [q.agents.join(", ")] : []),
  ];
  return parts.length > 0 ? parts.join(" + ") : "none";
};

function queueLines(
  before: DesiredCallQueue | undefined,
  after: DesiredCallQueue | undefined,
  label: string,
): PhoneServiceLine[] {
  if (!before && after) {
    const lines: PhoneServiceLine[] = [{ text: `${label}: call queue added (agents: ${agentsText(after)})` }];
    if (agentsText(after) === "none")
      lines.push({ text: `${label}: the queue has no agents`, risk: "queue-no-agents" });
    return lines;
  }
  if (before && !after) return [{ text: `${label}: call queue removed` }];
  if (!before || !after) return [];
  const words: string[] = [];
  const field = (name: string, a: unknown, b: unknown) => {
    if (!same(a, b)) words.push(`${name} ${String(a ?? "(none)")} → ${String(b ?? "(none)")}`);
  };
  if (agentsText(before) !== agentsText(after) || !same(before.agentGroupIds, after.agentGroupIds))
    words.push(`agents ${agentsText(before)} → ${agentsText(after)}`);
  field("routing", before.routing, after.routing);
  field("presence-based routing", before.presenceBasedRouting, after.presenceBasedRouting);
  field("agent alert time", before.agentAlertTime, after.agentAlertTime);
  field("overflow threshold", before.overflowThreshold, after.overflowThreshold);
  if (!same(before.overflow, after.overflow))
    words.push(
      `overflow ${before.overflow.action} ${describeTarget(before.overflow.target)} → ${after.overflow.action} ${describeTarget(after.overflow.target)}`,
    );
  field("timeout", before.timeoutSeconds, after.timeoutSeconds);
  if (!same(before.timeout, after.timeout))
    words.push(
      `timeout ${before.timeout.action} ${describeTarget(before.timeout.target)} → ${after.timeout.action} ${describeTarget(after.timeout.target)}`,
    );
  if (before.welcomeText !== after.welcomeText) words.push("welcome text changed");
  const music = (q: DesiredCallQueue) => q.musicOnHoldAudioFileId ?? "Teams' default";
  if (music(before) !== music(after)) words.push(`music on hold ${music(before)} → ${music(after)}`);
  field("language", before.language, after.language);
  const lines: PhoneServiceLine[] = words.length > 0 ? [{ text: `${label}: ${words.join("; ")}` }] : [];
  if (agentsText(after) === "none" && agentsText(before) !== "none")
    lines.push({ text: `${label}: the queue is left without agents`, risk: "queue-no-agents" });
  return lines;
}

function accountLines(
  before: DesiredResourceAccount | undefined,
  after: DesiredResourceAccount | undefined,
): PhoneServiceLine[] {
  const upn = (after ?? before)?.userPrincipalName ?? "?";
  if (!before && after)
    return [
      {
        text: `resource account ${upn} added (${after.displayName}${after.number ? `, ${after.number}` : ""}, answers ${after.answers.name})`,
      },
    ];
  if (before && !after)
    return [
      { text: `resource account ${upn} removed${before.number ? ` (${before.number} released)` : ""}` },
    ];
  if (!before || !after) return [];
  const words: string[] = [];
  if (before.displayName !== after.displayName)
    words.push(`name ${before.displayName} → ${after.displayName}`);
  if (before.number !== after.number)
    words.push(`number ${before.number ?? "(none)"} → ${after.number ?? "(none)"}`);
  if (!same(before.answers, after.answers))
    words.push(`answers ${before.answers.name} → ${after.answers.name}`);
  if (before.usageLocation !== after.usageLocation)
    words.push(`usage location ${before.usageLocation} → ${after.usageLocation}`);
  return words.length > 0 ? [{ text: `resource account ${upn}: ${words.join("; ")}` }] : [];
}

/** A department's phone services, base → head, in words. */
export function phoneServicesLines(
  before: PhoneServicesDesired | undefined,
  after: PhoneServicesDesired | undefined,
): PhoneServiceLine[] {
  const lines: PhoneServiceLine[] = [];
  const numbersBefore = numbersOf(before);
  const numbersAfter = numbersOf(after);
  const labels = new Map([...labelsOf(before), ...labelsOf(after)]);
  const label = (type: string, name: string) => labels.get(`${type}:${name}`) ?? name;

  const attendantsBefore = byName(before?.autoAttendants);
  const attendantsAfter = byName(after?.autoAttendants);
  for (const name of new Set([...attendantsBefore.keys(), ...attendantsAfter.keys()])) {
    const key = `autoAttendant:${name}`;
    lines.push(
      ...attendantLines(
        attendantsBefore.get(name),
        attendantsAfter.get(name),
        label("autoAttendant", name),
        numbersAfter.get(key) ?? [],
      ),
    );
    if (!attendantsAfter.has(name) && (numbersBefore.get(key) ?? []).length > 0)
      lines.push({
        text: `${label("autoAttendant", name)}: ${numbersBefore.get(key)!.join(", ")} is left unanswered`,
        risk: "phone-unanswered",
      });
  }
  const queuesBefore = byName(before?.callQueues);
  const queuesAfter = byName(after?.callQueues);
  for (const name of new Set([...queuesBefore.keys(), ...queuesAfter.keys()])) {
    lines.push(...queueLines(queuesBefore.get(name), queuesAfter.get(name), label("callQueue", name)));
    const key = `callQueue:${name}`;
    if (!queuesAfter.has(name) && (numbersBefore.get(key) ?? []).length > 0)
      lines.push({
        text: `${label("callQueue", name)}: ${numbersBefore.get(key)!.join(", ")} is left unanswered`,
        risk: "phone-unanswered",
      });
  }
  const accountsBefore = new Map(
    (before?.resourceAccounts ?? []).map((r) => [r.userPrincipalName.toLowerCase(), r]),
  );
  const accountsAfter = new Map(
    (after?.resourceAccounts ?? []).map((r) => [r.userPrincipalName.toLowerCase(), r]),
  );
  for (const upn of new Set([...accountsBefore.keys(), ...accountsAfter.keys()]))
    lines.push(...accountLines(accountsBefore.get(upn), accountsAfter.get(upn)));
  return lines;
}

function calendarLines(
  before: HolidayCalendar | undefined,
  after: HolidayCalendar | undefined,
  name: string,
): string[] {
  if (!before) return [`holiday calendar ${name} added (${after?.entries.length ?? 0} dates)`];
  if (!after) return [`holiday calendar ${name} removed`];
  const was = new Map(before.entries.map((e) => [e.date, e]));
  const now = new Map(after.entries.map((e) => [e.date, e]));
  const words: string[] = [];
  for (const [date, e] of now) if (!was.has(date)) words.push(`holiday ${date} added (${e.name})`);
  for (const [date, e] of was) if (!now.has(date)) words.push(`holiday ${date} removed (${e.name})`);
  for (const [date, e] of now) {
    const old = was.get(date);
    if (old && !same(old, e)) words.push(`holiday ${date}: ${old.name} → ${e.name}`);
  }
  return words.length > 0 ? [`holiday calendar ${name}: ${words.join("; ")}`] : [];
}

function scheduleLines(
  before: SharedSchedule | undefined,
  after: SharedSchedule | undefined,
  name: string,
): string[] {
  if (!before) return [`schedule ${name} added (${describeWeekly(after?.weekly)})`];
  if (!after) return [`schedule ${name} removed`];
  const was = describeWeekly(before.weekly);
  const now = describeWeekly(after.weekly);
  return was === now ? [] : [`schedule ${name}: opening hours ${was} → ${now}`];
}

/**
 * The tenant's holiday calendars and shared schedules, base → head, in words; `usedBy` names who uses each (so a
 * reviewer reads "horario-010 (010 Línea Ciudadana): opening hours …").
 */
export function phoneSchedulesLines(
  before: PhoneSchedulesDesired | undefined,
  after: PhoneSchedulesDesired | undefined,
  usedBy: ReadonlyMap<string, readonly string[]> = new Map(),
): PhoneServiceLine[] {
  const named = (n: string) => {
    const users = usedBy.get(n) ?? [];
    if (users.length === 0) return n;
    const more = users.length > 2 ? ` and ${users.length - 2} more` : "";
    return `${n} (${users.slice(0, 2).join(", ")}${more})`;
  };
  const lines: string[] = [];
  const calendarsBefore = byName(before?.holidayCalendars);
  const calendarsAfter = byName(after?.holidayCalendars);
  for (const n of new Set([...calendarsBefore.keys(), ...calendarsAfter.keys()]))
    lines.push(...calendarLines(calendarsBefore.get(n), calendarsAfter.get(n), named(n)));
  const schedulesBefore = byName(before?.schedules);
  const schedulesAfter = byName(after?.schedules);
  for (const n of new Set([...schedulesBefore.keys(), ...schedulesAfter.keys()]))
    lines.push(...scheduleLines(schedulesBefore.get(n), schedulesAfter.get(n), named(n)));
  return lines.map((text) => ({ text }));
}

/** Schedule and calendar name → the attendants (by what callers know them as) that use it. */
export function scheduleUsers(departments: readonly PhoneServicesDesired[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (name: string, who: string) => out.set(name, [...new Set([...(out.get(name) ?? []), who])]);
  for (const d of departments) {
    const labels = labelsOf(d);
    for (const a of d.autoAttendants) {
      const who = (labels.get(`autoAttendant:${a.name}`) ?? a.name).replace(/ \(.*\)$/, "");
      if (a.hours && "schedule" in a.hours) add(a.hours.schedule, who);
      for (const h of a.holidays ?? []) add(h.calendar, who);
    }
  }
  return out;
}
