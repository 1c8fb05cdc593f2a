import { domainOf, listOf, suggestion } from "../../../src/config/rules/wording";

describe("suggestion: the hint after a name that does not exist", () => {
  it.each<[string, string[], string]>([
    ["mobilty", ["culture", "mobility"], "did you mean 'mobility'?"],
    ["parks", [], "none are declared"],
    ["parks", ["culture", "mobility"], "declared: 'culture', 'mobility'"],
    [
      "zzzzzzz",
      ["a1", "a2", "a3", "a4", "a5", "a6", "a7"],
      "declared: 'a1', 'a2', 'a3', 'a4', 'a5', and 2 more",
    ],
  ])("%s among %j: %s", (name, existing, hint) => expect(suggestion(name, existing)).toBe(hint));
});

describe("listOf", () => {
  it.each<[string[], number | undefined, string]>([
    [[], undefined, ""],
    [["a"], undefined, "'a'"],
    [["a", "b", "c", "d", "e"], undefined, "'a', 'b', 'c', 'd', 'e'"],
    [["a", "b", "c"], 2, "'a', 'b', and 1 more"],
  ])("%j (max %s): %s", (names, max, text) => expect(listOf(names, max)).toBe(text));
});

describe("domainOf", () => {
  it.each([
    ["ana@villa.example", "villa.example"],
    ["Ana@Villa.Example", "villa.example"], // DNS names are case-insensitive
    ['"a@b"@villa.example', "villa.example"], // the last '@' starts the domain
    ["no-at-sign", "no-at-sign"],
  ])("%s → %s", (address, domain) => expect(domainOf(address)).toBe(domain));
});
