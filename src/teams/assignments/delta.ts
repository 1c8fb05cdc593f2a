/**
 * What a department group's policy assignments need, per policy type. Teams keeps group ranks POSITIONAL
 * (1..n per type: inserting at rank r shifts the others down, removing one closes the gap), so the live rank
 * of a department moves whenever another department's assignment comes or goes. The definition's rank is
 * therefore the position to insert at, compared with what the definition said last time — never with the
 * live number, which would make every department "drift" after any other changes (and re-grant forever).
 */
import type { GroupPolicyAssignment, TeamsPolicyType } from "../admin/port";
import type { GroupPolicyAssignmentsInputs } from "../../resourceTypes";

export type AssignmentEntry = GroupPolicyAssignmentsInputs["assignments"][number];

export interface AssignmentsPlan {
  /** Grant (replacing whatever the group has for that type). */
  grant: AssignmentEntry[];
  /** Types this resource granted before and the definition dropped. */
  remove: TeamsPolicyType[];
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function planAssignments(
  desired: readonly AssignmentEntry[],
  live: readonly GroupPolicyAssignment[],
  previous: readonly AssignmentEntry[],
): AssignmentsPlan {
  const grant = desired.filter((d) => {
    const now = live.find((l) => l.policyType === d.policyType);
    if (!now || !sameName(now.policyName, d.policyName)) return true;
    const before = previous.find((p) => p.policyType === d.policyType);
    // The definition moved the department's rank: re-insert at the new position.
    return before !== undefined && before.rank !== d.rank;
  });
  const remove = previous
    .filter((p) => !desired.some((d) => d.policyType === p.policyType))
    .filter((p) => live.some((l) => l.policyType === p.policyType && sameName(l.policyName, p.policyName)))
    .map((p) => p.policyType as TeamsPolicyType);
  return { grant, remove };
}

/** Per entry: the same type, policy (case-insensitive, as Teams) and rank. */
export function sameAssignments(a: readonly AssignmentEntry[], b: readonly AssignmentEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((x) =>
      b.some(
        (y) => y.policyType === x.policyType && sameName(y.policyName, x.policyName) && y.rank === x.rank,
      ),
    )
  );
}

export function sortAssignments(list: readonly AssignmentEntry[]): AssignmentEntry[] {
  return [...list].sort((x, y) => x.policyType.localeCompare(y.policyType));
}
