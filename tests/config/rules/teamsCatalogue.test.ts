import { regexProblem, teamsCatalogueRule } from "../../../src/config/rules/teamsCatalogue";
import { ruleProblemsAfter, type RuleCase } from "../helpers/validate";

// teams-voice-catalogue alone; the fixture's catalogue is tenant.yaml lines 50 to 75.
const T = "tenant.yaml";
const POLICY_USAGES = "    - name: Spain\n      pstnUsages: [Local]";
const LAST_RULE = "          isInternalExtension: true\n";

describe("regexProblem", () => {
  it.each(["^\\+34\\d{9}$", "^(\\d{4})$", "^(?<ext>\\d{4})$", ""])("%j compiles", (pattern) =>
    expect(regexProblem(pattern)).toBeUndefined(),
  );
  // Only the reason is kept: the message quotes the pattern itself.
  it.each([
    ["^\\+34(\\d{9}$", "Unterminated group"],
    ["^[0-9$", "Unterminated character class"],
    ["^\\d{9}$)", "Unmatched ')'"],
    ["*34", "Nothing to repeat"],
  ])("%j: %s", (pattern, reason) => expect(regexProblem(pattern)).toBe(reason));
});

describe("teams-voice-catalogue", () => {
  const cases: RuleCase[] = [
    { name: "the fixture's catalogue", errors: [] },
    {
      name: "a PSTN usage repeated in another case",
      edits: [[T, "pstnUsages: [Local]\n  voiceRoutes:", "pstnUsages: [Local, LOCAL]\n  voiceRoutes:"]],
      errors: [
        "tenant.yaml:51:23: teamsVoice.pstnUsages[1]: PSTN usage 'LOCAL' is already declared at tenant.yaml:51 — Teams names are case-insensitive and unique; rename or remove one",
      ],
    },
    {
      // An undeclared usage is reported once, as unknown, not again as carried by no route.
      name: "an undeclared usage of a voice routing policy is reported once",
      edits: [[T, POLICY_USAGES, "    - name: Spain\n      pstnUsages: [Local, Locla]"]],
      errors: [
        "tenant.yaml:68:27: teamsVoice.voiceRoutingPolicies[0].pstnUsages[1]: PSTN usage 'Locla' is not in teamsVoice.pstnUsages (did you mean 'Local'?) — add it there or correct the name",
      ],
    },
    {
      name: "a declared usage that no route carries",
      edits: [
        [T, "pstnUsages: [Local]\n  voiceRoutes:", "pstnUsages: [Local, Intl]\n  voiceRoutes:"],
        [T, POLICY_USAGES, "    - name: Spain\n      pstnUsages: [Intl]"],
      ],
      errors: [
        "tenant.yaml:68:20: teamsVoice.voiceRoutingPolicies[0].pstnUsages[0]: PSTN usage 'Intl' is carried by no voice route, so calls that use it cannot leave Teams — add 'Intl' to the pstnUsages of a voice route, or use a usage a route carries",
      ],
    },
    {
      // Declared but used by no policy: harmless, and not this rule's concern.
      name: "a declared usage that no route carries and no policy uses",
      edits: [[T, "pstnUsages: [Local]\n  voiceRoutes:", "pstnUsages: [Local, Intl]\n  voiceRoutes:"]],
      errors: [],
    },
    {
      // Two plans clashing by name are reported once, as duplicate names, not again as duplicate simple names.
      name: "two plans of one name without simple names",
      edits: [[T, LAST_RULE, `${LAST_RULE}    - name: es-villa\n`]],
      errors: [
        "tenant.yaml:76:13: teamsVoice.dialPlans[1].name: dial plan 'es-villa' is already declared at tenant.yaml:70 — Teams names are case-insensitive and unique; rename or remove one",
      ],
    },
    {
      name: "a simple name equal to another plan's simple name",
      edits: [
        [T, "    - name: ES-Villa\n", "    - name: ES-Villa\n      simpleName: Villa\n"],
        [T, LAST_RULE, `${LAST_RULE}    - name: ES-Aldea\n      simpleName: VILLA\n`],
      ],
      errors: [
        "tenant.yaml:78:19: teamsVoice.dialPlans[1].simpleName: dial plan simple name 'VILLA' is already the simple name of the dial plan at tenant.yaml:71 — Teams requires simple names to be unique among the tenant's dial plans (without simpleName it is the plan's name); choose another",
      ],
    },
    {
      name: "a pattern that does not compile is not also judged for its translation's groups",
      edits: [[T, "pattern: '^(\\d{4})$'", "pattern: '^(\\d{4}$'"]],
      errors: [
        "tenant.yaml:73:20: teamsVoice.dialPlans[0].normalizationRules[0].pattern: pattern '^(\\d{4}$' is not a valid regular expression (Unterminated group) — fix the pattern (quote it in single quotes so YAML keeps backslashes)",
      ],
    },
    {
      name: "a translation naming two groups a one-group pattern lacks",
      edits: [[T, 'translation: "+3491555$1"', 'translation: "+34$2$3"']],
      errors: [
        "tenant.yaml:74:24: teamsVoice.dialPlans[0].normalizationRules[0].translation: translation '+34$2$3' uses $2, $3, but the pattern has 1 capture group, so Teams would write them into the number literally — refer only to groups the pattern has ($1 is the first '(…)'), or add the group",
      ],
    },
    {
      name: "a global emergency call routing policy when none is declared",
      edits: [
        [
          T,
          "emergencyAddresses:\n",
          "  globalEmergencyCallRoutingPolicy: Emergencias\nemergencyAddresses:\n",
        ],
      ],
      errors: [
        "tenant.yaml:76:37: teamsVoice.globalEmergencyCallRoutingPolicy: emergency call routing policy 'Emergencias' does not exist (none are declared) — name one of emergencyCallRoutingPolicies",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(teamsCatalogueRule, change)).toEqual(errors),
  );
});
