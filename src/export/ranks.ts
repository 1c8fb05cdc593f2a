/**
 * One rank per department from Teams' per-type ranks. Teams keeps a group assignment's rank as its position
 * among the groups holding that policy type (a grant at rank 10 becomes rank 3 when two groups are ahead of
 * it), so the same department has different ranks per type. What a definition's single `rank` must keep is
 * the ORDER: every type's order of groups is merged into one (a topological sort; ties by lowest live rank,
 * then id) and departments are ranked 10, 11, … in it (1 to 9 are reserved for the platform team). Orders
 * that contradict each other are reported.
 */
import { RESERVED_RANK_BELOW } from "../config/schema/platformApprovals";

export interface TypedRank {
  department: string;
  policyType: string;
  rank: number;
}

export interface MergedRanks {
  ranks: Map<string, number>;
  /** Departments whose per-type orders contradict one another (then every department gets the default rank). */
  conflicts: string[];
}

export const MAX_RANK = 64;
/** Ranks a department may choose without the platform team: RESERVED_RANK_BELOW to MAX_RANK. */
export const CHOOSABLE_RANKS = MAX_RANK - RESERVED_RANK_BELOW + 1;
/** The department schema's default `teams.rank`. */
export const DEFAULT_RANK = 10;

export function mergeRanks(assignments: readonly TypedRank[]): MergedRanks {
  const departments = [...new Set(assignments.map((a) => a.department))];
  const lowest = new Map<string, number>();
  for (const a of assignments)
    lowest.set(a.department, Math.min(lowest.get(a.department) ?? Infinity, a.rank));
  const after = new Map<string, Set<string>>(departments.map((d) => [d, new Set()]));
  const before = new Map<string, number>(departments.map((d) => [d, 0]));
  const types = [...new Set(assignments.map((a) => a.policyType))];
  for (const type of types) {
    const seq = assignments.filter((a) => a.policyType === type).sort((a, b) => a.rank - b.rank);
    for (let i = 1; i < seq.length; i += 1) {
      const [x, y] = [seq[i - 1], seq[i]];
      if (x.rank === y.rank || after.get(x.department)!.has(y.department)) continue;
      after.get(x.department)!.add(y.department);
      before.set(y.department, before.get(y.department)! + 1);
    }
  }
  const key = (d: string) => [lowest.get(d)!, d] as const;
  const ready = departments.filter((d) => before.get(d) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => key(a)[0] - key(b)[0] || (a < b ? -1 : 1));
    const d = ready.shift()!;
    order.push(d);
    for (const next of after.get(d)!) {
      before.set(next, before.get(next)! - 1);
      if (before.get(next) === 0) ready.push(next);
    }
  }
  const conflicts = departments.filter((d) => !order.includes(d)).sort();
  const ranks = new Map<string, number>();
  // Orders that contradict each other say the live ranks carry no precedence (grants made at one rank land
  // in whatever order they were made): every department then gets the default rank, which promises none.
  if (conflicts.length > 0) for (const d of departments) ranks.set(d, DEFAULT_RANK);
  // Ranks below RESERVED_RANK_BELOW are the platform team's to approve (docs/security.md): an export starts
  // after them, so the definition it writes validates without approvals and keeps the live order.
  else order.forEach((d, i) => ranks.set(d, Math.min(RESERVED_RANK_BELOW + i, MAX_RANK)));
  return { ranks, conflicts };
}
