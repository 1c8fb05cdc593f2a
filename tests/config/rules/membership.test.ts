import { membershipScopeRule } from "../../../src/config/rules/membership";
import type { Edit } from "../helpers/validate";
import { ruleProblemsAfter, type RuleCase } from "../helpers/validate";

// membership-scope alone: no user may match two departments' groups. culture matches user.department
// 'Cultura' (departments/culture.yaml:7-8), mobility 'Movilidad'.
const MOBILITY = "departments/mobility.yaml";
const MOBILITY_MEMBERSHIP = "  attribute: department\n  values: [Movilidad]";
const mobility = (membership: string): Edit => [MOBILITY, MOBILITY_MEMBERSHIP, membership];
const UNRESTRICTED = "  rule: (user.accountEnabled -eq true)";
const LAST_TENANT_LINE = 'end: "+34915559999"';

/** An approval of `rule` for mobility, appended to tenant.yaml (its rule at line 97). */
const approve = (rule: string): Edit => [
  "tenant.yaml",
  LAST_TENANT_LINE,
  `${LAST_TENANT_LINE}\nplatformApprovals:\n  membershipRules:\n    - department: mobility\n      rule: '${rule}'\n      reason: Whole city staff list for test\n`,
];

const unrestricted =
  "departments/mobility.yaml:7:9: membership.rule: this raw rule is not restricted to the department's own attribute values (no top-level -and term says user.<attribute> -eq or -in a list of values), so it can match every department's users — use attribute and values, add a top-level -and (user.department -in [\"…\"]) term, or ask the platform team to approve this exact rule under platformApprovals.membershipRules in tenant.yaml";

describe("membership-scope", () => {
  const cases: RuleCase[] = [
    { name: "the fixture's two departments", errors: [] },
    {
      // Entra compares values without case; a stray space in YAML is not a different department either.
      name: "a value another department claims, in another case and with spaces",
      edits: [mobility("  attribute: department\n  values: [Movilidad, ' cultura ']")],
      errors: [
        "departments/mobility.yaml:8:23: membership.values[1]: user.department ' cultura ' is also matched by departments/culture.yaml:8 (membership.values[0]) — a user belongs to one department: remove the value from one of the two files",
      ],
    },
    {
      name: "one department naming a value twice",
      edits: [mobility("  attribute: department\n  values: [Movilidad, movilidad]")],
      errors: [],
    },
    {
      name: "the same attribute written in another case is the same attribute",
      edits: [mobility("  attribute: Department\n  values: [Movilidad]")],
      errors: [],
    },
    {
      // Once the attributes differ the values cannot be compared; the attribute is what to fix.
      name: "another attribute is reported, and its values are not compared",
      edits: [mobility("  attribute: officeLocation\n  values: [Cultura]")],
      errors: [
        "departments/mobility.yaml:7:14: membership.attribute: membership tests user.officeLocation but departments/culture.yaml:7 tests user.department, so one user can match both — use attribute 'department' like the other departments",
      ],
    },
    {
      name: "a restricted raw rule whose values reach another department",
      edits: [
        mobility('  rule: (user.department -in ["Movilidad","Cultura"]) -and (user.accountEnabled -eq true)'),
      ],
      errors: [
        "departments/mobility.yaml:7:9: membership.rule: user.department 'Cultura' is also matched by departments/culture.yaml:8 (membership.values[0]) — a user belongs to one department: remove the value from one of the two files",
      ],
    },
    {
      name: "an unrestricted raw rule without approval",
      edits: [mobility(UNRESTRICTED)],
      errors: [unrestricted],
    },
    {
      // Approvals live in tenant.yaml: when it does not load, none can be trusted.
      name: "an unrestricted raw rule when tenant.yaml does not load",
      edits: [mobility(UNRESTRICTED), ["tenant.yaml", "organization:", "organization: [\n"]],
      errors: [unrestricted],
    },
    {
      name: "the approved rule, spaced differently",
      edits: [mobility(UNRESTRICTED), approve("(user.accountEnabled  -eq  true)")],
      errors: [],
    },
    {
      name: "a rule other than the approved one",
      edits: [mobility("  rule: (user.accountEnabled -eq false)"), approve("(user.accountEnabled -eq true)")],
      errors: [
        "departments/mobility.yaml:7:9: membership.rule: this raw rule differs from the rule the platform team approved at tenant.yaml:97 — restore the approved rule, or ask the platform team to approve the new one",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(membershipScopeRule, change)).toEqual(errors),
  );
});
