import type { RenderedGraph } from "../render/graph";
import { RESOURCE_TYPES, type GroupPolicyAssignmentsInputs } from "../resourceTypes";
import type { PolicyAssignmentChange } from "./model";

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

/** Per policy type, the policy (and rank) granted to a department before and after, when they differ. */
export function diffPolicyAssignments(
  before: readonly Assignment[] = [],
  after: readonly Assignment[] = [],
): PolicyAssignmentChange[] {
  const types = [...new Set([...before, ...after].map((a) => a.policyType))].sort();
  const changes: PolicyAssignmentChange[] = [];
  for (const policyType of types) {
    const was = before.find((a) => a.policyType === policyType);
    const now = after.find((a) => a.policyType === policyType);
    if (was && now && was.policyName === now.policyName && was.rank === now.rank) continue;
    const change: PolicyAssignmentChange = { policyType };
    if (was) change.before = { policyName: was.policyName, rank: was.rank };
    if (now) change.after = { policyName: now.policyName, rank: now.rank };
    changes.push(change);
  }
  return changes;
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
