import type { RenderedGraph } from "../render/graph";
import { RESOURCE_TYPES, type NumberAssignmentsInputs } from "../resourceTypes";
import { numberEntriesOf } from "../teams/numbers/stateCodec";
import type { NumberChange, NumberEntry } from "./model";

/**
 * Phone-number changes between two graphs, per entry of every NumberAssignments resource (one per department).
 * Entries are matched across departments, so a user moving to another department with their number is one
 * change, not a removal here and an addition there.
 */
export function numberEntries(graph: RenderedGraph | undefined): NumberEntry[] {
  if (!graph) return [];
  const entries: NumberEntry[] = [];
  for (const r of graph.resources) {
    if (r.type !== RESOURCE_TYPES.numberAssignments || r.read) continue;
    const inputs = r.inputs as Partial<NumberAssignmentsInputs>;
    const department = typeof inputs.department === "string" ? inputs.department : r.name;
    for (const a of numberEntriesOf(r.inputs)) {
      entries.push({
        number: String(a.number),
        user: String(a.userPrincipalName),
        department,
        emergencyLocation: String(a.emergencyLocation),
        category: String(a.category),
        numberType: String(a.numberType),
      });
    }
  }
  return entries;
}

const FIELDS = ["department", "emergencyLocation", "category", "numberType"] as const;

/**
 * Matching, in order: the same number with the same user (updated when another field changed); the same number
 * with another user (reassigned); then what is left, paired by user (renumbered: the user's number changed);
 * whatever is still unpaired was added or removed.
 */
export function diffNumbers(base: readonly NumberEntry[], head: readonly NumberEntry[]): NumberChange[] {
  const before = new Map(base.map((e) => [e.number, e]));
  const changes: NumberChange[] = [];
  const added: NumberEntry[] = [];
  const seen = new Set<string>();
  for (const to of head) {
    const from = before.get(to.number);
    if (!from) {
      added.push(to);
      continue;
    }
    seen.add(to.number);
    if (from.user !== to.user) {
      changes.push({ kind: "reassigned", number: to.number, from, to });
      continue;
    }
    const fields: (keyof NumberEntry)[] = FIELDS.filter((f) => from[f] !== to[f]);
    if (fields.length > 0) changes.push({ kind: "updated", from, to, fields });
  }
  const removedByUser = new Map<string, NumberEntry[]>();
  for (const e of base) {
    if (seen.has(e.number)) continue;
    const list = removedByUser.get(e.user) ?? [];
    list.push(e);
    removedByUser.set(e.user, list);
  }
  for (const to of added) {
    // Prefer the released number of the same category (a user's primary line becomes their new primary line).
    const candidates = removedByUser.get(to.user);
    const index = candidates
      ? Math.max(
          0,
          candidates.findIndex((c) => c.category === to.category),
        )
      : -1;
    const from = candidates?.[index];
    if (candidates && from) {
      candidates.splice(index, 1);
      changes.push({ kind: "renumbered", user: to.user, from, to });
    } else changes.push({ kind: "added", entry: to });
  }
  for (const list of removedByUser.values())
    for (const e of list) changes.push({ kind: "removed", entry: e });
  return changes;
}

/** The department a number change is reported under: where the number or user ends up, else where it was. */
export function numberChangeDepartment(change: NumberChange): string {
  switch (change.kind) {
    case "added":
    case "removed":
      return change.entry.department;
    default:
      return change.to.department;
  }
}
