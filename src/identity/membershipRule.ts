import type { Membership } from "../config/schema/department";

/**
 * A string literal in Entra's dynamic membership rule syntax. Values go in double quotes; a double quote
 * inside a value is escaped with a backtick (https://learn.microsoft.com/entra/identity/users/groups-dynamic-membership,
 * "Use of quotes"), and a backtick itself is doubled so it cannot start an escape.
 */
export function ruleString(value: string): string {
  return `"${value.replace(/`/g, "``").replace(/"/g, '`"')}"`;
}

/**
 * The dynamic membership rule of a department group. The structured form becomes `(user.<attr> -eq "v")` for one
 * value and `(user.<attr> -in ["a","b"])` for several (duplicates dropped, order kept as written so the rule
 * reads like the YAML); a raw rule is passed through trimmed.
 */
export function membershipRule(membership: Membership): string {
  if ("rule" in membership) return membership.rule.trim();
  const values = [...new Set(membership.values)];
  if (values.length === 1) return `(user.${membership.attribute} -eq ${ruleString(values[0])})`;
  return `(user.${membership.attribute} -in [${values.map(ruleString).join(",")}])`;
}
