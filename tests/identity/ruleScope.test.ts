import { normalizedRule, ruleScope } from "../../src/identity/ruleScope";

describe("ruleScope: which users a raw membership rule is provably restricted to", () => {
  it.each([
    ['(user.department -eq "Cultura")', "department", ["Cultura"]],
    ['user.department -in ["A","B"]', "department", ["A", "B"]],
    ['((user.department -IN ["A", "B"]) -and (user.jobTitle -ne "Intern"))', "department", ["A", "B"]],
    ['(user.accountEnabled -eq true) -AND (user.department -eq "Say `"hi`"")', "department", ['Say "hi"']],
  ])("%s is restricted", (rule, attribute, values) => {
    expect(ruleScope(rule)).toEqual({ restricted: true, attribute, values });
  });

  it.each([
    [
      "(user.accountEnabled -eq true)",
      "no top-level -and term says user.<attribute> -eq or -in a list of values",
    ],
    ['(user.department -eq "A") -or (user.department -eq "B")', "it has a top-level -or"],
    [
      '-not (user.department -eq "A")',
      "no top-level -and term says user.<attribute> -eq or -in a list of values",
    ],
    ['(user.department -ne "A")', "no top-level -and term says user.<attribute> -eq or -in a list of values"],
    [
      '(user.department -startsWith "A")',
      "no top-level -and term says user.<attribute> -eq or -in a list of values",
    ],
    ['(user.department -eq "A"', "its quotes or brackets do not balance"],
    ['(user.department -eq "A)', "its quotes or brackets do not balance"],
  ])("%s is not restricted", (rule, reason) => {
    expect(ruleScope(rule)).toEqual({ restricted: false, reason });
  });

  it("compares rules ignoring spacing and operator case, never the case inside values", () => {
    expect(normalizedRule("(user.accountEnabled  -EQ true)")).toBe(
      normalizedRule("( user.accountenabled -eq true )"),
    );
    expect(normalizedRule('(user.city -eq "Villa")')).not.toBe(normalizedRule('(user.city -eq "villa")'));
  });
});
