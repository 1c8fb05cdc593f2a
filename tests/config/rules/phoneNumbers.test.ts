import { phoneNumbersRule } from "../../../src/config/rules/phoneNumbers";
import type { Edit } from "../helpers/validate";
import { ruleProblemsAfter, type RuleCase } from "../helpers/validate";

// phone-numbers alone. culture lists range 'main' (+34915550000–+34915559999); its numbers file has ana's
// +34915550001 (line 2) and pedro's +34915550002 (line 3). mobility lists no range.
const CULTURE_CSV = "numbers/culture.csv";
const HEADER = "userPrincipalName,number,emergencyLocation,category\n";
const mobilityNumbers = (...numbers: string[]) =>
  HEADER + numbers.map((n, i) => `luis${i}@villa.example,${n},town-hall-p0,primary\n`).join("");
const pedro = (number: string): Edit => [CULTURE_CSV, "+34915550002", number];
const ANNEX: Edit = [
  "tenant.yaml",
  'end: "+34915559999"\n',
  'end: "+34915559999"\n  - id: annex\n    type: directRouting\n    start: "+34915560000"\n    end: "+34915560999"\n',
];

describe("phone-numbers", () => {
  const cases: RuleCase[] = [
    { name: "the fixture's numbers", errors: [] },
    {
      name: "a number twice in one file, reported at the second naming the first holder",
      edits: [pedro("+34915550001")],
      errors: [
        "numbers/culture.csv:3:21: number: +34915550001 is already assigned to ana@villa.example at numbers/culture.csv:2 — a number belongs to one user; remove one of the rows",
      ],
    },
    {
      // Duplicates need only the numbers files: a broken tenant.yaml does not hide them.
      name: "a number in two departments' files when tenant.yaml does not load",
      edits: [["tenant.yaml", "organization:", "organization: [\n"]],
      write: { "numbers/mobility.csv": mobilityNumbers("+34915550002") },
      errors: [
        "numbers/mobility.csv:2:21: number: +34915550002 is already assigned to pedro@villa.example at numbers/culture.csv:3 — a number belongs to one user; remove one of the rows",
      ],
    },
    {
      name: "a number in a range another department lists",
      edits: [
        ANNEX,
        ["departments/mobility.yaml", "network:", "numberRanges: [annex]\nnetwork:"],
        pedro("+34915560002"),
      ],
      errors: [
        "numbers/culture.csv:3:21: number: +34915560002 is in range 'annex' (+34915560000–+34915560999), which belongs to 'mobility', not to 'culture' — use a number from culture's own ranges, or move the row to the right file",
      ],
    },
    {
      name: "a number in a declared range no department lists",
      edits: [ANNEX, pedro("+34915560002")],
      errors: [
        "numbers/culture.csv:3:21: number: +34915560002 is in range 'annex' (+34915560000–+34915560999), which 'culture' does not list in numberRanges — add the range to departments/culture.yaml or use a number from its ranges",
      ],
    },
    {
      name: "a number in no range, naming the department's own",
      edits: [pedro("+34917000002")],
      errors: [
        "numbers/culture.csv:3:21: number: +34917000002 is in no declared range — use a number from culture's ranges ('main' (+34915550000–+34915559999)), or declare its range in tenant.yaml",
      ],
    },
    {
      name: "a number of a department that lists no range",
      write: { "numbers/mobility.csv": mobilityNumbers("+34917000003") },
      errors: [
        "numbers/mobility.csv:2:21: number: +34917000003 cannot be assigned: department 'mobility' lists no numberRanges — add the range it comes from to departments/mobility.yaml",
      ],
    },
    {
      // Which range a number is in says more than "no ranges listed": the fix is another number or another file.
      name: "a number of another department's range, in the file of a department that lists none",
      write: { "numbers/mobility.csv": mobilityNumbers("+34915550003") },
      errors: [
        "numbers/mobility.csv:2:21: number: +34915550003 is in range 'main' (+34915550000–+34915559999), which belongs to 'culture', not to 'mobility' — use a number from mobility's own ranges, or move the row to the right file",
      ],
    },
    {
      name: "a number Spain does not have is only that",
      edits: [pedro("+34015550002")],
      errors: [
        "numbers/culture.csv:3:21: number: +34015550002 is not a valid ES number: no number of that length starts with these digits — check the digits after +34",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(phoneNumbersRule, change)).toEqual(errors),
  );
});
