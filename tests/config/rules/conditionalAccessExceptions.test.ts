import { conditionalAccessExceptionsRule } from "../../../src/config/rules/conditionalAccessExceptions";
import { ruleProblemsAfter, type RuleCase } from "../helpers/validate";
import { withPolicies } from "./helpers/identity";

/** tenant.yaml with the MFA policy only, and `allowed` (an `exceptionsAllowed` line, or nothing). */
const tenant = (allowed: string) => withPolicies("    requireMfa: { state: on }\n", allowed);

/** Culture's file with `exceptions` (YAML list items, indented by two) after its membership (line 9 on). */
const culture = (exceptions: string): [string, string, string] => [
  "departments/culture.yaml",
  "headcount: 40\n",
  `headcount: 40\nconditionalAccessExceptions:\n${exceptions}`,
];

const kiosks = (policy: string) =>
  `  - policy: ${policy}\n    members: { attribute: jobTitle, values: [Quiosco] }\n    reason: Shared kiosks in the library, no second factor\n`;

describe("conditional-access-exceptions", () => {
  const cases: RuleCase[] = [
    {
      name: "a kiosk exception to a policy tenant.yaml allows exceptions to",
      edits: [tenant("  exceptionsAllowed: [requireMfa]\n"), culture(kiosks("requireMfa"))],
      errors: [],
    },
    {
      name: "an exception to a policy tenant.yaml does not allow exceptions to",
      edits: [tenant("  exceptionsAllowed: [requireMfa]\n"), culture(kiosks("phishingResistantAdmins"))],
      errors: [
        "departments/culture.yaml:11:13: conditionalAccessExceptions[0].policy: the conditional access policy 'phishingResistantAdmins' takes no department exceptions (tenant.yaml identity.exceptionsAllowed: requireMfa) — ask the platform team to allow it, or remove the exception",
      ],
    },
    {
      name: "an exception when tenant.yaml allows none",
      edits: [tenant(""), culture(kiosks("requireMfa"))],
      errors: [
        "departments/culture.yaml:11:13: conditionalAccessExceptions[0].policy: the conditional access policy 'requireMfa' takes no department exceptions (tenant.yaml identity.exceptionsAllowed: none) — ask the platform team to allow it, or remove the exception",
      ],
    },
    {
      name: "an exception to an allowed policy tenant.yaml does not declare",
      edits: [
        tenant("  exceptionsAllowed: [requireMfa, allowedLocations]\n"),
        culture(kiosks("allowedLocations")),
      ],
      errors: [
        "departments/culture.yaml:11:13: conditionalAccessExceptions[0].policy: tenant.yaml declares no 'allowedLocations' policy in identity.conditionalAccess, so there is nothing to be exempt from — remove the exception",
      ],
    },
    {
      name: "two exceptions to one policy",
      edits: [
        tenant("  exceptionsAllowed: [requireMfa]\n"),
        culture(kiosks("requireMfa") + kiosks("requireMfa")),
      ],
      errors: [
        "departments/culture.yaml:14:13: conditionalAccessExceptions[1].policy: a second exception to 'requireMfa' — put every exempt value in one entry's members.values",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(conditionalAccessExceptionsRule, change)).toEqual(errors),
  );
});
