/**
 * Teams schedules → tenant.yaml's `phoneSchedules` (issue #15): fixed schedules become holiday calendars, weekly
 * schedules shared schedules, the inverse of src/teams/phoneServices/diff.ts `phoneScheduleSources`. A calendar of
 * more than 10 dates is several fixed schedules (`madrid-2027`, `madrid-2027 (2)`, …: a fixed schedule takes at
 * most 10 ranges, New-CsOnlineSchedule.md), merged back here. An attendant's own business hours (`<attendant>
 * hours`) belong to the attendant, not to tenant.yaml: the caller names them in `ownHours`.
 */
import type { Schedule, TimeRangeSpec, Weekday } from "../teams/phoneServices/types";
import { nextDay } from "../teams/phoneServices/resolve";
import { WEEK } from "../teams/phoneServices/types";
import { slugText } from "./addresses";
import type { ReportCollector } from "./report";

/** The schema's local names (tenant.yaml `phoneSchedules` names). */
const LOCAL_NAME = /^[a-z][a-z0-9-]{1,39}$/;

export interface ExportedPhoneSchedules {
  holidayCalendars: { name: string; entries: { date: string; name: string }[] }[];
  schedules: { name: string; weekly: Record<string, string[]> }[];
}

/** What the attendants' export needs: a schedule id → the name tenant.yaml gives its calendar or schedule. */
export interface ScheduleNames {
  calendarOf(scheduleId: string): string | undefined;
  sharedOf(scheduleId: string): string | undefined;
}

/** Entry names: Teams keeps none (a fixed schedule is dates only, New-CsOnlineSchedule.md), so one is written. */
export const HOLIDAY_NAME_PLACEHOLDER = "Holiday (name not kept by Teams)";

/** `madrid-2027 (2)` → `madrid-2027`: the chunks of one calendar. */
const calendarBase = (name: string) => name.replace(/ \(\d+\)$/, "");

/** `{ monday: [{08:30, 20:00}] }` → `{ monday: ["08:30-20:00"] }`, days in week order. */
export function weeklyText(hours: Partial<Record<Weekday, TimeRangeSpec[]>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of WEEK) if (hours[d]?.length) out[d] = hours[d].map((r) => `${r.start}-${r.end}`);
  return out;
}

/** Whole days of a range (`2027-05-15T00:00` to `2027-05-16T00:00` → [2027-05-15]); undefined when partial. */
function wholeDays(start: string, end: string | undefined): string[] | undefined {
  if (!/T00:00$/.test(start) || (end !== undefined && !/T00:00$/.test(end))) return undefined;
  const first = start.slice(0, 10);
  const stop = end ? end.slice(0, 10) : nextDay(first);
  const days: string[] = [];
  for (let d = first; d < stop && days.length <= 366; d = nextDay(d)) days.push(d);
  return days.length > 0 && days.length <= 366 ? days : undefined;
}

/** A Teams name as a local name, reported when it had to change. */
function localName(name: string, what: string, taken: Set<string>, report: ReportCollector, id: string) {
  let out = LOCAL_NAME.test(name) ? name : slugText(name).slice(0, 40).replace(/-+$/, "");
  if (!/^[a-z]/.test(out)) out = `s-${out}`.slice(0, 40);
  if (out.length < 2) out = "schedule";
  for (let n = 2; taken.has(out); n++) out = `${out.slice(0, 37)}-${n}`;
  taken.add(out);
  if (out !== name)
    report.add("phone-service", id, `${what} '${name}' is written as '${out}' (a name tenant.yaml accepts)`);
  return out;
}

/**
 * @param ownHours ids of the weekly schedules that are an attendant's own business hours (exported with it).
 */
export function exportPhoneSchedules(
  schedules: readonly Schedule[],
  ownHours: ReadonlySet<string>,
  report: ReportCollector,
): { phoneSchedules: ExportedPhoneSchedules; names: ScheduleNames } {
  const taken = new Set<string>();
  const calendarIdOf = new Map<string, string>();
  const sharedIdOf = new Map<string, string>();
  const calendars = new Map<string, { name: string; dates: Set<string> }>();
  const shared: ExportedPhoneSchedules["schedules"] = [];
  const sorted = [...schedules].sort((a, b) =>
    a.spec.name < b.spec.name ? -1 : a.spec.name > b.spec.name ? 1 : a.id < b.id ? -1 : 1,
  );
  for (const s of sorted) {
    if (s.spec.kind === "fixed") {
      const base = calendarBase(s.spec.name);
      let calendar = calendars.get(base);
      if (!calendar) {
        calendar = { name: localName(base, "holiday calendar", taken, report, s.id), dates: new Set() };
        calendars.set(base, calendar);
      }
      calendarIdOf.set(s.id.toLowerCase(), calendar.name);
      for (const range of s.spec.dates) {
        const days = wholeDays(range.start, range.end);
        if (days) for (const d of days) calendar.dates.add(d);
        else
          report.add(
            "phone-service",
            s.id,
            `holiday calendar '${s.spec.name}': ${range.start} to ${range.end ?? "(end of day)"} is not whole days; a calendar entry is a whole day, left out`,
          );
      }
      continue;
    }
    if (ownHours.has(s.id.toLowerCase())) continue;
    if (s.spec.complement)
      report.add(
        "phone-service",
        s.id,
        `schedule '${s.spec.name}' is a complement (the hours outside its ranges); tenant.yaml says the open hours, so it is left out`,
      );
    else {
      const name = localName(s.spec.name, "schedule", taken, report, s.id);
      sharedIdOf.set(s.id.toLowerCase(), name);
      shared.push({ name, weekly: weeklyText(s.spec.hours) });
    }
  }
  const holidayCalendars = [...calendars.values()]
    .filter((c) => c.dates.size > 0)
    .map((c) => ({
      name: c.name,
      entries: [...c.dates].sort().map((date) => ({ date, name: HOLIDAY_NAME_PLACEHOLDER })),
    }));
  for (const c of holidayCalendars)
    report.add(
      "placeholder",
      `tenant.yaml: phoneSchedules.holidayCalendars ${c.name}`,
      `Teams keeps the dates only: each entry's name reads '${HOLIDAY_NAME_PLACEHOLDER}'; write what each day is`,
    );
  const kept = new Set(holidayCalendars.map((c) => c.name));
  return {
    phoneSchedules: { holidayCalendars, schedules: shared },
    names: {
      calendarOf: (id) => {
        const name = calendarIdOf.get(id.toLowerCase());
        return name && kept.has(name) ? name : undefined;
      },
      sharedOf: (id) => sharedIdOf.get(id.toLowerCase()),
    },
  };
}
