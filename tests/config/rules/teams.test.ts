import { problemsAfter, type RuleCase } from "../helpers/validate";

const T = "tenant.yaml";
const CULTURE = "departments/culture.yaml";

/** Adds an emergency call routing policy, without a route for its PSTN usage. */
const UNROUTED_EMERGENCY: RuleCase["edits"] = [
  [T, "pstnUsages: [Local]\n  voiceRoutes", "pstnUsages: [Local, Emergency]\n  voiceRoutes"],
  [
    T,
    "emergencyAddresses:\n",
    '  emergencyCallRoutingPolicies:\n    - name: Emergencias\n      emergencyNumbers:\n        - emergencyDialString: "112"\n          onlinePstnUsage: Emergency\n  globalEmergencyCallRoutingPolicy: Emergencias\nemergencyAddresses:\n',
  ],
];

/** Adds an emergency call routing policy (and a second PSTN usage, which the voice route carries). */
const ROUTING: RuleCase["edits"] = [
  ...UNROUTED_EMERGENCY,
  [
    T,
    "      pstnUsages: [Local]\n      priority: 1",
    "      pstnUsages: [Local, Emergency]\n      priority: 1",
  ],
];

/** `count` normalization rules for the dial plan, named r1, r2, … */
const rules = (count: number) =>
  Array.from(
    { length: count },
    (_, i) =>
      `        - name: r${i + 1}\n          pattern: '^${i}$'\n          translation: "+34915550000"\n`,
  ).join("");

describe("teams-voice-catalogue", () => {
  const cases: RuleCase[] = [
    { name: "a global emergency call routing policy that exists is valid", edits: ROUTING, errors: [] },
    {
      name: "a duplicate policy name, compared case-insensitively",
      edits: [[T, "  emergencyCallingPolicies:\n", "    - name: standard\n  emergencyCallingPolicies:\n"]],
      errors: [
        "tenant.yaml:62:13: teamsVoice.callingPolicies[1].name: calling policy 'standard' is already declared at tenant.yaml:59 — Teams names are case-insensitive and unique; rename or remove one",
      ],
    },
    {
      name: "a duplicate PSTN usage",
      edits: [[T, "pstnUsages: [Local]\n  voiceRoutes", "pstnUsages: [Local, Local]\n  voiceRoutes"]],
      errors: [
        "tenant.yaml:51:23: teamsVoice.pstnUsages[1]: PSTN usage 'Local' is already declared at tenant.yaml:51 — Teams names are case-insensitive and unique; rename or remove one",
      ],
    },
    {
      name: "a duplicate dial plan and a duplicate normalization rule",
      edits: [
        [
          T,
          "          isInternalExtension: true\n",
          "          isInternalExtension: true\n        - name: extension\n          pattern: '^(\\d{5})$'\n          translation: \"+349155$1\"\n    - name: ES-Villa\n",
        ],
      ],
      errors: [
        "tenant.yaml:76:17: teamsVoice.dialPlans[0].normalizationRules[1].name: normalization rule 'extension' is already declared at tenant.yaml:72 — Teams names are case-insensitive and unique; rename or remove one",
        "tenant.yaml:79:13: teamsVoice.dialPlans[1].name: dial plan 'ES-Villa' is already declared at tenant.yaml:70 — Teams names are case-insensitive and unique; rename or remove one",
      ],
    },
    {
      name: "a voice route's PSTN usage that is not declared",
      edits: [
        [T, "      pstnUsages: [Local]\n      priority: 1", "      pstnUsages: [Locl]\n      priority: 1"],
      ],
      errors: [
        "tenant.yaml:56:20: teamsVoice.voiceRoutes[0].pstnUsages[0]: PSTN usage 'Locl' is not in teamsVoice.pstnUsages (did you mean 'Local'?) — add it there or correct the name",
        // …which leaves the policy's usage without a route: true, and what the user must see after the fix.
        "tenant.yaml:68:20: teamsVoice.voiceRoutingPolicies[0].pstnUsages[0]: PSTN usage 'Local' is carried by no voice route, so calls that use it cannot leave Teams — add 'Local' to the pstnUsages of a voice route, or use a usage a route carries",
      ],
    },
    {
      name: "a voice routing policy's PSTN usage that is not declared",
      edits: [
        [
          T,
          "    - name: Spain\n      pstnUsages: [Local]",
          "    - name: Spain\n      pstnUsages: [Local, International]",
        ],
      ],
      errors: [
        "tenant.yaml:68:27: teamsVoice.voiceRoutingPolicies[0].pstnUsages[1]: PSTN usage 'International' is not in teamsVoice.pstnUsages (declared: 'Local') — add it there or correct the name",
      ],
    },
    {
      name: "an emergency number's PSTN usage that is not declared, and a global policy that does not exist",
      edits: [
        ...ROUTING,
        [T, "onlinePstnUsage: Emergency", "onlinePstnUsage: Emergencia"],
        [T, "globalEmergencyCallRoutingPolicy: Emergencias", "globalEmergencyCallRoutingPolicy: Emergencies"],
      ],
      errors: [
        "tenant.yaml:80:28: teamsVoice.emergencyCallRoutingPolicies[0].emergencyNumbers[0].onlinePstnUsage: PSTN usage 'Emergencia' is not in teamsVoice.pstnUsages (did you mean 'Emergency'?) — add it there or correct the name",
        "tenant.yaml:81:37: teamsVoice.globalEmergencyCallRoutingPolicy: emergency call routing policy 'Emergencies' does not exist (did you mean 'Emergencias'?) — name one of emergencyCallRoutingPolicies",
      ],
    },
    {
      name: "a voice route pattern that is not a regular expression",
      edits: [[T, "numberPattern: '^\\+34\\d{9}$'", "numberPattern: '^\\+34(\\d{9}$'"]],
      errors: [
        "tenant.yaml:54:22: teamsVoice.voiceRoutes[0].numberPattern: numberPattern '^\\+34(\\d{9}$' is not a valid regular expression (Unterminated group) — fix the pattern (quote it in single quotes so YAML keeps backslashes)",
      ],
    },
    {
      name: "a normalization rule pattern that is not a regular expression",
      edits: [[T, "pattern: '^(\\d{4})$'", "pattern: '^(\\d{4}))$'"]],
      errors: [
        "tenant.yaml:73:20: teamsVoice.dialPlans[0].normalizationRules[0].pattern: pattern '^(\\d{4}))$' is not a valid regular expression (Unmatched ')') — fix the pattern (quote it in single quotes so YAML keeps backslashes)",
      ],
    },
    {
      name: "a translation that names a group its pattern does not have",
      edits: [[T, 'translation: "+3491555$1"', 'translation: "+3491555$2"']],
      errors: [
        "tenant.yaml:74:24: teamsVoice.dialPlans[0].normalizationRules[0].translation: translation '+3491555$2' uses $2, but the pattern has 1 capture group, so Teams would write it into the number literally — refer only to groups the pattern has ($1 is the first '(…)'), or add the group",
      ],
    },
    {
      name: "a translation that names an unknown named group, and one without any group",
      edits: [
        [T, "pattern: '^(\\d{4})$'", "pattern: '^(?<ext>\\d{4})$'"],
        [T, 'translation: "+3491555$1"', 'translation: "+3491555${extension}"'],
      ],
      errors: [
        "tenant.yaml:74:24: teamsVoice.dialPlans[0].normalizationRules[0].translation: translation '+3491555${extension}' uses ${extension}, but the pattern has 1 capture group, so Teams would write it into the number literally — refer only to groups the pattern has ($1 is the first '(…)'), or add the group",
      ],
    },
    {
      name: "named groups, $0 and .NET's longest-group reading of $10 are valid",
      edits: [
        [T, "pattern: '^(\\d{4})$'", "pattern: '^(?<ext>\\d{4})$'"],
        [T, 'translation: "+3491555$1"', 'translation: "+349155${ext}"'],
        [
          T,
          "          isInternalExtension: true\n",
          "          isInternalExtension: true\n        - name: ten\n          pattern: '^(\\d{4})$'\n          translation: \"+3491555$10\"\n        - name: whole\n          pattern: '^\\+34\\d{9}$'\n          translation: \"$0\"\n",
        ],
      ],
      errors: [],
    },
    {
      name: "two dial plans with the same simple name (a plan without one shows its name)",
      edits: [
        [
          T,
          "          isInternalExtension: true\n",
          "          isInternalExtension: true\n    - name: ES-Villa2\n      simpleName: es-villa\n",
        ],
      ],
      errors: [
        "tenant.yaml:77:19: teamsVoice.dialPlans[1].simpleName: dial plan simple name 'es-villa' is already the simple name of the dial plan at tenant.yaml:70 — Teams requires simple names to be unique among the tenant's dial plans (without simpleName it is the plan's name); choose another",
      ],
    },
    {
      name: "a voice routing policy's PSTN usage that no voice route carries",
      edits: [
        [T, "pstnUsages: [Local]\n  voiceRoutes", "pstnUsages: [Local, Intl]\n  voiceRoutes"],
        [
          T,
          "    - name: Spain\n      pstnUsages: [Local]",
          "    - name: Spain\n      pstnUsages: [Local, Intl]",
        ],
      ],
      errors: [
        "tenant.yaml:68:27: teamsVoice.voiceRoutingPolicies[0].pstnUsages[1]: PSTN usage 'Intl' is carried by no voice route, so calls that use it cannot leave Teams — add 'Intl' to the pstnUsages of a voice route, or use a usage a route carries",
      ],
    },
    {
      name: "an emergency number whose PSTN usage no voice route carries",
      edits: UNROUTED_EMERGENCY,
      errors: [
        "tenant.yaml:80:28: teamsVoice.emergencyCallRoutingPolicies[0].emergencyNumbers[0].onlinePstnUsage: PSTN usage 'Emergency' is carried by no voice route, so calls that use it cannot leave Teams — add 'Emergency' to the pstnUsages of a voice route, or use a usage a route carries",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("emergency-dial-out", () => {
  const cases: RuleCase[] = [
    {
      name: "a real number of another country is valid",
      edits: [
        [
          T,
          "      notificationMode: NotificationOnly\n",
          '      notificationMode: ConferenceMuted\n      notificationDialOutNumber: "+33142765000"\n',
        ],
      ],
      errors: [],
    },
    {
      name: "a number no country has",
      edits: [
        [
          T,
          "      notificationMode: NotificationOnly\n",
          '      notificationMode: ConferenceUnMuted\n      notificationDialOutNumber: "+34015550100"\n',
        ],
      ],
      errors: [
        "tenant.yaml:66:34: teamsVoice.emergencyCallingPolicies[0].notificationDialOutNumber: +34015550100 is not a valid phone number of any country (libphonenumber: wrong length or unallocated prefix) — write the security desk's number in E.164, such as +34915550100",
      ],
    },
    {
      name: "a dial-out number with a mode that never dials it",
      edits: [
        [
          T,
          "      notificationMode: NotificationOnly\n",
          '      notificationMode: NotificationOnly\n      notificationDialOutNumber: "+34915550100"\n',
        ],
      ],
      errors: [
        "tenant.yaml:66:34: teamsVoice.emergencyCallingPolicies[0].notificationDialOutNumber: +34915550100 would never be dialled: Teams dials it only when notificationMode is ConferenceMuted or ConferenceUnMuted (here NotificationOnly) — set one of those modes, or remove the number",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("dial plans (schema)", () => {
  const cases: RuleCase[] = [
    {
      name: "50 normalization rules and a 49-character name are valid",
      edits: [
        [
          T,
          "    - name: ES-Villa\n      normalizationRules:\n",
          `    - name: ${"D".repeat(49)}\n      normalizationRules:\n${rules(49)}`,
        ],
        [CULTURE, "dialPlan: ES-Villa", `dialPlan: ${"D".repeat(49)}`],
      ],
      errors: [],
    },
    {
      name: "51 normalization rules",
      edits: [
        [
          T,
          "    - name: ES-Villa\n      normalizationRules:\n",
          `    - name: ES-Villa\n      normalizationRules:\n${rules(50)}`,
        ],
      ],
      errors: [
        "tenant.yaml:72:9: teamsVoice.dialPlans[0].normalizationRules: has more than 50 normalization rules, the Teams limit per dial plan — remove entries",
      ],
    },
    {
      name: "a 50-character name",
      edits: [[T, "- name: ES-Villa", `- name: ${"D".repeat(50)}`]],
      errors: [
        "tenant.yaml:70:13: teamsVoice.dialPlans[0].name: \"DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD\" must be at most 49 characters of letters, digits, '-' and '.', not beginning with '.' (a Teams limit) — correct the value",
      ],
    },
    {
      name: "a name with a space",
      edits: [[T, "- name: ES-Villa", "- name: ES Villa"]],
      errors: [
        "tenant.yaml:70:13: teamsVoice.dialPlans[0].name: \"ES Villa\" must be at most 49 characters of letters, digits, '-' and '.', not beginning with '.' (a Teams limit) — correct the value",
      ],
    },
    {
      // office-docs-powershell teams/teams-ps/MicrosoftTeams/New-CsTenantDialPlan.md @ 93336da (-Identity):
      // "The value should not begin with a (.)".
      name: "a name beginning with a dot",
      edits: [[T, "- name: ES-Villa", "- name: .ES-Villa"]],
      errors: [
        "tenant.yaml:70:13: teamsVoice.dialPlans[0].name: \".ES-Villa\" must be at most 49 characters of letters, digits, '-' and '.', not beginning with '.' (a Teams limit) — correct the value",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("department-teams-policies", () => {
  const cases: RuleCase[] = [
    { name: "policies named exactly as in the catalogue are valid", errors: [] },
    {
      name: "an unknown calling policy",
      edits: [[CULTURE, "callingPolicy: Standard", "callingPolicy: Standrad"]],
      errors: [
        "departments/culture.yaml:13:18: teams.callingPolicy: calling policy 'Standrad' does not exist (did you mean 'Standard'?) — name one of teamsVoice.callingPolicies in tenant.yaml, or ask the platform team to add it",
      ],
    },
    {
      name: "an unknown emergency calling policy",
      edits: [[CULTURE, "emergencyCallingPolicy: Emergency", "emergencyCallingPolicy: Security"]],
      errors: [
        "departments/culture.yaml:14:27: teams.emergencyCallingPolicy: emergency calling policy 'Security' does not exist (declared: 'Emergency') — name one of teamsVoice.emergencyCallingPolicies in tenant.yaml, or ask the platform team to add it",
      ],
    },
    {
      name: "an unknown voice routing policy",
      edits: [[CULTURE, "voiceRoutingPolicy: Spain", "voiceRoutingPolicy: Spian"]],
      errors: [
        "departments/culture.yaml:15:23: teams.voiceRoutingPolicy: voice routing policy 'Spian' does not exist (did you mean 'Spain'?) — name one of teamsVoice.voiceRoutingPolicies in tenant.yaml, or ask the platform team to add it",
      ],
    },
    {
      name: "an unknown dial plan",
      edits: [[CULTURE, "dialPlan: ES-Villa", "dialPlan: ES-Vila"]],
      errors: [
        "departments/culture.yaml:16:13: teams.dialPlan: dial plan 'ES-Vila' does not exist (did you mean 'ES-Villa'?) — name one of teamsVoice.dialPlans in tenant.yaml, or ask the platform team to add it",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});
