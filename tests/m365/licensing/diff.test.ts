import { diffGroupLicenses } from "../../../src/m365/licensing/diff";
import { UNKNOWN_VALUE } from "../../../src/m365/licensing/inputs";
import { GROUP } from "./helpers/skus";

describe("diff", () => {
  const olds = {
    department: "culture",
    groupId: GROUP,
    headcount: 40,
    licences: [
      { skuPartNumber: "SPE_E5", disabledPlans: ["A", "B"], seatsOwned: 100 },
      { skuPartNumber: "MCOEV", disabledPlans: [], seatsOwned: 10 },
    ],
    resolved: [],
    __provider: "old code",
  };
  it.each([
    [
      "identical, reordered, new provider code",
      {
        ...olds,
        licences: [{ ...olds.licences[1] }, { ...olds.licences[0], disabledPlans: ["B", "A"] }],
        __provider: "new code",
      },
      { changes: false, replaces: [], changed: [] },
    ],
    [
      "a plan switched off",
      { ...olds, licences: [{ ...olds.licences[0], disabledPlans: ["A"] }, olds.licences[1]] },
      { changes: true, replaces: [], changed: ["licences"] },
    ],
    ["headcount", { ...olds, headcount: 41 }, { changes: true, replaces: [], changed: ["headcount"] }],
    [
      "another group replaces",
      { ...olds, groupId: "aaaaaaaa-0000-4000-8000-000000000002" },
      { changes: true, replaces: ["groupId"], changed: ["groupId"] },
    ],
    [
      "the same group in other case does not",
      { ...olds, groupId: GROUP.toUpperCase() },
      { changes: false, replaces: [], changed: [] },
    ],
    [
      "an unknown group may be another one",
      { ...olds, groupId: UNKNOWN_VALUE },
      { changes: true, replaces: ["groupId"], changed: ["groupId"] },
    ],
  ])("%s", (_name, news, expected) => {
    expect(diffGroupLicenses(olds, news)).toEqual(expected);
  });
});
