import { captureGroups, unknownGroupReferences } from "../../../src/config/rules/substitution";

// Teams applies a normalization rule with .NET's Regex.Replace, which writes a reference to a group the pattern
// lacks into the number literally; these are the references validate refuses, and the ones it must accept.
describe("captureGroups", () => {
  it.each<[string, { count: number; names: string[] } | undefined]>([
    ["^\\+34\\d{9}$", { count: 0, names: [] }],
    ["^(\\d{4})$", { count: 1, names: [] }],
    ["^(?:00)?(\\d{2})(\\d{7})$", { count: 2, names: [] }], // a non-capturing group is not counted
    ["^(?<area>\\d{2})(\\d{7})$", { count: 2, names: ["area"] }],
    ["^(\\d{4}$", undefined], // does not compile
  ])("%s", (pattern, expected) => expect(captureGroups(pattern)).toEqual(expected));
});

describe("unknownGroupReferences", () => {
  it.each<[pattern: string, translation: string, unknown: string[]]>([
    ["^(\\d{4})$", "+3491555$1", []],
    ["^(\\d{4})$", "+3491555$2", ["$2"]],
    ["^(\\d{2})(\\d{4})$", "+34$3$1", ["$3"]],
    ["^\\+34\\d{9}$", "$1", ["$1"]], // a pattern without groups
    ["^\\+34\\d{9}$", "$0", []], // the whole match
    ["^(\\d{4})$", "+3491555$10", []], // .NET reads $1 then "0" when there is no tenth group
    ["^(\\d{4})$", "+34$21", ["$21"]], // neither $21 nor $2 exists
    ["^(\\d{4})$", "+34$$2", []], // $$ is a literal '$', so "$2" is text, not a reference
    ["^(\\d{4})$", "$&$`$'$+$_", []], // whole-match and surrounding-text substitutions
    ["^(\\d{4})$", "+34 $ 1", []], // a lone '$' is literal
    ["^(?<ext>\\d{4})$", "+3491555${ext}", []],
    ["^(?<ext>\\d{4})$", "+3491555${area}", ["${area}"]],
    ["^(\\d{4})$", "+3491555${1}", []],
    ["^(\\d{4})$", "+3491555${2}", ["${2}"]],
    ["^(\\d{4})$", "+3491555${1", []], // "${" without "}" is literal text
    ["^(\\d{4})$", "$3$1$4", ["$3", "$4"]], // every unknown reference, in order
    ["^(\\d{4}$", "$9", []], // a pattern that does not compile is the catalogue rule's to report
  ])("pattern %s, translation %s", (pattern, translation, unknown) =>
    expect(unknownGroupReferences(pattern, translation)).toEqual(unknown),
  );
});
