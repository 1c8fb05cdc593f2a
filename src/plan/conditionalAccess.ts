import type { ResourceChange, Risk } from "./model";
import { namesUpTo } from "./wording";

/** The azuread provider's conditional access policy type. */
export const CONDITIONAL_ACCESS_POLICY = "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy";

/** The provider's `state` in tenant.yaml's words (src/config/schema/identity.ts ROLLOUT_STATES). */
const STATE_WORDS: Record<string, string> = {
  enabledForReportingButNotEnforced: "report-only",
  enabled: "on",
  disabled: "off",
};

const words = (state: unknown) => STATE_WORDS[String(state)] ?? String(state ?? "(none)");

/**
 * Conditional access rollout, in words. Switching a policy to "on" (or creating it on, with no report-only
 * window) is high: from then on Entra blocks whoever does not meet it. Taking an enforced policy back to
 * report-only or off is medium: the protection stops. An enforced policy that keeps its state but changes whom it
 * covers or what it asks (exclusions, risk levels, locations, controls) is medium: that takes effect at once, with
 * no report-only window. A department exception group added to a policy is not counted here: the department's
 * own exception risk (high) tells it in words.
 */
export function conditionalAccessRisks(
  changes: readonly ResourceChange[],
  where: string,
): Omit<Risk, "department">[] {
  const risks: Omit<Risk, "department">[] = [];
  for (const c of changes) {
    if (c.type !== CONDITIONAL_ACCESS_POLICY) continue;
    if (c.op === "create" && c.inputs?.state === "enabled") {
      risks.push({
        level: "high",
        kind: "conditional-access-on",
        message:
          `${where}: conditional access policy ${c.name} is created on (enforced) with no report-only window — ` +
          "deploy it as reportOnly first and read its results in the sign-in logs",
        urn: c.urn,
      });
      continue;
    }
    if (c.op !== "update" && c.op !== "replace") continue;
    const state = c.properties.find((p) => p.path === "state");
    if (!state) {
      const scope = scopeChanges(c);
      if (scope.length > 0 && c.context?.state === "enabled")
        risks.push({
          level: "medium",
          kind: "conditional-access-scope",
          message:
            `${where}: conditional access policy ${c.name} is on and changes ${namesUpTo(scope, 3)} — whom it ` +
            "covers or what it asks changes at once, with no report-only window",
          urn: c.urn,
        });
      continue;
    }
    if (state.new === "enabled") {
      risks.push({
        level: "high",
        kind: "conditional-access-on",
        message:
          `${where}: conditional access policy ${c.name} switches from ${words(state.old)} to on — from now on ` +
          "Entra blocks every sign-in that does not meet it; check its report-only results first",
        urn: c.urn,
      });
    } else if (state.old === "enabled") {
      risks.push({
        level: "medium",
        kind: "conditional-access-off",
        message: `${where}: conditional access policy ${c.name} is no longer enforced (on → ${words(state.new)})`,
        urn: c.urn,
      });
    }
  }
  return risks;
}

/** The settings of a policy a change touches (`conditions.signInRiskLevels`), without department exceptions. */
function scopeChanges(c: ResourceChange): string[] {
  const settings = c.properties
    .map((p) => p.path.replace(/\[.*$/, ""))
    .filter((path) => /^(conditions|grantControls|sessionControls)\./.test(path))
    .filter((path) => path !== "conditions.users.excludedGroups");
  return [...new Set(settings)];
}
