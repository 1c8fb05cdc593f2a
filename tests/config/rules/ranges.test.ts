import { numberRangesRule } from "../../../src/config/rules/ranges";
import type { Edit } from "../helpers/validate";
import { ruleProblemsAfter, type RuleCase } from "../helpers/validate";

// number-ranges alone. The fixture's range 'main' is +34915550000 to +34915559999 (tenant.yaml lines 90 to 93).
const T = "tenant.yaml";
const MAIN_END = 'end: "+34915559999"';

/** Ranges appended after 'main': range k (from 1) has its id at line 90 + 4k, start and end 2 and 3 lines below. */
function more(...ranges: [id: string, start: string, end: string][]): Edit {
  const text = ranges
    .map(([id, s, e]) => `  - id: ${id}\n    type: directRouting\n    start: "${s}"\n    end: "${e}"\n`)
    .join("");
  return [T, `${MAIN_END}\n`, `${MAIN_END}\n${text}`];
}

const mainEnds = (start: string, end: string): Edit[] => [
  [T, 'start: "+34915550000"', `start: "${start}"`],
  [T, MAIN_END, `end: "${end}"`],
];

describe("number-ranges: the ranges of tenant.yaml", () => {
  const cases: RuleCase[] = [
    { name: "the fixture's range", errors: [] },
    { name: "a range of one number", edits: mainEnds("+34915550000", "+34915550000"), errors: [] },
    {
      // Spanish numbers have one length, so a short end is the plan's problem, not also a length mismatch.
      name: "an end with a digit missing",
      edits: mainEnds("+34915550000", "+3491555999"),
      errors: [
        "tenant.yaml:93:10: numberRanges[0].end: +3491555999 has too few digits for ES (+34) — check for a missing digit",
      ],
    },
    {
      name: "an end before the start",
      edits: mainEnds("+34915559999", "+34915550000"),
      errors: [
        "tenant.yaml:93:10: numberRanges[0].end: end +34915550000 comes before start +34915559999 — swap them or correct the end",
      ],
    },
    {
      name: "a range starting right after another",
      edits: [more(["annex", "+34915560000", "+34915560999"])],
      errors: [],
    },
    {
      name: "a range sharing only the other's last number",
      edits: [more(["annex", "+34915559999", "+34915560999"])],
      errors: [
        "tenant.yaml:96:12: numberRanges[1].start: range 'annex' overlaps range 'main' (tenant.yaml:92) — each number must belong to one range; narrow one of them",
      ],
    },
    {
      name: "a range overlapping two is reported once, against the first",
      edits: [more(["annex", "+34915560000", "+34915560999"], ["across", "+34915559900", "+34915560100"])],
      errors: [
        "tenant.yaml:100:12: numberRanges[2].start: range 'across' overlaps range 'main' (tenant.yaml:92) — each number must belong to one range; narrow one of them",
      ],
    },
    {
      // A reversed range is reported as reversed; comparing it with others would only add noise.
      name: "a reversed range is not also judged for overlaps",
      edits: [more(["annex", "+34915559999", "+34915550000"])],
      errors: [
        "tenant.yaml:97:10: numberRanges[1].end: end +34915550000 comes before start +34915559999 — swap them or correct the end",
      ],
    },
    {
      name: "a second range with the id of the first",
      edits: [more(["main", "+34915560000", "+34915560999"])],
      errors: [
        "tenant.yaml:94:9: numberRanges[1].id: range id 'main' is already used at tenant.yaml:90 — give each number range its own id",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(numberRangesRule, change)).toEqual(errors),
  );
});

describe("number-ranges: the ranges departments name", () => {
  const cases: RuleCase[] = [
    {
      name: "a range that does not exist suggests the closest",
      edits: [["departments/culture.yaml", "numberRanges: [main]", "numberRanges: [mian]"]],
      errors: [
        "departments/culture.yaml:17:16: numberRanges[0]: number range 'mian' does not exist (did you mean 'main'?) — name a range declared under numberRanges in tenant.yaml",
      ],
    },
    {
      name: "two departments each with a range of their own",
      edits: [
        more(["annex", "+34915560000", "+34915560999"]),
        ["departments/mobility.yaml", "network:", "numberRanges: [annex]\nnetwork:"],
      ],
      errors: [],
    },
    {
      name: "a second department naming a claimed range names the first claim",
      edits: [["departments/mobility.yaml", "network:", "numberRanges: [main]\nnetwork:"]],
      errors: [
        "departments/mobility.yaml:13:16: numberRanges[0]: number range 'main' is already claimed by departments/culture.yaml:17 — each range belongs to one department: ask the platform team for a range of your own in tenant.yaml",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(numberRangesRule, change)).toEqual(errors),
  );
});
