import { membershipRule } from "../identity/membershipRule";
import { normalizedRule, ruleScope } from "../identity/ruleScope";

/**
 * A department's membership in the words of its file (#17): the plan printed the rendered Entra rule as JSON, so
 * a value such as `Turismo')"` came out as `Turismo'\")` and read like an injection. A structured rule is named by
 * its attribute and the values as the author typed them; a raw rule is shown as written. `code` wraps each value
 * or rule (markdown: a code span), so nothing the author wrote is read as markdown. Pure.
 */
export type MembershipWords = { attribute: string; values: readonly string[] } | { rule: string };

type Code = (s: string) => string;
const plain: Code = (s) => s;

/** `by department: Cultura, Turismo')"` or `rule (user.accountEnabled -eq true)`. */
export function membershipAsWritten(m: MembershipWords, code: Code = plain): string {
  if ("rule" in m) return `rule ${code(m.rule.trim())}`;
  return `by ${m.attribute}: ${m.values.map(code).join(", ")}`;
}

/**
 * What changes between two memberships, or undefined when they match the same users by the same rule:
 * `by department adds Turismo')"; drops Deportes` when only a structured rule's values change, else
 * `by department: Cultura → rule (…)`. The caller puts "membership" (or "dynamic membership") in front.
 */
export function membershipChange(
  was: MembershipWords,
  now: MembershipWords,
  code: Code = plain,
): string | undefined {
  if (normalizedRule(ruleOf(was)) === normalizedRule(ruleOf(now))) return undefined;
  if (!("rule" in was) && !("rule" in now) && was.attribute === now.attribute) {
    const added = [...new Set(now.values.filter((v) => !was.values.includes(v)))];
    const dropped = [...new Set(was.values.filter((v) => !now.values.includes(v)))];
    if (added.length + dropped.length === 0) return undefined;
    const parts = [
      added.length > 0 ? `adds ${added.map(code).join(", ")}` : "",
      dropped.length > 0 ? `drops ${dropped.map(code).join(", ")}` : "",
    ].filter(Boolean);
    return `by ${now.attribute} ${parts.join("; ")}`;
  }
  return `${membershipAsWritten(was, code)} → ${membershipAsWritten(now, code)}`;
}

/** The Entra rule a membership renders to (the attribute is the schema's when it comes from a file). */
function ruleOf(m: MembershipWords): string {
  return membershipRule(m as Parameters<typeof membershipRule>[0]);
}

/**
 * A rendered group's rule read back into the file's words: the structured form when the rule is exactly what a
 * structured membership renders to (src/identity/membershipRule.ts), else the raw rule.
 */
export function membershipOfRule(rule: string): MembershipWords {
  const scope = ruleScope(rule);
  if (!scope.restricted) return { rule };
  const structured = { attribute: scope.attribute, values: scope.values };
  return ruleOf(structured) === rule.trim() ? structured : { rule };
}
