import { createHash } from "node:crypto";
import { isoDate } from "../clock";
import { nextSeq, type TeamsAreaDoc, type TeamsGroupAssignmentRecord, type TeamsPolicyRecord } from "./teams";
import type { TenantState } from "./tenantState";
import type { UserRecord } from "./types";

/**
 * Teams policies and who gets them (graph-teams-licensing.md §2.6, §3.4–§3.5): named policies per type with
 * a built-in `Global` each, policy ids as Graph's `getPolicyId` returns them, tenant-wide grants, group
 * assignments with ranks, per-user assignments from Graph, and the effective policy of a user.
 */

/** Policy types with a MicrosoftTeams cmdlet noun the emulator implements (§3.4). */
export const MANAGED_POLICY_TYPES = [
  "TeamsCallingPolicy",
  "TeamsEmergencyCallingPolicy",
  "TeamsEmergencyCallRoutingPolicy",
  "OnlineVoiceRoutingPolicy",
  "TenantDialPlan",
] as const;

/**
 * Types Graph's per-user assign/getPolicyId accept here: the managed ones plus common others, so a request
 * for an unrelated type is not mistaken for a typo. Matched case-insensitively (§2.6: casing undocumented).
 */
export const KNOWN_POLICY_TYPES: readonly string[] = [
  ...MANAGED_POLICY_TYPES,
  "CallingLineIdentity",
  "TeamsMeetingPolicy",
  "TeamsMessagingPolicy",
  "TeamsAppSetupPolicy",
  "TeamsCallParkPolicy",
  "TeamsVoiceApplicationsPolicy",
];

/** New-CsGroupPolicyAssignment refuses these (§3.5). */
export const NOT_GROUP_ASSIGNABLE = ["TeamsEmergencyCallRoutingPolicy"];

/** At most this many groups per policy type (§3.5). */
export const MAX_GROUPS_PER_POLICY_TYPE = 64;

export function canonicalPolicyType(type: string): string | undefined {
  return KNOWN_POLICY_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
}

/** `Tag:Name` or `Name` → `Name`; `Global` stays `Global`. Everything else is kept verbatim. */
export function policyNameOf(identity: string): string {
  return /^tag:/i.test(identity) ? identity.slice(4) : identity;
}

export function isGlobalName(name: string): boolean {
  return name.toLowerCase() === "global";
}

/** How PowerShell shows the identity: `Global` or `Tag:<name>`. */
export function policyIdentity(p: Pick<TeamsPolicyRecord, "name">): string {
  return isGlobalName(p.name) ? "Global" : `Tag:${p.name}`;
}

/** Base64url of a hash, 43 characters like the ids in Microsoft's examples; never parsed by clients. */
function policyIdFrom(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 43);
}

/** The built-in Global policy of a type, created on first use. */
export function globalPolicy(area: TeamsAreaDoc, tenantId: string, type: string): TeamsPolicyRecord {
  let p = area.policies.find((x) => x.type === type && isGlobalName(x.name));
  if (!p) {
    p = { type, name: "Global", policyId: policyIdFrom(`${tenantId}|${type}|Global`), settings: {} };
    area.policies.push(p);
  }
  return p;
}

/** By name, case-insensitively as Teams identities are; `Global` is always there. */
export function findPolicy(
  area: TeamsAreaDoc,
  tenantId: string,
  type: string,
  name: string,
): TeamsPolicyRecord | undefined {
  if (isGlobalName(name)) return globalPolicy(area, tenantId, type);
  const lower = name.toLowerCase();
  return area.policies.find((p) => p.type === type && p.name.toLowerCase() === lower);
}

export function findPolicyById(area: TeamsAreaDoc, policyId: string): TeamsPolicyRecord | undefined {
  return area.policies.find((p) => p.policyId === policyId);
}

export function listPolicies(area: TeamsAreaDoc, tenantId: string, type: string): TeamsPolicyRecord[] {
  globalPolicy(area, tenantId, type);
  return area.policies.filter((p) => p.type === type);
}

/** A new policy with a fresh id (a re-created policy gets a new one, as in Teams). */
export function createPolicy(
  area: TeamsAreaDoc,
  tenantId: string,
  type: string,
  name: string,
  settings: Record<string, unknown>,
): TeamsPolicyRecord {
  const p: TeamsPolicyRecord = {
    type,
    name,
    policyId: policyIdFrom(`${tenantId}|${type}|${name}|${nextSeq(area)}`),
    settings,
  };
  area.policies.push(p);
  return p;
}

/** Where a policy is in use, as sentences for the error that refuses its removal; empty when unused. */
export function policyUses(area: TeamsAreaDoc, p: TeamsPolicyRecord): string[] {
  const uses: string[] = [];
  const lower = p.name.toLowerCase();
  for (const g of area.groupAssignments) {
    if (g.policyType === p.type && g.policyName.toLowerCase() === lower)
      uses.push(`it is assigned to group '${g.groupId}'`);
  }
  const users = Object.entries(area.userPolicies).filter(([, m]) => m[p.type] === p.policyId).length;
  if (users > 0) uses.push(`it is assigned to ${users} user(s) directly`);
  return uses;
}

export function removePolicy(area: TeamsAreaDoc, p: TeamsPolicyRecord): void {
  area.policies = area.policies.filter((x) => x !== p);
}

/** Group assignments of one type, best (lowest) rank first. */
export function groupAssignmentsOf(area: TeamsAreaDoc, type: string): TeamsGroupAssignmentRecord[] {
  return area.groupAssignments.filter((g) => g.policyType === type).sort((a, b) => a.rank - b.rank);
}

/**
 * Inserts a group assignment at `rank` (default: last), shifting the others down, so ranks stay 1..n per
 * type as Teams keeps them.
 */
export function addGroupAssignment(
  area: TeamsAreaDoc,
  a: Omit<TeamsGroupAssignmentRecord, "rank" | "createdTime"> & { rank?: number },
  now: number,
): TeamsGroupAssignmentRecord {
  const same = groupAssignmentsOf(area, a.policyType);
  const rank = Math.min(Math.max(1, a.rank ?? same.length + 1), same.length + 1);
  for (const g of same) if (g.rank >= rank) g.rank += 1;
  const record = { ...a, rank, createdTime: isoDate(now) };
  area.groupAssignments.push(record);
  return record;
}

export function removeGroupAssignment(area: TeamsAreaDoc, g: TeamsGroupAssignmentRecord): void {
  area.groupAssignments = area.groupAssignments.filter((x) => x !== g);
  for (const o of area.groupAssignments) if (o.policyType === g.policyType && o.rank > g.rank) o.rank -= 1;
}

export interface EffectivePolicy {
  policyType: string;
  displayName: string;
  assignmentType: "direct" | "group";
  policyId: string;
  groupId: string | null;
}

/** Whether a user is a (direct) member of a group; cached per request by the caller. */
export type MemberOf = (groupId: string, userId: string) => boolean;

/** Membership test over the state's (cached) member lists. */
export function memberTest(state: TenantState): MemberOf {
  const sets = new Map<string, Set<string>>();
  return (groupId, userId) => {
    let s = sets.get(groupId.toLowerCase());
    if (!s) {
      const group = state.findGroup(groupId);
      s = new Set(group ? state.members(group).map((u) => u.id.toLowerCase()) : []);
      sets.set(groupId.toLowerCase(), s);
    }
    return s.has(userId.toLowerCase());
  };
}

/**
 * The policy in force per managed type (§3.5): a direct user assignment beats any group; among the user's
 * groups the lowest rank wins; otherwise the tenant-wide grant, else the built-in Global.
 */
export function effectivePolicies(
  area: TeamsAreaDoc,
  tenantId: string,
  user: UserRecord,
  memberOf: MemberOf,
): EffectivePolicy[] {
  const direct = area.userPolicies[user.id.toLowerCase()] ?? {};
  return MANAGED_POLICY_TYPES.map((type): EffectivePolicy => {
    const mine = direct[type] ? findPolicyById(area, direct[type]) : undefined;
    if (mine) {
      return {
        policyType: type,
        displayName: mine.name,
        assignmentType: "direct",
        policyId: mine.policyId,
        groupId: null,
      };
    }
    for (const g of groupAssignmentsOf(area, type)) {
      if (!memberOf(g.groupId, user.id)) continue;
      const p = findPolicy(area, tenantId, type, g.policyName);
      if (p)
        return {
          policyType: type,
          displayName: p.name,
          assignmentType: "group",
          policyId: p.policyId,
          groupId: g.groupId,
        };
    }
    // The tenant default is the Global instance itself; Grant -Global copies settings into it (no pointer).
    const p = globalPolicy(area, tenantId, type);
    // Graph's assignmentType has only direct|group; the tenant default is shown as direct with its name (§2.7, [I]).
    return {
      policyType: type,
      displayName: p.name,
      assignmentType: "direct",
      policyId: p.policyId,
      groupId: null,
    };
  });
}
