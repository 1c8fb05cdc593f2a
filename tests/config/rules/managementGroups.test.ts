import { managementGroupsRule } from "../../../src/config/rules/managementGroups";
import type { Edit } from "../helpers/validate";
import { ruleProblemsAfter, type RuleCase } from "../helpers/validate";

// management-groups alone. The fixture's hierarchy ends with vp-corp at tenant.yaml line 25.
const LAST_GROUP_LINE = "      archetypes: [corp]\n";

/** Groups appended to the hierarchy: group k (from 0) has its id at line 26 + 4k and its parent at 28 + 4k. */
function groups(...entries: [id: string, parent: string][]): Edit {
  const text = entries
    .map(
      ([id, parent]) =>
        `    - id: ${id}\n      displayName: ${id}\n      parent: ${parent}\n      archetypes: [corp]\n`,
    )
    .join("");
  return ["tenant.yaml", LAST_GROUP_LINE, `${LAST_GROUP_LINE}${text}`];
}

const cycle = (line: number, names: string) =>
  `tenant.yaml:${line}:15: landingZone.managementGroups[${(line - 28) / 4 + 4}].parent: management groups form a cycle: ${names} — point one of their parents at a group outside the cycle`;

describe("management-groups", () => {
  const cases: RuleCase[] = [
    { name: "the fixture's hierarchy", errors: [] },
    {
      name: "a deep chain under the top group",
      edits: [groups(["a", "vp-corp"], ["b", "a"], ["c", "b"], ["d", "c"])],
      errors: [],
    },
    {
      // The group hanging from the cycle is not part of it and is not named.
      name: "a cycle with a group hanging from it is reported once, at its last-written member",
      edits: [groups(["a", "b"], ["b", "a"], ["c", "a"])],
      errors: [cycle(32, "b → a → b")],
    },
    {
      name: "two cycles are two lines",
      edits: [groups(["a", "b"], ["b", "a"], ["c", "d"], ["d", "c"])],
      errors: [cycle(32, "b → a → b"), cycle(40, "d → c → d")],
    },
    {
      name: "a three-group cycle is named from its anchor, following parents",
      edits: [groups(["a", "c"], ["b", "a"], ["c", "b"])],
      errors: [cycle(36, "c → b → a → c")],
    },
    {
      name: "a parent missing by its case suggests the id",
      edits: [groups(["a", "VP-Corp"])],
      errors: [
        "tenant.yaml:28:15: landingZone.managementGroups[4].parent: parent 'VP-Corp' is not a management group in this list (did you mean 'vp-corp'?) — name the id of a group above, or omit 'parent' for the top group",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) =>
    expect(ruleProblemsAfter(managementGroupsRule, change)).toEqual(errors),
  );
});
