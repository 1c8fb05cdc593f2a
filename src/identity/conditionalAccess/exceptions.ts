/**
 * Department exceptions to the conditional access baseline (issue #16): a department file exempts some of its own
 * users from a policy tenant.yaml allows exceptions to. Each exception is a dynamic group whose rule is the
 * department's rule AND the exception's, so it can only ever hold the department's own people, and the policy
 * excludes that group. Pure: the identity layer creates the groups, the baseline and the emulator's seed read the
 * same names, and drift compares with them.
 */
import type { TenantDefinition } from "../../config/definition";
import type { BaselinePolicyKey } from "../../config/schema/identity";
import type { ConditionalAccessException, Department } from "../../config/schema/department";
import { exceptionGroupName } from "../../naming";
import { membershipRule } from "../membershipRule";

export interface ExceptionGroup {
  department: string;
  policy: BaselinePolicyKey;
  displayName: string;
  rule: string;
  reason: string;
}

/**
 * `(<department rule>) -and (user.<attr> -in [...])`. A structured rule already comes in parentheses; a raw one is
 * wrapped so its own `-or` cannot escape the `-and`.
 */
export function exceptionRule(department: Department, exception: ConditionalAccessException): string {
  const own = membershipRule(department.membership);
  const scoped = "rule" in department.membership ? `(${own})` : own;
  return `${scoped} -and ${membershipRule(exception.members)}`;
}

/** The department's exceptions that take effect: only for policies tenant.yaml allows exceptions to. */
export function departmentExceptionGroups(
  shortName: string,
  department: Department,
  allowed: readonly BaselinePolicyKey[],
): ExceptionGroup[] {
  return department.conditionalAccessExceptions
    .filter((e) => allowed.includes(e.policy))
    .map((e) => ({
      department: department.id,
      policy: e.policy,
      displayName: exceptionGroupName(shortName, department.id, e.policy),
      rule: exceptionRule(department, e),
      reason: e.reason,
    }));
}

/** Per policy, the display names of the groups it excludes, sorted (the order Entra keeps is not ours). */
export function exceptionGroupsByPolicy(definition: TenantDefinition): Map<BaselinePolicyKey, string[]> {
  const allowed = definition.tenant.identity?.exceptionsAllowed ?? [];
  const shortName = definition.tenant.organization.shortName;
  const out = new Map<BaselinePolicyKey, string[]>();
  for (const d of definition.departments)
    for (const g of departmentExceptionGroups(shortName, d, allowed))
      out.set(g.policy, [...(out.get(g.policy) ?? []), g.displayName].sort());
  return out;
}
