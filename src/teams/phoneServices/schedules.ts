/**
 * The tenant-wide `PhoneSchedules` (holiday calendars and shared weekly schedules, owned by the platform team):
 * one Teams schedule per shared schedule and per 10 dated entries of a calendar (a fixed schedule takes at most
 * 10 ranges, New-CsOnlineSchedule.md). Diffed per schedule; a schedule an attendant still uses is not removed
 * (the service refuses it, Remove-CsOnlineSchedule) and is reported. `scheduleIds` (name → ids in order) is
 * what the departments' PhoneServices take.
 */
import { createSchedule, listSchedules, removeSchedule, updateSchedule } from "./adapter";
import type { PhoneServicesRunner } from "./adapter";
import type { PhoneSchedulesDesired } from "./desired";
import { diffItems, phoneScheduleSources, phoneSchedulesItems, type ScheduleIds } from "./diff";
import { heldKey, type Held } from "./held";
import { holidayScheduleSpec } from "./resolve";
import { reasonOf, type PhoneApplyResult } from "./apply";
import type { ScheduleSpec } from "./types";
import { WEEK } from "./types";

function specOf(source: ReturnType<typeof phoneScheduleSources>[number]): ScheduleSpec {
  if (source.spec.kind === "fixed") return holidayScheduleSpec(source.name, source.spec.entries);
  const hours: Extract<ScheduleSpec, { kind: "weekly" }>["hours"] = {};
  for (const d of WEEK) if (source.spec.weekly[d]?.length) hours[d] = source.spec.weekly[d];
  return { name: source.name, kind: "weekly", hours };
}

export async function applyPhoneSchedules(
  ps: PhoneServicesRunner,
  desired: PhoneSchedulesDesired,
  heldIn: Held,
): Promise<PhoneApplyResult> {
  const held: Held = new Map(heldIn);
  const failed: PhoneApplyResult["failed"] = [];
  const diff = diffItems(phoneSchedulesItems(desired), heldIn);
  const sources = new Map(phoneScheduleSources(desired).map((s) => [s.key.toLowerCase(), s]));
  const existing =
    diff.create.length > 0
      ? new Map((await listSchedules(ps)).map((s) => [s.spec.name.toLowerCase(), s.id]))
      : new Map<string, string>();
  for (const item of [...diff.create, ...diff.update]) {
    const source = sources.get(item.key.toLowerCase());
    if (!source) continue;
    const spec = specOf(source);
    const before = held.get(heldKey("schedule", item.key))?.id;
    try {
      // A key keeps its kind (a shared schedule is weekly, a calendar's chunk fixed), so Set always fits.
      let id = before ?? existing.get(spec.name.toLowerCase());
      if (id) await updateSchedule(ps, id, spec);
      id ??= await createSchedule(ps, spec);
      held.set(heldKey("schedule", item.key), { kind: "schedule", key: item.key, id, hash: item.hash });
    } catch (error) {
      failed.push({
        kind: "schedule",
        key: item.key,
        action: before ? "update" : "create",
        reason: reasonOf(error),
      });
    }
  }
  for (const r of diff.remove) {
    try {
      await removeSchedule(ps, r.id);
      held.delete(heldKey(r.kind, r.key));
    } catch (error) {
      failed.push({ kind: r.kind, key: r.key, action: "remove", reason: reasonOf(error) });
    }
  }
  return { held, failed };
}

/** name → schedule ids (a calendar's chunks in order), from the held lines. */
export function scheduleIdsOf(held: Held): ScheduleIds {
  const out: Record<string, { n: number; id: string }[]> = {};
  for (const h of held.values()) {
    if (h.kind !== "schedule") continue;
    const m = /^(.*)#(\d+)$/.exec(h.key);
    const name = m ? m[1] : h.key;
    (out[name] ??= []).push({ n: m ? Number(m[2]) : 1, id: h.id });
  }
  return Object.fromEntries(
    Object.entries(out).map(([k, v]) => [k, v.sort((a, b) => a.n - b.n).map((x) => x.id)]),
  );
}
