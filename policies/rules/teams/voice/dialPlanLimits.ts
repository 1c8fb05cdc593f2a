import { RESOURCE_TYPES, type DialPlanInputs } from "../../../../src/resourceTypes";
import { definePolicy, validateResourceOfToken } from "../../../lib/define";

/** Teams limits (New-CsTenantDialPlan): identity ≤ 49 characters of letters, digits, '-' and '.'; ≤ 50 rules. */
export const MAX_DIAL_PLAN_NAME = 49;
export const MAX_NORMALIZATION_RULES = 50;
const NAME = /^[A-Za-z0-9.-]+$/;

/**
 * Dial plans stay within the Teams limits on name and number of normalization rules.
 */
export const dialPlanLimits = definePolicy(
  {
    id: "teams-voice-dialplan-limits",
    vendor: "teams",
    service: "voice",
    kind: "resource",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "Dial plans stay within the Teams limits on name and number of normalization rules.",
    rationale:
      "Teams rejects a dial plan over its limits only when the deployment reaches it, after other voice " +
      "changes have already been applied; catching it in review keeps a deployment from stopping halfway.",
    remediation: `Shorten the dial plan name to ${MAX_DIAL_PLAN_NAME} letters, digits, '-' or '.', or merge rules to at most ${MAX_NORMALIZATION_RULES}.`,
    topics: ["telephony", "limits"],
  },
  {
    validateResource: validateResourceOfToken<DialPlanInputs>(
      RESOURCE_TYPES.dialPlan,
      (props, _args, reportViolation) => {
        const name = props.name ?? "";
        if (name.length === 0 || name.length > MAX_DIAL_PLAN_NAME || !NAME.test(name)) {
          reportViolation(
            `Dial plan name '${name}' must be 1 to ${MAX_DIAL_PLAN_NAME} letters, digits, '-' or '.'.`,
          );
        }
        const rules = props.normalizationRules ?? [];
        if (rules.length > MAX_NORMALIZATION_RULES) {
          reportViolation(
            `Dial plan '${name}' has ${rules.length} normalization rules; Teams allows at most ${MAX_NORMALIZATION_RULES}.`,
          );
        }
      },
    ),
  },
);
