import { planPstnUsages, sameUsages } from "../../../src/teams/policies/pstnUsagesDelta";

// Set-CsOnlinePstnUsage -Identity global -Usage @{Add=…;Remove=…}: one list for the whole tenant, shared with
// whatever else runs there. The toolkit removes only what it added.
describe("planPstnUsages", () => {
  it.each<[string, string[], string[], string[], { add: string[]; remove: string[]; added: string[] }]>([
    ["adds what is missing and owns it", ["Local"], [], [], { add: ["Local"], remove: [], added: ["Local"] }],
    [
      "does not own a usage that was there before it came",
      ["Local"],
      ["local"],
      [],
      { add: [], remove: [], added: [] },
    ],
    [
      "removes a usage it added and the definition dropped",
      [],
      ["Local", "Carrier"],
      ["Local"],
      { add: [], remove: ["Local"], added: [] },
    ],
    ["never removes another owner's usage", [], ["Carrier"], [], { add: [], remove: [], added: [] }],
    [
      "re-adds an owned usage someone removed",
      ["Local"],
      [],
      ["Local"],
      { add: ["Local"], remove: [], added: ["Local"] },
    ],
    [
      "adds a usage listed twice (any casing) once",
      ["Local", "LOCAL"],
      [],
      [],
      { add: ["Local"], remove: [], added: ["Local"] },
    ],
    [
      "keeps owning what it added and still wants",
      ["Local", "Long"],
      ["Local"],
      ["Local"],
      { add: ["Long"], remove: [], added: ["Local", "Long"] },
    ],
  ])("%s", (_what, desired, live, addedBefore, plan) => {
    expect(planPstnUsages(desired, live, addedBefore)).toEqual(plan);
  });
});

describe("sameUsages", () => {
  it.each([
    [["A", "B"], ["b", "a"], true],
    [["A"], ["A", "B"], false],
    [["A", "A"], ["A", "B"], false],
  ])("%j vs %j: %s", (a, b, same) => {
    expect(sameUsages(a, b)).toBe(same);
  });
});
