import { numberedAccountEdits } from "../helpers/numberedAccount";
import { problemsAfter, type RuleCase } from "../helpers/validate";

const CULTURE = "departments/culture.yaml";
const removals = (numbers: string, skus: string) =>
  [
    CULTURE,
    "numberRanges: [main]\n",
    `numberRanges: [main]\nintentionalRemovals:\n  numbers: ${numbers}\n  skus: ${skus}\n`,
  ] as const;

describe("intentional-removals", () => {
  const cases: RuleCase[] = [
    {
      name: "a number no longer in the file and a SKU no longer taken are valid",
      edits: [removals('["+34915550003"]', "[MCOEV]")],
      errors: [],
    },
    {
      name: "a number still assigned and a SKU still taken",
      edits: [removals('["+34915550002"]', "[SPE_E5]")],
      errors: [
        "departments/culture.yaml:19:13: intentionalRemovals.numbers[0]: +34915550002 is listed as removed on purpose but is still assigned at numbers/culture.csv:3 — remove the row to take the number away, or remove this entry",
        "departments/culture.yaml:20:10: intentionalRemovals.skus[0]: SPE_E5 is listed as removed on purpose but the department still takes it at departments/culture.yaml:11 — remove it from licences to take it away, or remove this entry",
      ],
    },
    {
      name: "a number a resource account still holds",
      edits: [removals('["+34915550100"]', "[]"), ...numberedAccountEdits],
      errors: [
        "departments/culture.yaml:19:13: intentionalRemovals.numbers[0]: +34915550100 is listed as removed on purpose but is still a resource account's number at departments/culture.yaml:31 — remove the account's number to take it away, or remove this entry",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});
