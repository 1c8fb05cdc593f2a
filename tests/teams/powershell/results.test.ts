import {
  listProp,
  pick,
  prop,
  resultObjects,
  stringProp,
  stripTag,
} from "../../../src/teams/powershell/results";

describe("resultObjects", () => {
  it.each<[string, unknown, unknown[]]>([
    ["nothing (Set/Remove print nothing)", null, []],
    ["undefined", undefined, []],
    ["one object (New-* returns it bare)", { Identity: "Tag:A" }, [{ Identity: "Tag:A" }]],
    [
      "an @()-wrapped list",
      [{ Identity: "Global" }, { Identity: "Tag:A" }],
      [{ Identity: "Global" }, { Identity: "Tag:A" }],
    ],
    ["a list with stray scalars and nested lists", [{ a: 1 }, "text", 3, null, [{ b: 2 }]], [{ a: 1 }]],
  ])("reads %s as a list of objects", (_what, result, objects) => {
    expect(resultObjects(result)).toEqual(objects);
  });
});

describe("properties (PowerShell objects are case-insensitive)", () => {
  const o = { Identity: "Tag:Staff", allowprivatecalling: false, Priority: 2, Usages: "Local", Empty: null };

  it.each([
    ["Identity", "Tag:Staff"],
    ["identity", "Tag:Staff"],
    ["AllowPrivateCalling", false],
    ["Missing", undefined],
  ])("prop %s", (name, value) => {
    expect(prop(o, name)).toBe(value);
  });

  it.each([
    ["Priority", "2"],
    ["Empty", undefined],
    ["Missing", undefined],
  ])("stringProp %s → %j", (name, value) => {
    expect(stringProp(o, name)).toBe(value);
  });

  it.each<[string, unknown[]]>([
    // ConvertTo-Json unwraps one-element collections in some module versions (M365DSC #7050).
    ["usages", ["Local"]],
    ["Empty", []],
    ["Missing", []],
  ])("listProp %s → %j", (name, value) => {
    expect(listProp(o, name)).toEqual(value);
  });

  it("keeps a list as it is", () => {
    expect(listProp({ Rules: [{ Name: "a" }] }, "rules")).toEqual([{ Name: "a" }]);
  });

  it("picks the given keys in the given casing, dropping absent ones", () => {
    expect(pick(o, ["AllowPrivateCalling", "priority", "Nope"])).toEqual({
      AllowPrivateCalling: false,
      priority: 2,
    });
  });
});

describe("stripTag", () => {
  it.each([
    ["Tag:Staff", "Staff"],
    ["tag:Staff", "Staff"],
    ["Global", "Global"],
    ["Staff", "Staff"],
    ["Staff Tag:x", "Staff Tag:x"],
  ])("%s → %s", (identity, name) => {
    expect(stripTag(identity)).toBe(name);
  });
});
