import type { Membership } from "../schema/department";
import type { Rule, RuleContext } from "./context";

/**
 * The longest value Entra ID stores in each user attribute a structured membership rule may test (Microsoft
 * Graph v1.0 user resource, https://learn.microsoft.com/graph/api/resources/user: department and companyName
 * "Maximum length is 64 characters", jobTitle and city 128). Attributes for which Graph documents no maximum
 * (officeLocation, employeeType, the extension attributes) are not limited here.
 */
export const ATTRIBUTE_MAX_LENGTH: Partial<
  Record<Extract<Membership, { attribute: string }>["attribute"], number>
> = { department: 64, companyName: 64, jobTitle: 128, city: 128 };

const msg = {
  tooLong: (value: string, attribute: string, max: number) =>
    `'${value.length > 40 ? `${value.slice(0, 37)}...` : value}' has ${value.length} characters, but Entra ID stores at most ${max} in user.${attribute}, so no user can match it — write the value exactly as users have it`,
};

export const membershipValuesRule: Rule = {
  info: {
    id: "membership-values",
    summary:
      "Every value a structured membership rule matches can be held by a user: it fits the attribute's length in Entra ID.",
    errors: [
      {
        when: "a `membership.values` entry is longer than Entra ID stores in that attribute",
        example: msg.tooLong(
          "Área de Gobierno de Cultura, Turismo y Deporte del Ayuntamiento",
          "department",
          64,
        ),
      },
    ],
  },
  check: checkMembershipValues,
};

function checkMembershipValues(ctx: RuleContext): void {
  for (const dep of ctx.loaded.departments) {
    const membership = dep.value.membership;
    if (!("attribute" in membership)) continue;
    const max = ATTRIBUTE_MAX_LENGTH[membership.attribute];
    if (max === undefined) continue;
    membership.values.forEach((value, i) => {
      if (value.length > max)
        ctx.at(dep, ["membership", "values", i], msg.tooLong(value, membership.attribute, max));
    });
  }
}
