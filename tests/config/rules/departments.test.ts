import { problemsAfter, type RuleCase } from "../helpers/validate";

const CULTURE = "departments/culture.yaml";
const MOBILITY = "departments/mobility.yaml";

describe("department-identity", () => {
  const cases: RuleCase[] = [
    { name: "distinct ids matching their files are valid", errors: [] },
    {
      name: "an id that differs from the file name",
      edits: [[MOBILITY, "id: mobility", "id: mobilty"]],
      errors: [
        "departments/mobility.yaml:2:5: id: id 'mobilty' does not match the file name 'mobility.yaml' — rename the file or the id so they agree",
      ],
    },
    {
      name: "two departments with the same display name, in another case",
      edits: [[MOBILITY, "displayName: Movilidad", "displayName: CULTURA"]],
      errors: [
        "departments/mobility.yaml:3:14: displayName: display name 'CULTURA' is already used by departments/culture.yaml — Entra group names must be unique; choose another",
      ],
    },
    {
      name: "a numbers file without a department",
      write: { "numbers/parks.csv": "userPrincipalName,number,emergencyLocation,category\n" },
      errors: [
        "numbers/parks.csv:1:1: (file): no department 'parks' owns this numbers file — name it after a file in departments/ (<id>.csv)",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("membership-values", () => {
  const cases: RuleCase[] = [
    {
      name: "a 64-character department value is valid",
      edits: [[CULTURE, "values: [Cultura]", `values: [${"d".repeat(64)}]`]],
      errors: [],
    },
    {
      name: "a department value longer than Entra ID stores",
      edits: [[CULTURE, "values: [Cultura]", `values: [Cultura, ${"d".repeat(65)}]`]],
      errors: [
        `departments/culture.yaml:8:21: membership.values[1]: '${"d".repeat(37)}...' has 65 characters, but Entra ID stores at most 64 in user.department, so no user can match it — write the value exactly as users have it`,
      ],
    },
    {
      name: "officeLocation values are not limited",
      edits: [
        // Every department tests the same attribute (membership-scope), so both switch.
        [CULTURE, "attribute: department", "attribute: officeLocation"],
        [MOBILITY, "attribute: department", "attribute: officeLocation"],
        [CULTURE, "values: [Cultura]", `values: [${"o".repeat(300)}]`],
      ],
      errors: [],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

describe("verified-domains", () => {
  const cases: RuleCase[] = [
    {
      name: "owners and admins in a verified domain (any case) are valid; external budget contacts are fine",
      edits: [
        [
          CULTURE,
          "owners: [ana@villa.example]",
          "owners: [ana@villa.example]\nadmins: [Pedro@VILLA.example]",
        ],
        [CULTURE, "contacts: [ana@villa.example]", "contacts: [ana@villa.example, gestoria@gmail.com]"],
      ],
      errors: [],
    },
    {
      name: "owners and admins that are not user principal names Entra ID accepts",
      edits: [
        [
          CULTURE,
          "owners: [ana@villa.example]",
          "owners: [.ana@villa.example]\nadmins: [pedro..gil@villa.example]",
        ],
      ],
      errors: [
        "departments/culture.yaml:5:10: owners[0]: owner .ana@villa.example is not a user principal name Entra ID accepts, so the deployment's user lookup would fail — before '@' use at most 64 letters, digits and ' . - _ ! # ^ ~, not starting or ending with '.' nor with '..'",
        "departments/culture.yaml:6:10: admins[0]: admin pedro..gil@villa.example is not a user principal name Entra ID accepts, so the deployment's user lookup would fail — before '@' use at most 64 letters, digits and ' . - _ ! # ^ ~, not starting or ending with '.' nor with '..'",
      ],
    },
    {
      name: "an owner outside the verified domains",
      edits: [[CULTURE, "owners: [ana@villa.example]", "owners: [ana@gmail.com]"]],
      errors: [
        "departments/culture.yaml:5:10: owners[0]: owner ana@gmail.com is not in a verified domain (declared: 'villa.example') — owners must be accounts of the tenant: use an address in organization.verifiedDomains",
      ],
    },
    {
      name: "an admin in a misspelt domain",
      edits: [
        [CULTURE, "owners: [ana@villa.example]", "owners: [ana@villa.example]\nadmins: [pedro@vila.example]"],
      ],
      errors: [
        "departments/culture.yaml:6:10: admins[0]: admin pedro@vila.example is not in a verified domain (did you mean 'villa.example'?) — admins must be accounts of the tenant: use an address in organization.verifiedDomains",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});
