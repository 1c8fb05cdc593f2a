/**
 * Break-glass accounts hold nothing of Teams (issue #16). validate refuses one in a numbers file, but a department's
 * dynamic rule matches by attribute, so an emergency account whose `department` someone filled in would join that
 * department's group and receive its Teams policies (and licences). Only the tenant can tell: each account's
 * `userConfigurations` entry (Graph v1.0) lists its numbers and its effective policies with where they come from.
 */
import type { TenantDefinition } from "../config/definition";
import type { LiveTenant } from "../live/snapshot";
import type { DriftEntry } from "./types";

export function compareBreakGlass(
  definition: TenantDefinition,
  configurations: LiveTenant["userConfigurations"],
  groups: LiveTenant["groups"],
  globalPolicies: Readonly<Partial<Record<string, string>>> = {},
): DriftEntry[] {
  const accounts = definition.tenant.identity?.breakGlass ?? [];
  if (accounts.length === 0) return [];
  const groupName = new Map(groups.map((g) => [g.id.toLowerCase(), g.displayName]));
  const byId = new Map(configurations.map((c) => [c.id.toLowerCase(), c]));
  const entries: DriftEntry[] = [];
  for (const account of accounts) {
    const config = byId.get(account.objectId.toLowerCase());
    if (!config) continue;
    const base = {
      area: "identity" as const,
      kind: "break-glass-teams" as const,
      department: null,
      subject: account.userPrincipalName,
      expected: null,
    };
    for (const n of config.telephoneNumbers)
      entries.push({
        ...base,
        actual: n.telephoneNumber,
        message: `break-glass account ${account.userPrincipalName} holds number ${n.telephoneNumber}: an emergency account has no number — unassign it in Teams`,
      });
    for (const p of config.effectivePolicyAssignments) {
      const grant = `${p.policyType}:${p.policyName}`;
      if (p.assignmentType === "group") {
        const group = p.groupId ? (groupName.get(p.groupId.toLowerCase()) ?? p.groupId) : "a group";
        entries.push({
          ...base,
          actual: `${grant} through ${group}`,
          message: `break-glass account ${account.userPrincipalName} gets Teams policy ${grant} through ${group}: a department's membership rule matches it — clear the attribute the rule tests on the emergency account`,
        });
      } else if (p.policyName !== "Global" && p.policyName !== globalPolicies[p.policyType]) {
        entries.push({
          ...base,
          actual: grant,
          message: `break-glass account ${account.userPrincipalName} was granted Teams policy ${grant} directly: an emergency account has none — remove the grant in Teams`,
        });
      }
    }
  }
  return entries;
}
