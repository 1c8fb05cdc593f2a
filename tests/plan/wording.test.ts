import { count, namesUpTo, shortTypeName, signed } from "../../src/plan/wording";

describe("shortTypeName", () => {
  it.each([
    ["azure-native:network:VirtualNetwork", "VirtualNetwork"],
    ["pulumi-nodejs:dynamic/tenant-teams:DialPlan", "DialPlan"],
    ["azuread:index/group:Group", "Group"],
    ["Plain", "Plain"],
  ])("%s → %s", (type, short) => expect(shortTypeName(type)).toBe(short));
});

describe("count", () => {
  it.each<[number, string, string | undefined, string]>([
    [0, "number", undefined, "0 numbers"],
    [1, "number", undefined, "1 number"],
    [2, "Teams policy", "Teams policies", "2 Teams policies"],
    [27000, "user", undefined, "27,000 users"],
  ])("%d %s", (n, one, many, text) => expect(count(n, one, many)).toBe(text));
});

describe("signed", () => {
  // A real minus sign (U+2212), as reviewers read it, and ±0 for no change.
  it.each([
    [12, "+12"],
    [-3, "−3"],
    [0, "±0"],
    [-1500, "−1,500"],
    [1500, "+1,500"],
  ])("%d → %s", (n, text) => expect(signed(n)).toBe(text));
});

describe("namesUpTo", () => {
  it.each<[string[], number, string]>([
    [["centro", "retiro"], 3, "centro, retiro"],
    [["centro", "retiro", "centro", "salamanca"], 3, "centro, retiro, salamanca"],
    [["a", "b", "c", "d", "e", "a"], 3, "a, b, c and 2 more"],
  ])("%j up to %d → %s", (list, max, text) => expect(namesUpTo(list, max)).toBe(text));
});
