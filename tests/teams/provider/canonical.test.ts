import {
  canonical,
  definedOnly,
  ownedView,
  pascal,
  plainSettings,
  sameValue,
  settingsDelta,
} from "../../../src/teams/provider/canonical";

describe("canonical / sameValue", () => {
  it.each<[string, unknown, unknown, boolean]>([
    ["null and absent are the same (Teams does not show an unset setting)", null, undefined, true],
    ["object keys in another order are the same", { a: 1, b: 2 }, { b: 2, a: 1 }, true],
    ["a null key inside an object is the same as none", { a: 1, b: null }, { a: 1 }, true],
    // Order is priority for normalization rules, routing usages and emergency numbers.
    ["a reordered list is a change", ["Local", "Long"], ["Long", "Local"], false],
    ["a different scalar is a change", true, false, false],
    ["a number is not its text", 60, "60", false],
    [
      "nested rules compare by meaning",
      [{ Name: "r", Pattern: "^1$" }],
      [{ Pattern: "^1$", Name: "r" }],
      true,
    ],
  ])("%s", (_what, a, b, same) => {
    expect(sameValue(a, b)).toBe(same);
  });

  it("sorts keys at every depth and drops unset ones", () => {
    expect(JSON.stringify(canonical({ z: [{ y: 1, x: null }], a: undefined }))).toBe('{"z":[{"y":1}]}');
  });
});

describe("settingsDelta", () => {
  it("carries only the owned settings whose live value differs", () => {
    const desired = { AllowPrivateCalling: false, AllowVoicemail: "UserOverride", Rules: ["a", "b"] };
    const live = { AllowPrivateCalling: true, AllowVoicemail: "UserOverride", Rules: ["b", "a"], Other: 1 };
    expect(settingsDelta(desired, live)).toEqual({ AllowPrivateCalling: false, Rules: ["a", "b"] });
  });

  it("is empty when the tenant already matches", () => {
    expect(settingsDelta({ Description: null }, {})).toEqual({});
  });
});

describe("ownedView", () => {
  it("shows only the owned keys, leaving settings others set out of the comparison", () => {
    expect(ownedView({ A: 1, B: null, C: 3 }, ["A", "B", "D"])).toEqual({ A: 1 });
  });
});

describe("definedOnly / pascal / plainSettings", () => {
  it("drops undefined and null settings before sending, keeping false, 0 and empty text", () => {
    expect(definedOnly({ a: undefined, b: null, c: false, d: 0, e: "" })).toEqual({ c: false, d: 0, e: "" });
  });

  it.each([
    ["allowPrivateCalling", "AllowPrivateCalling"],
    ["AllowVoicemail", "AllowVoicemail"],
    ["", ""],
  ])("names the cmdlet parameter of %j as %j", (name, parameter) => {
    expect(pascal(name)).toBe(parameter);
  });

  it("turns every setting into a -PascalCase parameter, except identity, bookkeeping and mapped ones", () => {
    const inputs = {
      name: "Staff",
      kind: "calling",
      __provider: "secret",
      settings: { x: 1 },
      allowPrivateCalling: false,
      description: undefined,
      normalizationRules: [{ name: "r" }],
    };
    expect(plainSettings(inputs, ["normalizationRules"])).toEqual({ AllowPrivateCalling: false });
  });
});
