import type { TenantDefinition } from "../config/definition";
import type { Department } from "../config/schema/department";
import { membershipScope } from "../identity/ruleScope";
import type { DeclaredRanks, PlanPolicyResult, Risk } from "./model";
import { membershipAsWritten, membershipChange } from "./membershipWords";

/**
 * What the plan reads from the two definitions rather than from the rendered graphs: who a department's group can
 * reach (its membership rule), where it is in its lifecycle, and whether a removed department was retired with
 * the platform team's approval (docs/security.md). Pure.
 */

/** The plan check that blocks removing a department outside its lifecycle (reported with the policy results). */
export const RETIREMENT_CHECK = "tenant-plan-department-retirement";

export function declaredRanks(base: TenantDefinition | undefined, head: TenantDefinition): DeclaredRanks {
  const ranks = (d: TenantDefinition | undefined) =>
    new Map((d?.departments ?? []).flatMap((x) => (x.teams ? [[x.id, x.teams.rank] as const] : [])));
  return { base: ranks(base), head: ranks(head) };
}

export function definitionRisks(base: TenantDefinition | undefined, head: TenantDefinition): Risk[] {
  const before = new Map((base?.departments ?? []).map((d) => [d.id, d]));
  const risks: Risk[] = [];
  for (const d of head.departments) {
    const was = before.get(d.id);
    risks.push(...membershipRisks(was, d));
    risks.push(...exceptionRisks(was, d, head.tenant.identity?.exceptionsAllowed ?? []));
    if (d.lifecycle === "retiring" && was?.lifecycle !== "retiring")
      risks.push({
        level: "high",
        kind: "retiring",
        department: d.id,
        message:
          `${d.id}: retiring — its numbers go into quarantine and its group loses its licences and Teams grants; ` +
          "the platform team approves the removal of its file in a later change",
      });
  }
  const approvals = new Map(head.tenant.platformApprovals.retirements.map((r) => [r.department, r]));
  const heads = new Set(head.departments.map((d) => d.id));
  for (const d of base?.departments ?? []) {
    if (heads.has(d.id)) continue;
    const approval = approvals.get(d.id);
    risks.push({
      level: "high",
      kind: "department-removed",
      department: d.id,
      message:
        approval && d.lifecycle === "retiring"
          ? `${d.id}: department removed (retirement approved by the platform team on ${approval.date})`
          : `${d.id}: department removed without a completed retirement (see the blocking check)`,
    });
  }
  return risks;
}

/** Removed departments that skipped their lifecycle: mandatory results, so the plan exits 1. */
export function retirementViolations(
  base: TenantDefinition | undefined,
  head: TenantDefinition,
): PlanPolicyResult[] {
  const approved = new Set(head.tenant.platformApprovals.retirements.map((r) => r.department));
  const heads = new Set(head.departments.map((d) => d.id));
  const out: PlanPolicyResult[] = [];
  for (const d of base?.departments ?? []) {
    if (heads.has(d.id)) continue;
    const missing = [
      d.lifecycle === "retiring" ? "" : "it was not `lifecycle: retiring` at the base",
      approved.has(d.id) ? "" : "tenant.yaml has no platformApprovals.retirements entry for it",
    ].filter(Boolean);
    if (missing.length === 0) continue;
    out.push({
      policy: RETIREMENT_CHECK,
      severity: "high",
      enforcementLevel: "mandatory",
      message:
        `Department '${d.id}' is removed but ${missing.join(" and ")} — retire it first (CONTRIBUTING ` +
        "'Retire a department'): set lifecycle: retiring and deploy, then remove the file with the platform team's approval.",
    });
  }
  return out;
}

/**
 * A department's conditional access exceptions (issue #16) in words: a new or wider exception weakens a control
 * for real people (high); one removed or narrowed puts them back under it (low). Only exceptions tenant.yaml allows
 * take effect, so only those are told.
 */
function exceptionRisks(was: Department | undefined, now: Department, allowed: readonly string[]): Risk[] {
  const effective = (d: Department | undefined) =>
    new Map(
      (d?.conditionalAccessExceptions ?? [])
        .filter((e) => allowed.includes(e.policy))
        .map((e) => [e.policy, e]),
    );
  const before = effective(was);
  const after = effective(now);
  const risks: Risk[] = [];
  const who = (m: { attribute: string; values: readonly string[] }) =>
    `users with ${m.attribute} ${m.values.join(", ")}`;
  for (const [policy, e] of after) {
    const old = before.get(policy);
    if (!old) {
      risks.push({
        level: "high",
        kind: "conditional-access-exception",
        department: now.id,
        message: `${now.id}: conditional access ${policy} no longer applies to its ${who(e.members)} (exception: ${e.reason})`,
      });
      continue;
    }
    const change = membershipChange(old.members, e.members);
    if (!change) continue;
    const widened =
      e.members.values.some((v) => !old.members.values.includes(v)) ||
      old.members.attribute !== e.members.attribute;
    risks.push({
      level: widened ? "high" : "low",
      kind: "conditional-access-exception",
      department: now.id,
      message: `${now.id}: exception to conditional access ${policy}: exempt users ${change}`,
    });
  }
  for (const [policy, e] of before)
    if (!after.has(policy))
      risks.push({
        level: "low",
        kind: "conditional-access-exception",
        department: now.id,
        message: `${now.id}: its ${who(e.members)} are under conditional access ${policy} again (exception removed)`,
      });
  return risks;
}

function membershipRisks(was: Department | undefined, now: Department): Risk[] {
  const change = was ? membershipChange(was.membership, now.membership) : undefined;
  if (was && !change) return [];
  const scope = membershipScope(now.membership);
  if (!scope.restricted)
    return [
      {
        level: "high",
        kind: "membership-unrestricted",
        department: now.id,
        message:
          `${now.id}: membership ${membershipAsWritten(now.membership)} is not restricted to the department's own attribute values, ` +
          "so its licences and Teams grants can reach every department's users (approved in tenant.yaml " +
          `platformApprovals.membershipRules); seats are counted from the declared headcount ${now.headcount}, ` +
          "and tenant drift reports the real member count",
      },
    ];
  if (!change) return [];
  return [
    { level: "medium", kind: "membership", department: now.id, message: `${now.id}: membership ${change}` },
  ];
}
