import { problemsAfter, type RuleCase } from "../helpers/validate";

const T = "tenant.yaml";
const CULTURE = "departments/culture.yaml";
const MOBILITY = "departments/mobility.yaml";

describe("licences", () => {
  const cases: RuleCase[] = [
    {
      name: "the catalogue may disable a plan it lists",
      edits: [
        [
          T,
          "servicePlans: [YAMMER_ENTERPRISE]",
          "servicePlans: [YAMMER_ENTERPRISE, SWAY]\n      disabledPlans: [SWAY]",
        ],
      ],
      errors: [],
    },
    {
      name: "a department may disable any plan of a SKU that lists no servicePlans",
      edits: [
        [T, "seats: 10\n", "seats: 40\n"],
        [
          CULTURE,
          "  - sku: SPE_E5\n",
          "  - sku: SPE_E5\n  - sku: MCOEV\n    disabledPlans: [MCOEV_VIRTUALUSER]\n",
        ],
      ],
      errors: [],
    },
    {
      name: "a SKU listed twice in the catalogue",
      edits: [[T, "partNumber: MCOEV", "partNumber: SPE_E5"]],
      errors: [
        "tenant.yaml:48:19: licensing.skus[1].partNumber: SKU 'SPE_E5' is already in the catalogue at tenant.yaml:45 — list each SKU once (add its seats together)",
        "tenant.yaml:49:14: licensing.skus[1].seats: departments taking SPE_E5 need 70 seats, but 10 are owned (largest: culture 40, mobility 30) — raise seats to at least 70, buy more licences, or take SPE_E5 off a department",
      ],
    },
    {
      name: "the catalogue disables a plan missing from its servicePlans",
      edits: [
        [
          T,
          "servicePlans: [YAMMER_ENTERPRISE]",
          "servicePlans: [YAMMER_ENTERPRISE]\n      disabledPlans: [YAMER_ENTERPRISE]",
        ],
      ],
      errors: [
        "tenant.yaml:48:23: licensing.skus[0].disabledPlans[0]: service plan 'YAMER_ENTERPRISE' is not among the servicePlans of SPE_E5 (did you mean 'YAMMER_ENTERPRISE'?) — add it to servicePlans or correct the name",
      ],
    },
    {
      name: "a department takes a SKU the catalogue lacks",
      edits: [[CULTURE, "- sku: SPE_E5", "- sku: SPE_E3"]],
      errors: [
        "departments/culture.yaml:11:10: licences[0].sku: SKU 'SPE_E3' is not in the licence catalogue (did you mean 'SPE_E5'?) — use a partNumber from licensing.skus in tenant.yaml, or ask the platform team to add it",
      ],
    },
    {
      name: "a department lists a SKU twice",
      edits: [[CULTURE, "  - sku: SPE_E5\n", "  - sku: SPE_E5\n  - sku: SPE_E5\n"]],
      errors: [
        "departments/culture.yaml:12:10: licences[1].sku: SKU 'SPE_E5' is already assigned at departments/culture.yaml:11 — list each SKU once per department",
      ],
    },
    {
      name: "a department disables a plan its SKU does not offer",
      edits: [[MOBILITY, "disabledPlans: [YAMMER_ENTERPRISE]", "disabledPlans: [YAMMER_ENTERPRISE, SWAY]"]],
      errors: [
        "departments/mobility.yaml:12:40: licences[0].disabledPlans[1]: service plan 'SWAY' is not one SPE_E5 lets departments disable (declared: 'YAMMER_ENTERPRISE') — use a plan from its servicePlans in tenant.yaml",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("licence-seats", () => {
  const cases: RuleCase[] = [
    {
      name: "demand exactly equal to the seats owned is valid",
      edits: [[T, "seats: 100", "seats: 70"]],
      errors: [],
    },
    {
      name: "demand over the seats owned names the largest departments",
      edits: [[T, "seats: 100", "seats: 69"]],
      errors: [
        "tenant.yaml:46:14: licensing.skus[0].seats: departments taking SPE_E5 need 70 seats, but 69 are owned (largest: culture 40, mobility 30) — raise seats to at least 70, buy more licences, or take SPE_E5 off a department",
      ],
    },
    {
      name: "a department without the SKU demands none of it",
      edits: [
        [T, "seats: 100", "seats: 40"],
        [MOBILITY, "licences:\n  - sku: SPE_E5\n    disabledPlans: [YAMMER_ENTERPRISE]\n", "licences: []\n"],
      ],
      errors: [],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("budgets (schema)", () => {
  const cases: RuleCase[] = [
    {
      name: "a positive budget is valid",
      edits: [[CULTURE, "monthlyAmount: 500", "monthlyAmount: 0.5"]],
      errors: [],
    },
    {
      name: "a zero budget",
      edits: [[CULTURE, "monthlyAmount: 500", "monthlyAmount: 0"]],
      errors: [
        "departments/culture.yaml:21:18: budget.monthlyAmount: 0 is too small: it must be more than 0 — raise it",
      ],
    },
    {
      name: "a negative budget",
      edits: [[CULTURE, "monthlyAmount: 500", "monthlyAmount: -500"]],
      errors: [
        "departments/culture.yaml:21:18: budget.monthlyAmount: -500 is too small: it must be more than 0 — raise it",
      ],
    },
    {
      name: "five thresholds are valid",
      edits: [
        [CULTURE, "monthlyAmount: 500\n", "monthlyAmount: 500\n  thresholds: [50, 75, 90, 100, 120]\n"],
      ],
      errors: [],
    },
    {
      name: "more than five thresholds (an Azure budget has at most five notifications)",
      edits: [
        [CULTURE, "monthlyAmount: 500\n", "monthlyAmount: 500\n  thresholds: [50, 60, 75, 90, 100, 120]\n"],
      ],
      errors: [
        "departments/culture.yaml:22:15: budget.thresholds: has more than 5 thresholds, the most notifications an Azure budget can have — remove entries",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});
