import { normalizedRule, ruleScope } from "../../../../src/identity/ruleScope";
import { definePolicy, validateResourceOfToken } from "../../../lib/define";

/** The azuread provider's group type, as the program registers department groups. */
export const ENTRA_GROUP = "azuread:index/group:Group";

interface GroupProps {
  displayName?: string;
  dynamicMembership?: { enabled?: boolean; rule?: string };
}

/**
 * A dynamic group's membership rule is restricted to attribute values unless the platform team approved it.
 */
export const groupMembershipRestricted = definePolicy(
  {
    id: "m365-identity-group-membership-restricted",
    vendor: "m365",
    service: "identity",
    kind: "resource",
    severity: "high",
    enforcementLevel: "advisory",
    description:
      "A dynamic group's membership rule is restricted to attribute values unless the platform team approved it.",
    rationale:
      "A department group receives licences and Teams policies; a rule such as (user.accountEnabled -eq true) " +
      "puts one department's calling policy, dial plan and licences onto every user in the tenant. Department " +
      "files are approved by their own owners, so such a rule needs the platform team's approval.",
    remediation:
      "Restrict the rule with a top-level -and (user.<attribute> -eq or -in values) term, or have the platform " +
      "team approve it in tenant.yaml platformApprovals.membershipRules and list it in this policy's approvedRules.",
    topics: ["identity", "least-privilege"],
  },
  {
    configSchema: {
      properties: {
        approvedRules: {
          type: "array",
          items: { type: "string" },
          description:
            "Rules the platform team approved (as in tenant.yaml platformApprovals.membershipRules).",
        },
      },
    },
    validateResource: validateResourceOfToken<GroupProps>(ENTRA_GROUP, (props, args, reportViolation) => {
      const rule = props.dynamicMembership?.rule;
      if (typeof rule !== "string" || rule.trim() === "") return;
      const scope = ruleScope(rule);
      if (scope.restricted) return;
      const approved = args.getConfig<{ approvedRules?: string[] }>().approvedRules ?? [];
      if (approved.some((a) => normalizedRule(a) === normalizedRule(rule))) return;
      reportViolation(
        `Group ${props.displayName ?? "(unnamed)"} has membership rule ${JSON.stringify(rule)}, which is not ` +
          `restricted to attribute values (${scope.reason}) and can reach every user.`,
      );
    }),
  },
);
