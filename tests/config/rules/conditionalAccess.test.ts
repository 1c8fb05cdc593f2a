import { conditionalAccessRule } from "../../../src/config/rules/conditionalAccess";
import { ruleProblemsAfter, type RuleCase } from "../helpers/validate";
import { withPolicies } from "./helpers/identity";

/** One country location `espana`, then the conditional access block (line 105 on). */
const policies = (ca: string, more = "") => withPolicies(ca, more);

describe("conditional-access", () => {
  const cases: RuleCase[] = [
    {
      name: "risk policies with E5 in the catalogue, allowed locations that exist",
      edits: [
        policies(
          "    signInRisk: { state: reportOnly }\n    userRisk: { state: on }\n    allowedLocations: { state: on, locations: [espana] }\n",
        ),
      ],
      errors: [],
    },
    {
      name: "an allowed location that is not declared",
      edits: [policies("    allowedLocations: { state: on, locations: [espana, espanya] }\n")],
      errors: [
        "tenant.yaml:105:56: identity.conditionalAccess.allowedLocations.locations[1]: no named location 'espanya' (did you mean 'espana'?) — add it to identity.namedLocations or correct the id",
      ],
    },
    {
      name: "risk policies without Entra ID P2 (E5 gone from the catalogue)",
      edits: [
        policies(
          "    requireMfa: { state: on }\n    signInRisk: { state: reportOnly }\n    userRisk: { state: on }\n",
          "  adminGroupMembership: permanent\n",
        ),
        ["tenant.yaml", "partNumber: SPE_E5", "partNumber: SPE_E3"],
      ],
      errors: [
        "tenant.yaml:106:5: identity.conditionalAccess.signInRisk: signInRisk needs Microsoft Entra ID P2 (ID Protection), which no SKU in licensing.skus brings (E5, EMS E5 or Entra ID P2) — buy it and add it to the catalogue, or remove it",
        "tenant.yaml:107:5: identity.conditionalAccess.userRisk: userRisk needs Microsoft Entra ID P2 (ID Protection), which no SKU in licensing.skus brings (E5, EMS E5 or Entra ID P2) — buy it and add it to the catalogue, or remove it",
      ],
    },
    {
      name: "delegated administration without Entra ID P2, and a role listed twice",
      edits: [
        policies(
          "    requireMfa: { state: on }\n  adminGroupMembership: permanent\n  delegatedAdministration:\n    roles: [userAdministrator, helpdeskAdministrator, userAdministrator]\n",
        ),
        ["tenant.yaml", "partNumber: SPE_E5", "partNumber: SPE_E3"],
      ],
      errors: [
        "tenant.yaml:107:3: identity.delegatedAdministration: delegatedAdministration needs Microsoft Entra ID P2 (Privileged Identity Management), which no SKU in licensing.skus brings (E5, EMS E5 or Entra ID P2) — buy it and add it to the catalogue, or remove it",
        "tenant.yaml:108:55: identity.delegatedAdministration.roles[2]: role 'userAdministrator' is listed twice — remove the second entry",
      ],
    },
    {
      name: "eligible admin-group membership without Entra ID P2",
      edits: [
        policies("    requireMfa: { state: on }\n  adminGroupMembership: eligible\n"),
        ["tenant.yaml", "partNumber: SPE_E5", "partNumber: SPE_E3"],
      ],
      errors: [
        "tenant.yaml:106:25: identity.adminGroupMembership: adminGroupMembership is eligible (the default: admins activate membership of their admin group in Privileged Identity Management for Groups), which needs Microsoft Entra ID P2, and no SKU in licensing.skus brings it (E5, EMS E5 or Entra ID P2) — buy it and add it to the catalogue, or set identity.adminGroupMembership: permanent for standing members",
      ],
    },
    {
      name: "eligible admin-group membership by default, without Entra ID P2",
      edits: [
        policies("    requireMfa: { state: on }\n"),
        ["tenant.yaml", "partNumber: SPE_E5", "partNumber: SPE_E3"],
      ],
      // Not written, so the error points at the identity section, naming the field and both ways out.
      errors: [
        "tenant.yaml:95:3: identity.adminGroupMembership: adminGroupMembership is eligible (the default: admins activate membership of their admin group in Privileged Identity Management for Groups), which needs Microsoft Entra ID P2, and no SKU in licensing.skus brings it (E5, EMS E5 or Entra ID P2) — buy it and add it to the catalogue, or set identity.adminGroupMembership: permanent for standing members",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(conditionalAccessRule, change)).toEqual(errors),
  );
});
