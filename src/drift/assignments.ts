/**
 * Effective Teams policy assignments of a department: the group grants the GroupPolicyAssignments resource
 * owns (`departmentGrants`: type and name on the department group), any other grant on that group, and
 * per-user direct grants that override what the group grants. Ranks are compared as an ORDER across
 * departments (compareRankOrder): Teams keeps them positional (1..n per type), so the live number moves
 * whenever another group's grant comes or goes and never equals the definition's (src/teams/assignments/delta.ts). A user belongs to the department when its
 * numbers file names them or the tenant says a policy reaches them through the department group.
 */
import type { Department } from "../config/schema/department";
import type { LiveGroup } from "../live/snapshot";
import { departmentGrants } from "../teams/layer";
import type { LiveIndex } from "./liveIndex";
import type { DriftEntry } from "./types";

/** The tenant default shows as a direct assignment named Global (graph-teams-licensing.md §2.7): not a grant. */
const TENANT_DEFAULT = "global";

export function compareAssignments(
  department: Department,
  group: LiveGroup,
  index: LiveIndex,
  numberUpns: readonly string[],
): DriftEntry[] {
  const out: DriftEntry[] = [];
  const base = { area: "policyAssignments" as const, department: department.id };
  const desired = departmentGrants(department);
  const groupId = group.id.toLowerCase();
  const live = index.live.teams.groupPolicyAssignments.filter((a) => a.groupId.toLowerCase() === groupId);
  // The definition's rank as written; live grants have only their Teams position (see compareRankOrder).
  const describe = (name: string, rank: number) => `${name} (rank ${rank})`;
  const describeLive = (name: string, position: number) => `${name} (Teams position ${position})`;

  for (const d of desired) {
    const subject = `${group.displayName} ${d.policyType}`;
    const found = live.find((l) => l.policyType === d.policyType);
    if (!found) {
      out.push({
        ...base,
        kind: "assignment-missing",
        subject,
        expected: describe(d.policyName, d.rank),
        actual: null,
        message: `group ${group.displayName} is not granted ${d.policyType} ${d.policyName}`,
      });
    } else if (found.policyName.toLowerCase() !== d.policyName.toLowerCase()) {
      out.push({
        ...base,
        kind: "assignment-changed",
        subject,
        expected: describe(d.policyName, d.rank),
        actual: describeLive(found.policyName, found.rank),
        message: `group ${group.displayName} is granted ${d.policyType} ${found.policyName}; the definition grants ${d.policyName}`,
      });
    }
  }
  for (const l of live) {
    if (desired.some((d) => d.policyType === l.policyType)) continue;
    out.push({
      ...base,
      kind: "assignment-extra",
      subject: `${group.displayName} ${l.policyType}`,
      expected: null,
      actual: describeLive(l.policyName, l.rank),
      message: `group ${group.displayName} is granted ${l.policyType} ${l.policyName}, which the definition does not grant`,
    });
  }

  // Users of the department: named in its numbers file, or reached through its group.
  const userIds = new Set<string>();
  for (const upn of numberUpns) {
    const u = index.userByUpn.get(upn.toLowerCase());
    if (u) userIds.add(u.id.toLowerCase());
  }
  for (const id of index.usersReachedThrough.get(groupId) ?? []) userIds.add(id);
  for (const id of [...userIds].sort()) {
    const config = index.configById.get(id);
    if (!config) continue;
    const upn = config.userPrincipalName ?? index.userById.get(id)?.userPrincipalName ?? `user ${id}`;
    for (const d of desired) {
      // Only where the group grant exists: without it every member falls back to the tenant default, which
      // Graph also shows as `direct` and which the missing assignment above already explains.
      if (!live.some((l) => l.policyType === d.policyType)) continue;
      const eff = config.effectivePolicyAssignments.find(
        (e) => e.policyType.toLowerCase() === d.policyType.toLowerCase(),
      );
      if (!eff || eff.assignmentType !== "direct") continue;
      const name = eff.policyName.toLowerCase();
      if (name === TENANT_DEFAULT || name === d.policyName.toLowerCase()) continue;
      out.push({
        ...base,
        kind: "direct-grant-overrides-group",
        subject: upn,
        expected: `${d.policyType} ${d.policyName} (through group ${group.displayName})`,
        actual: `${d.policyType} ${eff.policyName} (granted directly)`,
        message: `${upn} is granted ${d.policyType} ${eff.policyName} directly, which overrides the group's ${d.policyName}`,
      });
    }
  }
  return out;
}

export interface RankedGrant {
  department: string;
  groupName: string;
  policyType: string;
  policyName: string;
  definitionRank: number;
  liveRank: number;
}

/**
 * Per policy type, department groups whose live order contradicts the definition's: A has a lower (higher
 * priority) definition rank than B but sits below B live. Reported once per department and type, naming the
 * first group it should be above. Equal definition ranks impose no order.
 */
export function compareRankOrder(grants: readonly RankedGrant[]): DriftEntry[] {
  const out: DriftEntry[] = [];
  for (const a of grants) {
    const above = grants
      .filter(
        (b) =>
          b.policyType === a.policyType && a.definitionRank < b.definitionRank && a.liveRank > b.liveRank,
      )
      .sort((x, y) => x.liveRank - y.liveRank || x.groupName.localeCompare(y.groupName))[0];
    if (!above) continue;
    out.push({
      area: "policyAssignments",
      kind: "assignment-rank",
      department: a.department,
      subject: `${a.groupName} ${a.policyType}`,
      expected: `above ${above.groupName} (definition ranks ${a.definitionRank} < ${above.definitionRank})`,
      actual: `Teams position ${a.liveRank}, below ${above.groupName} at position ${above.liveRank}`,
      message: `${a.groupName}'s ${a.policyType} ${a.policyName} takes precedence below ${above.groupName}'s; the definition ranks it higher`,
    });
  }
  return out;
}
