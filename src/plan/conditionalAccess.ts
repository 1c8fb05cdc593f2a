import type { ResourceChange, Risk } from "./model";

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
 * report-only or off is medium: the protection stops. Changes that keep the state are in the section.
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
    const state = c.properties.find((p) => p.path === "state");
    if (!state || (c.op !== "update" && c.op !== "replace")) continue;
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
