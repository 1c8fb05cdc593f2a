import { departmentRanksRule } from "../../../src/config/rules/ranks";
import { ruleProblemsAfter, type RuleCase } from "../helpers/validate";

// department-ranks alone: ranks 1 to 9 are the platform team's, granted per department in tenant.yaml.
const CULTURE = "departments/culture.yaml";
const TENANT = "tenant.yaml";
const rank = (n: number): RuleCase["edits"] => [
  [CULTURE, "dialPlan: ES-Villa", `dialPlan: ES-Villa\n  rank: ${n}`],
];
const LAST_TENANT_LINE = 'end: "+34915559999"';

/** platformApprovals.ranks appended to tenant.yaml (line 94 on): entry i names its department at line 96 + 3i, its rank the line below. */
function approve(...entries: [department: string, rank: number][]): RuleCase["edits"] {
  const lines = entries
    .map(([d, r]) => `    - department: ${d}\n      rank: ${r}\n      reason: Wins over districts\n`)
    .join("");
  return [[TENANT, LAST_TENANT_LINE, `${LAST_TENANT_LINE}\nplatformApprovals:\n  ranks:\n${lines}`]];
}

const reserved = (n: number) =>
  `departments/culture.yaml:17:9: teams.rank: rank ${n} is reserved for the platform team (1 to 9) — choose 10 to 64, or ask the platform team to approve it under platformApprovals.ranks in tenant.yaml`;

describe("department-ranks", () => {
  const cases: RuleCase[] = [
    { name: "no rank at all", errors: [] },
    { name: "rank 10, the first a department may choose", edits: rank(10), errors: [] },
    { name: "rank 64", edits: rank(64), errors: [] },
    { name: "rank 9, the last reserved one", edits: rank(9), errors: [reserved(9)] },
    { name: "rank 1 without an approval", edits: rank(1), errors: [reserved(1)] },
    { name: "the approved reserved rank", edits: [...rank(3)!, ...approve(["culture", 3])!], errors: [] },
    {
      name: "an approval for another department does not cover this one",
      edits: [...rank(3)!, ...approve(["mobility", 3])!],
      errors: [reserved(3)],
    },
    {
      name: "a reserved rank other than the approved one names where the approval is",
      edits: [...rank(2)!, ...approve(["culture", 3])!],
      errors: [
        "departments/culture.yaml:17:9: teams.rank: rank 2 is reserved and the platform team approved rank 3 for this department at tenant.yaml:97 — set 3, or ask for a new approval",
      ],
    },
    {
      // An approval is for a reserved rank; a department choosing its own rank needs none.
      name: "an approved department may still choose an ordinary rank",
      edits: [...rank(20)!, ...approve(["culture", 3])!],
      errors: [],
    },
    {
      name: "an approval naming no department file, with a suggestion",
      edits: approve(["mobilty", 4]),
      errors: [
        "tenant.yaml:96:19: platformApprovals.ranks[0].department: approval names department 'mobilty', which does not exist (did you mean 'mobility'?) — name a file in departments/ or remove the approval",
      ],
    },
    {
      name: "the first of two approvals for one department is the one that counts",
      edits: [...rank(3)!, ...approve(["culture", 3], ["culture", 4])!],
      errors: [
        "tenant.yaml:99:19: platformApprovals.ranks[1].department: department 'culture' already has a rank approval at tenant.yaml:97 — keep one approval per department",
      ],
    },
    {
      // A tenant.yaml that fails its schema must not hide a department's reserved rank.
      name: "a reserved rank is reported when tenant.yaml does not load",
      edits: [...rank(1)!, [TENANT, "organization:", "organization: [\n"]],
      errors: [reserved(1)],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(departmentRanksRule, change)).toEqual(errors),
  );
});
