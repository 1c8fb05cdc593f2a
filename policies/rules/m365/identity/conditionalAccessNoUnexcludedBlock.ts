import { definePolicy, validateResourceOfToken } from "../../../lib/define";
import {
  CONDITIONAL_ACCESS_POLICY,
  type ConditionalAccessProps,
} from "./conditionalAccessBreakGlassExcluded";

/**
 * No enabled conditional access policy blocks all users without excluding someone.
 */
export const conditionalAccessNoUnexcludedBlock = definePolicy(
  {
    id: "m365-identity-conditional-access-no-unexcluded-block",
    vendor: "m365",
    service: "identity",
    kind: "resource",
    severity: "critical",
    enforcementLevel: "mandatory",
    description: "No enabled conditional access policy blocks all users without excluding someone.",
    rationale:
      "An enforced block on every user with no exclusion leaves nobody who can sign in to undo it, the person " +
      "who deployed it included; only a support case with Microsoft gets the tenant back.",
    remediation:
      "Exclude the break-glass accounts (the toolkit does it for every policy it renders), or roll the policy out " +
      "in reportOnly first.",
    topics: ["identity", "conditional-access", "break-glass"],
  },
  {
    validateResource: validateResourceOfToken<ConditionalAccessProps>(
      CONDITIONAL_ACCESS_POLICY,
      (props, _args, reportViolation) => {
        if (props.state !== "enabled") return;
        if (!(props.grantControls?.builtInControls ?? []).includes("block")) return;
        const users = props.conditions?.users ?? {};
        if (!(users.includedUsers ?? []).includes("All")) return;
        const exclusions = [users.excludedUsers, users.excludedGroups, users.excludedRoles].flatMap(
          (l) => l ?? [],
        );
        if (exclusions.length > 0) return;
        reportViolation(
          `Conditional access policy ${props.displayName ?? "(unnamed)"} is enabled, blocks all users and excludes ` +
            "no one: it would lock everyone out of the tenant.",
        );
      },
    ),
  },
);
