/**
 * `check` of `PhoneServices` and `PhoneSchedules`: what the provider cannot apply is refused before anything is
 * written, naming the object and field. The definition's `validate` reports the same problems against the
 * department file's lines (issue #15); this is the resource's own guard, for inputs from any program.
 */
import { isUnknown } from "../../m365/licensing/inputs";
import type { DesiredTarget, PhoneSchedulesDesired } from "./desired";
import type { PhoneServicesInputs } from "./diff";

export interface CheckFailure {
  property: string;
  reason: string;
}

const E164 = /^\+[1-9]\d{6,14}$/;

export function checkPhoneServices(news: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason });
  const inputs = news as unknown as PhoneServicesInputs;
  if (typeof inputs.department !== "string" || inputs.department === "")
    fail("department", "must be the department id, a non-empty string");
  for (const list of ["resourceAccounts", "autoAttendants", "callQueues"] as const)
    if (!Array.isArray(inputs[list])) fail(list, "must be a list");
  if (failures.length > 0) return failures;

  const prefix = `${inputs.department}-`.toLowerCase();
  const names = (list: { name: string }[], field: string, what: string) => {
    const seen = new Map<string, number>();
    list.forEach((o, i) => {
      const key = (o.name ?? "").toLowerCase();
      if (!key.startsWith(prefix))
        fail(
          `${field}[${i}].name`,
          `${what} '${o.name}' must be named '${inputs.department}-…' (its department)`,
        );
      const first = seen.get(key);
      if (first !== undefined) fail(`${field}[${i}].name`, `${what} '${o.name}' is also ${field}[${first}]`);
      seen.set(key, i);
    });
    return seen;
  };
  const attendants = names(inputs.autoAttendants, "autoAttendants", "auto attendant");
  const queues = names(inputs.callQueues, "callQueues", "call queue");
  const schedules = isUnknown(inputs.scheduleIds) ? undefined : (inputs.scheduleIds ?? {});

  const target = (t: DesiredTarget | undefined, at: string) => {
    if (!t) return;
    if (t.type === "autoAttendant" && !attendants.has(t.name.toLowerCase()))
      fail(at, `auto attendant '${t.name}' is not one of the department's auto attendants`);
    if (t.type === "callQueue" && !queues.has(t.name.toLowerCase()))
      fail(at, `call queue '${t.name}' is not one of the department's call queues`);
    if (t.type === "externalNumber" && !E164.test(t.number))
      fail(at, `'${t.number}' is not an E.164 number ('+', country code, digits)`);
  };
  const schedule = (name: string, at: string) => {
    if (schedules && !(name in schedules))
      fail(
        at,
        `'${name}' is not a holiday calendar or shared schedule of tenant.yaml (known: ${Object.keys(schedules).sort().join(", ") || "none"})`,
      );
  };
  inputs.autoAttendants.forEach((a, i) => {
    const at = `autoAttendants[${i}]`;
    const flows = [
      ["open", a.open],
      ["afterHours", a.afterHours],
      ...(a.holidays ?? []).map((h, j) => [`holidays[${j}].flow`, h.flow] as const),
    ] as const;
    for (const [field, flow] of flows)
      flow?.options.forEach((o, j) => target(o.target, `${at}.${field}.options[${j}].target`));
    target(a.operator, `${at}.operator`);
    if (a.hours && "schedule" in a.hours) schedule(a.hours.schedule, `${at}.hours.schedule`);
    (a.holidays ?? []).forEach((h, j) => schedule(h.calendar, `${at}.holidays[${j}].calendar`));
    if (a.afterHours && !a.hours) fail(`${at}.afterHours`, "an after-hours flow needs `hours`");
    if (a.hours && "weekly" in a.hours)
      failures.push(...weeklyFailures(a.hours.weekly, `${at}.hours.weekly`));
  });
  inputs.callQueues.forEach((q, i) => {
    target(q.overflow?.target, `callQueues[${i}].overflow.target`);
    target(q.timeout?.target, `callQueues[${i}].timeout.target`);
    for (const [field, exit] of [
      ["overflow", q.overflow],
      ["timeout", q.timeout],
    ] as const) {
      const t = exit?.target;
      if (t && (t.type === "autoAttendant" || t.type === "callQueue")) {
        const answered = inputs.resourceAccounts.some(
          (r) => r.answers.type === t.type && r.answers.name.toLowerCase() === t.name.toLowerCase(),
        );
        if (!answered)
          fail(
            `callQueues[${i}].${field}.target`,
            `'${t.name}' has no resource account; a queue forwards to an attendant or queue through its account (New-CsCallQueue.md -OverflowActionTarget)`,
          );
      }
    }
  });
  const upns = new Map<string, number>();
  const numbers = new Map<string, number>();
  inputs.resourceAccounts.forEach((r, i) => {
    const at = `resourceAccounts[${i}]`;
    const key = (r.userPrincipalName ?? "").toLowerCase();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(key))
      fail(`${at}.userPrincipalName`, `'${r.userPrincipalName}' is not a user principal name`);
    if (upns.has(key))
      fail(`${at}.userPrincipalName`, `${r.userPrincipalName} is also resourceAccounts[${upns.get(key)}]`);
    upns.set(key, i);
    const known = r.answers?.type === "autoAttendant" ? attendants : queues;
    if (!r.answers || !known.has(r.answers.name.toLowerCase()))
      fail(
        `${at}.answers`,
        `answers for '${r.answers?.name}', which is not one of the department's ${r.answers?.type === "autoAttendant" ? "auto attendants" : "call queues"}`,
      );
    if (!/^[A-Z]{2}$/.test(r.usageLocation ?? ""))
      fail(`${at}.usageLocation`, `'${r.usageLocation}' is not a two-letter country code`);
    if (r.number !== undefined) {
      if (!E164.test(r.number)) fail(`${at}.number`, `'${r.number}' is not an E.164 number`);
      if (!r.numberType)
        fail(
          `${at}.numberType`,
          `number ${r.number} needs its range's numberType (callingPlan, directRouting or operatorConnect)`,
        );
      if (numbers.has(r.number))
        fail(`${at}.number`, `${r.number} is also resourceAccounts[${numbers.get(r.number)}]'s`);
      numbers.set(r.number, i);
    }
  });
  return failures;
}

export function checkPhoneSchedules(news: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const d = news as unknown as PhoneSchedulesDesired;
  if (!Array.isArray(d.holidayCalendars))
    failures.push({ property: "holidayCalendars", reason: "must be a list" });
  if (!Array.isArray(d.schedules)) failures.push({ property: "schedules", reason: "must be a list" });
  if (failures.length > 0) return failures;
  const seen = new Set<string>();
  const named = (name: string, at: string) => {
    if (!name || /#\d+$/.test(name))
      failures.push({ property: at, reason: `'${name}' is not a usable name (empty, or ends in '#<n>')` });
    if (seen.has(name.toLowerCase()))
      failures.push({ property: at, reason: `'${name}' names two calendars or schedules` });
    seen.add(name.toLowerCase());
  };
  d.schedules.forEach((s, i) => {
    named(s.name, `schedules[${i}].name`);
    failures.push(...weeklyFailures(s.weekly, `schedules[${i}].weekly`));
  });
  d.holidayCalendars.forEach((c, i) => {
    named(c.name, `holidayCalendars[${i}].name`);
    c.entries.forEach((e, j) => {
      const at = `holidayCalendars[${i}].entries[${j}]`;
      if (!isDate(e.date))
        failures.push({
          property: `${at}.date`,
          reason: `'${e.date}' is not a real date (yyyy-mm-dd or yyyy-mm-ddTHH:mm)`,
        });
      else if (e.end !== undefined && (!isDate(e.end) || e.end <= e.date))
        failures.push({ property: `${at}.end`, reason: `'${e.end}' is not a real date after ${e.date}` });
    });
  });
  return failures;
}

/** `yyyy-mm-dd` or `yyyy-mm-ddTHH:mm` naming a real day (no 30 February). */
function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):[0-5]\d)?$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/**
 * Weekly ranges as New-CsOnlineTimeRange takes them: `HH:mm` on 15-minute boundaries (New-CsOnlineSchedule.md),
 * `24:00` only as an end, start before end, and no two ranges of a day overlapping.
 */
export function weeklyFailures(
  weekly: Record<string, { start: string; end: string }[] | undefined>,
  at: string,
): CheckFailure[] {
  const out: CheckFailure[] = [];
  const minutes = (t: string, end: boolean) => {
    const m = /^([01]\d|2[0-4]):(00|15|30|45)$/.exec(t ?? "");
    if (!m || (m[1] === "24" && (!end || m[2] !== "00"))) return undefined;
    return Number(m[1]) * 60 + Number(m[2]);
  };
  for (const [day, ranges] of Object.entries(weekly ?? {})) {
    const seen: [number, number][] = [];
    (ranges ?? []).forEach((r, i) => {
      const where = `${at}.${day}[${i}]`;
      const s = minutes(r.start, false);
      const e = minutes(r.end, true);
      if (s === undefined || e === undefined || s >= e) {
        out.push({
          property: where,
          reason: `${r.start}–${r.end} is not a range of HH:mm on 15-minute boundaries, start before end`,
        });
        return;
      }
      const other = seen.findIndex(([a, b]) => s < b && a < e);
      if (other >= 0) out.push({ property: where, reason: `${r.start}–${r.end} overlaps ${day}[${other}]` });
      seen.push([s, e]);
    });
  }
  return out;
}
