import type { RenderedGraph } from "../render/graph";
import { RESOURCE_TYPES, type GroupPolicyAssignmentsInputs } from "../resourceTypes";
import type { GrantSide, PolicyAssignmentChange } from "./model";

type Assignment = GroupPolicyAssignmentsInputs["assignments"][number];

/** GroupPolicyAssignments entries per department. */
export function policyAssignmentsByDepartment(graph: RenderedGraph | undefined): Map<string, Assignment[]> {
  const map = new Map<string, Assignment[]>();
  for (const r of graph?.resources ?? []) {
    if (r.type !== RESOURCE_TYPES.groupPolicyAssignments || r.read) continue;
    const inputs = r.inputs as Partial<GroupPolicyAssignmentsInputs>;
    const department = typeof inputs.department === "string" ? inputs.department : r.name;
    map.set(department, Array.isArray(inputs.assignments) ? inputs.assignments : []);
  }
  return map;
}

/**
 * Per policy type, the policy granted to a department before and after, when it differs: another policy, another
 * declared rank, or another Teams position (which moves when a department ranked before it comes or goes).
 */
export function diffPolicyAssignments(
  before: readonly Assignment[] = [],
  after: readonly Assignment[] = [],
  declared: { before?: number; after?: number } = {},
): PolicyAssignmentChange[] {
  const types = [...new Set([...before, ...after].map((a) => a.policyType))].sort();
  const changes: PolicyAssignmentChange[] = [];
  const side = (a: Assignment, rank: number | undefined): GrantSide =>
    rank === undefined
      ? { policyName: a.policyName, position: a.rank }
      : { policyName: a.policyName, rank, position: a.rank };
  for (const policyType of types) {
    const was = before.find((a) => a.policyType === policyType);
    const now = after.find((a) => a.policyType === policyType);
    if (
      was &&
      now &&
      was.policyName === now.policyName &&
      was.rank === now.rank &&
      declared.before === declared.after
    )
      continue;
    const change: PolicyAssignmentChange = { policyType };
    if (was) change.before = side(was, declared.before);
    if (now) change.after = side(now, declared.after);
    changes.push(change);
  }
  return changes;
}

/**
 * True when the department is granted the same policy on both sides: only its declared rank or its Teams
 * position differs, so its own people keep the policy they had.
 */
export function samePolicy(p: PolicyAssignmentChange): boolean {
  return p.before !== undefined && p.after !== undefined && p.before.policyName === p.after.policyName;
}

/** True when only the Teams position moved: same policy, same declared rank. Not the department's doing. */
export function onlyPositionMoved(p: PolicyAssignmentChange): boolean {
  return samePolicy(p) && p.before!.rank !== undefined && p.before!.rank === p.after!.rank;
}

/** Tenant-wide Teams policy resources: a change to one affects every department granted it. */
export const TEAMS_POLICY_TYPES: readonly string[] = [
  RESOURCE_TYPES.callingPolicy,
  RESOURCE_TYPES.emergencyCallingPolicy,
  RESOURCE_TYPES.emergencyCallRoutingPolicy,
  RESOURCE_TYPES.voiceRoutingPolicy,
  RESOURCE_TYPES.dialPlan,
  RESOURCE_TYPES.voiceRoute,
  RESOURCE_TYPES.pstnUsages,
  RESOURCE_TYPES.emergencyAddress,
];

/** Resource types and policy types that touch emergency calling: always high risk. */
export const EMERGENCY_RESOURCE_TYPES: readonly string[] = [
  RESOURCE_TYPES.emergencyCallingPolicy,
  RESOURCE_TYPES.emergencyCallRoutingPolicy,
  RESOURCE_TYPES.emergencyAddress,
];

export function isEmergencyPolicyType(policyType: string): boolean {
  return /emergency/i.test(policyType);
}
