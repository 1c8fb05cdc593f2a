import { isGuid } from "../ids";
import type { TeamsGroupAssignmentRecord } from "./teams";
import { psError } from "./teamsCmdletBinding";
import {
  addGroupAssignment,
  canonicalPolicyType,
  findPolicy,
  MAX_GROUPS_PER_POLICY_TYPE,
  NOT_GROUP_ASSIGNABLE,
  policyNameOf,
  removeGroupAssignment,
} from "./teamsPolicies";
import type { CmdletHandler } from "./teamsPsPolicies";

/**
 * Group policy assignment (§3.5): one assignment per group and policy type, ranked 1..n per type (lowest
 * wins for a user in several groups), at most 64 groups per type, not for emergency call routing.
 * Get shows the rank as `Priority`, as the module's output object does.
 */

function assignmentObject(g: TeamsGroupAssignmentRecord): Record<string, unknown> {
  return {
    GroupId: g.groupId,
    PolicyType: g.policyType,
    PolicyName: g.policyName,
    Priority: g.rank,
    CreatedTime: g.createdTime,
    CreatedBy: "tenant-emulator",
  };
}

const sameGroup = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The policy type as New stores it (any casing accepted), so Get and Remove find what New made. *Assumed*: the
 * cmdlet reference lists PolicyType's values without saying whether their case matters.
 */
const policyTypeOf = (given: unknown) => canonicalPolicyType(String(given)) ?? String(given);

export const GROUP_HANDLERS: Record<string, CmdletHandler> = {
  "Get-CsGroupPolicyAssignment": (ctx, p) =>
    ctx.area.groupAssignments
      .filter((g) => p.GroupId === undefined || sameGroup(g.groupId, p.GroupId as string))
      .filter((g) => p.PolicyType === undefined || g.policyType === policyTypeOf(p.PolicyType))
      .sort((a, b) => a.policyType.localeCompare(b.policyType) || a.rank - b.rank)
      .map(assignmentObject),
  "New-CsGroupPolicyAssignment": (ctx, p) => {
    const groupId = p.GroupId as string;
    const type = policyTypeOf(p.PolicyType);
    if (NOT_GROUP_ASSIGNABLE.includes(type)) {
      return psError("InvalidArgument", `Group policy assignment is not supported for policy type ${type}.`);
    }
    const group = isGuid(groupId) ? ctx.state.findGroup(groupId) : undefined;
    if (!group) return psError("ObjectNotFound", `Group '${groupId}' was not found.`);
    const policy = findPolicy(ctx.area, ctx.tenantId, type, policyNameOf(p.PolicyName as string));
    if (!policy)
      return psError("ObjectNotFound", `Cannot find policy "${String(p.PolicyName)}" of type ${type}.`);
    const same = ctx.area.groupAssignments.filter((g) => g.policyType === type);
    if (same.some((g) => sameGroup(g.groupId, group.id))) {
      return psError(
        "ResourceExists",
        `Group '${group.id}' already has a ${type} assignment; remove it before assigning another policy.`,
      );
    }
    if (same.length >= MAX_GROUPS_PER_POLICY_TYPE) {
      return psError(
        "LimitsExceeded",
        `At most ${MAX_GROUPS_PER_POLICY_TYPE} groups can be assigned a policy of type ${type}.`,
      );
    }
    // -Rank is documented as Int32 in SYNTAX and String in its yaml block: bind either, use the number.
    const rank = p.Rank === undefined ? undefined : Number(p.Rank);
    if (rank !== undefined && !Number.isInteger(rank))
      return psError("InvalidArgument", `Rank must be a whole number (got '${String(p.Rank)}').`);
    if (rank !== undefined && rank < 1)
      return psError("InvalidArgument", `Rank must be 1 or more (got ${rank}).`);
    addGroupAssignment(
      ctx.area,
      { groupId: group.id, policyType: type, policyName: policy.name, rank },
      ctx.now,
    );
    return null;
  },
  "Remove-CsGroupPolicyAssignment": (ctx, p) => {
    const type = policyTypeOf(p.PolicyType);
    const found = ctx.area.groupAssignments.find(
      (g) => g.policyType === type && sameGroup(g.groupId, p.GroupId as string),
    );
    if (!found) {
      return psError("ObjectNotFound", `Group '${String(p.GroupId)}' has no ${type} assignment.`);
    }
    removeGroupAssignment(ctx.area, found);
    return null;
  },
};
