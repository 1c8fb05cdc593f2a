import { problemsAfter, type RuleCase } from "../helpers/validate";

// A department file reaches only its department: membership, ranks, number ranges, lifecycle (docs/security.md).
const CULTURE = "departments/culture.yaml";
const MOBILITY = "departments/mobility.yaml";
const TENANT = "tenant.yaml";
const MOBILITY_VALUES = "  attribute: department\n  values: [Movilidad]";
const APPROVALS = "\nplatformApprovals:\n";

describe("membership-scope", () => {
  const cases: RuleCase[] = [
    {
      name: "a raw rule restricted by a top-level -and term to values no one else claims is valid",
      edits: [
        [
          MOBILITY,
          MOBILITY_VALUES,
          '  rule: (user.department -in ["Movilidad","Tráfico"]) -and (user.accountEnabled -eq true)',
        ],
      ],
      errors: [],
    },
    {
      name: "two departments claim the same value, in another case",
      edits: [[MOBILITY, "values: [Movilidad]", "values: [Movilidad, CULTURA]"]],
      errors: [
        "departments/mobility.yaml:8:23: membership.values[1]: user.department 'CULTURA' is also matched by departments/culture.yaml:8 (membership.values[0]) — a user belongs to one department: remove the value from one of the two files",
      ],
    },
    {
      name: "a raw rule restricted to another department's value",
      edits: [
        [
          MOBILITY,
          MOBILITY_VALUES,
          '  rule: (user.department -eq "Cultura") -and (user.jobTitle -eq "Chófer")',
        ],
      ],
      errors: [
        "departments/mobility.yaml:7:9: membership.rule: user.department 'Cultura' is also matched by departments/culture.yaml:8 (membership.values[0]) — a user belongs to one department: remove the value from one of the two files",
      ],
    },
    {
      name: "a department testing another attribute",
      edits: [[MOBILITY, "attribute: department", "attribute: officeLocation"]],
      errors: [
        "departments/mobility.yaml:7:14: membership.attribute: membership tests user.officeLocation but departments/culture.yaml:7 tests user.department, so one user can match both — use attribute 'department' like the other departments",
      ],
    },
    {
      name: "an unrestricted raw rule (every enabled account) without an approval",
      edits: [[MOBILITY, MOBILITY_VALUES, "  rule: (user.accountEnabled -eq true)"]],
      errors: [
        `departments/mobility.yaml:7:9: membership.rule: this raw rule is not restricted to the department's own attribute values (no top-level -and term says user.<attribute> -eq or -in a list of values), so it can match every department's users — use attribute and values, add a top-level -and (user.department -in ["…"]) term, or ask the platform team to approve this exact rule under platformApprovals.membershipRules in tenant.yaml`,
      ],
    },
    {
      name: "a rule that ORs a department value with anything",
      edits: [
        [MOBILITY, MOBILITY_VALUES, '  rule: (user.department -eq "Movilidad") -or (user.city -eq "Villa")'],
      ],
      errors: [
        `departments/mobility.yaml:7:9: membership.rule: this raw rule is not restricted to the department's own attribute values (it has a top-level -or), so it can match every department's users — use attribute and values, add a top-level -and (user.department -in ["…"]) term, or ask the platform team to approve this exact rule under platformApprovals.membershipRules in tenant.yaml`,
      ],
    },
    {
      name: "an unrestricted raw rule the platform team approved (spacing and operator case may differ)",
      edits: [[MOBILITY, MOBILITY_VALUES, "  rule: (user.accountEnabled -EQ true)"]],
      prepare: (path) => appendTo(path(TENANT), membershipApproval("(user.accountEnabled -eq  true)")),
      errors: [],
    },
    {
      name: "an approved department that changes its rule",
      edits: [[MOBILITY, MOBILITY_VALUES, '  rule: (user.employeeType -ne "Guest")']],
      prepare: (path) => appendTo(path(TENANT), membershipApproval("(user.accountEnabled -eq true)")),
      errors: [
        "departments/mobility.yaml:7:9: membership.rule: this raw rule differs from the rule the platform team approved at tenant.yaml:98 — restore the approved rule, or ask the platform team to approve the new one",
      ],
    },
    {
      name: "an approval for a department that does not exist",
      prepare: (path) =>
        appendTo(
          path(TENANT),
          membershipApproval("(user.accountEnabled -eq true)").replace("mobility", "mobilty"),
        ),
      errors: [
        "tenant.yaml:97:19: platformApprovals.membershipRules[0].department: approval names department 'mobilty', which does not exist (did you mean 'mobility'?) — name a file in departments/ or remove the approval",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("department-ranks", () => {
  const rank = (n: number): RuleCase["edits"] => [
    [CULTURE, "dialPlan: ES-Villa", `dialPlan: ES-Villa\n  rank: ${n}`],
  ];
  const cases: RuleCase[] = [
    { name: "a rank a department may choose (10 to 64)", edits: rank(10), errors: [] },
    {
      name: "a reserved rank without an approval",
      edits: rank(1),
      errors: [
        "departments/culture.yaml:17:9: teams.rank: rank 1 is reserved for the platform team (1 to 9) — choose 10 to 64, or ask the platform team to approve it under platformApprovals.ranks in tenant.yaml",
      ],
    },
    {
      name: "the reserved rank the platform team approved",
      edits: rank(3),
      prepare: (path) => appendTo(path(TENANT), rankApproval("culture", 3)),
      errors: [],
    },
    {
      name: "a reserved rank other than the approved one",
      edits: rank(1),
      prepare: (path) => appendTo(path(TENANT), rankApproval("culture", 3)),
      errors: [
        "departments/culture.yaml:17:9: teams.rank: rank 1 is reserved and the platform team approved rank 3 for this department at tenant.yaml:98 — set 3, or ask for a new approval",
      ],
    },
    {
      name: "an approval for an unknown department, and a second one for the same name",
      prepare: (path) =>
        appendTo(
          path(TENANT),
          rankApproval("cultura", 3) + rankApproval("cultura", 4).replace(APPROVALS + "  ranks:\n", ""),
        ),
      errors: [
        "tenant.yaml:97:19: platformApprovals.ranks[0].department: approval names department 'cultura', which does not exist (did you mean 'culture'?) — name a file in departments/ or remove the approval",
        "tenant.yaml:100:19: platformApprovals.ranks[1].department: approval names department 'cultura', which does not exist (did you mean 'culture'?) — name a file in departments/ or remove the approval",
        "tenant.yaml:100:19: platformApprovals.ranks[1].department: department 'cultura' already has a rank approval at tenant.yaml:98 — keep one approval per department",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("number-ranges: one department per range", () => {
  const cases: RuleCase[] = [
    {
      name: "a second department naming the same range",
      edits: [[MOBILITY, "network:", "numberRanges: [main]\nnetwork:"]],
      errors: [
        "departments/mobility.yaml:13:16: numberRanges[0]: number range 'main' is already claimed by departments/culture.yaml:17 — each range belongs to one department: ask the platform team for a range of your own in tenant.yaml",
      ],
    },
    {
      name: "one department naming its range twice is not a clash",
      edits: [[CULTURE, "numberRanges: [main]", "numberRanges: [main, main]"]],
      errors: [],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("department-lifecycle", () => {
  const retiringMobility: RuleCase["edits"] = [
    [MOBILITY, "headcount: 30", "lifecycle: retiring\nheadcount: 30"],
  ];
  const cases: RuleCase[] = [
    {
      name: "a retiring department with nothing left to take away",
      edits: [
        ...retiringMobility!,
        [MOBILITY, "licences:\n  - sku: SPE_E5\n    disabledPlans: [YAMMER_ENTERPRISE]\n", ""],
      ],
      errors: [],
    },
    {
      name: "a retiring department that still has licences, grants and numbers",
      edits: [[CULTURE, "headcount: 40", "lifecycle: retiring\nheadcount: 40"]],
      errors: [
        "departments/culture.yaml:12:3: licences: department 'culture' is retiring but its group still gets licences — remove them and list their SKUs under intentionalRemovals.skus",
        "departments/culture.yaml:13:1: teams: department 'culture' is retiring but still grants Teams policies — remove the teams section",
        "numbers/culture.csv:1:1: (file): department 'culture' is retiring but still assigns 2 numbers — release them into quarantine with `tenant numbers release --department culture --users <file>`",
      ],
    },
    {
      name: "a removal approved while the department is still active",
      prepare: (path) => appendTo(path(TENANT), retirement("mobility")),
      errors: [
        "tenant.yaml:97:19: platformApprovals.retirements[0].department: department 'mobility' is approved for removal but departments/mobility.yaml still has lifecycle: active — set lifecycle: retiring and deploy that first, or remove the approval",
      ],
    },
    {
      name: "a removal approved and the file deleted",
      remove: [MOBILITY],
      prepare: (path) => appendTo(path(TENANT), retirement("mobility")),
      errors: [],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

function appendTo(file: string, text: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require("node:fs") as typeof import("node:fs");
  fs.appendFileSync(file, text);
}

function membershipApproval(rule: string): string {
  return `${APPROVALS}  membershipRules:\n    - department: mobility\n      rule: "${rule}"\n      reason: Mobility drivers are on every site\n`;
}

function rankApproval(department: string, rank: number): string {
  return `${APPROVALS}  ranks:\n    - department: ${department}\n      rank: ${rank}\n      reason: Wins over districts for test\n`;
}

function retirement(department: string): string {
  return `${APPROVALS}  retirements:\n    - department: ${department}\n      date: 2026-11-30\n      reason: Merged into the transport agency\n`;
}
