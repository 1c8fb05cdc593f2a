/**
 * The per-object diff of a phone-services resource: every object the inputs ask for becomes an item
 * (kind, key, hash of what was asked), compared with the held lines (held.ts). A one-field edit changes one
 * item's hash, so only that object is written. Pure.
 */
import type { PhoneSchedulesDesired, PhoneServicesDesired } from "./desired";
import { hashOf, heldKey, type Held, type HeldKind } from "./held";

export interface DesiredItem {
  kind: HeldKind;
  key: string;
  hash: string;
  /** For `assoc`: `<type>:<name>` of the configuration; for `number`: `<number>|<numberType>`. */
  id?: string;
}

export interface ItemDiff {
  create: DesiredItem[];
  update: DesiredItem[];
  /** Held items no longer asked for (the held line). */
  remove: { kind: HeldKind; key: string; id: string }[];
  unchanged: DesiredItem[];
}

/** Schedule ids by shared-schedule or holiday-calendar name (PhoneSchedules' `scheduleIds` output). */
export type ScheduleIds = Record<string, string[]>;

export interface PhoneServicesInputs extends PhoneServicesDesired {
  scheduleIds: ScheduleIds;
}

/** Names of the schedules an attendant uses, so a re-created schedule (new id) re-sends the attendant. */
function schedulesOf(a: PhoneServicesDesired["autoAttendants"][number]): string[] {
  const names = (a.holidays ?? []).map((h) => h.calendar);
  if (a.hours && "schedule" in a.hours) names.push(a.hours.schedule);
  return names;
}

export function phoneServicesItems(inputs: PhoneServicesInputs): DesiredItem[] {
  const items: DesiredItem[] = [];
  for (const a of inputs.autoAttendants) {
    if (a.hours && "weekly" in a.hours)
      items.push({ kind: "schedule", key: a.name, hash: hashOf({ weekly: a.hours.weekly }) });
    const scheduleIds = Object.fromEntries(schedulesOf(a).map((n) => [n, inputs.scheduleIds[n] ?? []]));
    items.push({ kind: "attendant", key: a.name, hash: hashOf({ a, scheduleIds }) });
  }
  for (const q of inputs.callQueues) items.push({ kind: "queue", key: q.name, hash: hashOf(q) });
  for (const r of inputs.resourceAccounts) {
    items.push({
      kind: "account",
      key: r.userPrincipalName,
      hash: hashOf({ displayName: r.displayName, kind: r.answers.type }),
    });
    items.push({
      kind: "assoc",
      key: r.userPrincipalName,
      id: `${r.answers.type}:${r.answers.name}`,
      hash: hashOf(r.answers),
    });
    if (r.number)
      items.push({
        kind: "number",
        key: r.userPrincipalName,
        id: `${r.number}|${r.numberType ?? ""}`,
        // The usage location matters for the number (and the licence it needs), so it is checked with it.
        hash: hashOf({ number: r.number, numberType: r.numberType, usageLocation: r.usageLocation }),
      });
  }
  return items;
}

/** Fixed schedules take at most 10 date-time ranges (New-CsOnlineSchedule.md -DateTimeRanges). */
export const FIXED_SCHEDULE_RANGES = 10;

export interface ScheduleItemSource {
  /** Held key: `<name>` for a shared schedule, `<calendar>#<n>` for the n-th (1-based) chunk of a calendar. */
  key: string;
  /** The name the schedule gets in Teams. */
  name: string;
  owner: string;
  spec:
    | { kind: "weekly"; weekly: PhoneSchedulesDesired["schedules"][number]["weekly"] }
    | { kind: "fixed"; entries: PhoneSchedulesDesired["holidayCalendars"][number]["entries"] };
}

/** The Teams schedules of the tenant-wide set: one per shared schedule, one per 10 entries of a calendar. */
export function phoneScheduleSources(desired: PhoneSchedulesDesired): ScheduleItemSource[] {
  const out: ScheduleItemSource[] = [];
  for (const s of desired.schedules)
    out.push({ key: s.name, name: s.name, owner: s.name, spec: { kind: "weekly", weekly: s.weekly } });
  for (const c of desired.holidayCalendars) {
    const entries = [...c.entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const chunks = Math.max(1, Math.ceil(entries.length / FIXED_SCHEDULE_RANGES));
    for (let i = 0; i < chunks; i++) {
      const part = entries.slice(i * FIXED_SCHEDULE_RANGES, (i + 1) * FIXED_SCHEDULE_RANGES);
      out.push({
        key: `${c.name}#${i + 1}`,
        // The first keeps the calendar's name and the n-th is `<name> (n)`, so a date added that opens a new
        // chunk creates one schedule and renames none.
        name: i === 0 ? c.name : `${c.name} (${i + 1})`,
        owner: c.name,
        spec: { kind: "fixed", entries: part },
      });
    }
  }
  return out;
}

export function phoneSchedulesItems(desired: PhoneSchedulesDesired): DesiredItem[] {
  return phoneScheduleSources(desired).map((s) => ({
    kind: "schedule" as const,
    key: s.key,
    hash: hashOf({ name: s.name, spec: s.spec }),
  }));
}

export function diffItems(desired: readonly DesiredItem[], held: Held): ItemDiff {
  const out: ItemDiff = { create: [], update: [], remove: [], unchanged: [] };
  const wanted = new Set<string>();
  for (const item of desired) {
    const k = heldKey(item.kind, item.key);
    wanted.add(k);
    const h = held.get(k);
    if (!h) out.create.push(item);
    else if (h.hash !== item.hash) out.update.push(item);
    else out.unchanged.push(item);
  }
  for (const [k, h] of held) if (!wanted.has(k)) out.remove.push({ kind: h.kind, key: h.key, id: h.id });
  return out;
}

export const hasChanges = (d: ItemDiff) => d.create.length + d.update.length + d.remove.length > 0;

/** Words for a diff, one object per entry (tests, logs and the failure report). */
export function describeDiff(d: ItemDiff): string[] {
  return [
    ...d.create.map((i) => `+ ${i.kind} ${i.key}`),
    ...d.update.map((i) => `~ ${i.kind} ${i.key}`),
    ...d.remove.map((i) => `- ${i.kind} ${i.key}`),
  ];
}
