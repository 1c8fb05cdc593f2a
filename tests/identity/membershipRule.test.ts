import { membershipRule, ruleString } from "../../src/identity/membershipRule";

describe("ruleString", () => {
  it.each([
    ["Cultura", '"Cultura"'],
    ['Say "hi"', '"Say `"hi`""'],
    ["a`b", '"a``b"'],
    ["Área de Cultura", '"Área de Cultura"'],
  ])("%j → %s", (value, expected) => expect(ruleString(value)).toBe(expected));
});

describe("membershipRule", () => {
  it.each([
    [{ attribute: "department" as const, values: ["Cultura"] }, '(user.department -eq "Cultura")'],
    [
      { attribute: "department" as const, values: ["Cultura", "Movilidad"] },
      '(user.department -in ["Cultura","Movilidad"])',
    ],
    [{ attribute: "companyName" as const, values: ["B", "A", "B"] }, '(user.companyName -in ["B","A"])'],
    [{ attribute: "jobTitle" as const, values: ['Jefe "A"', "x"] }, '(user.jobTitle -in ["Jefe `"A`"","x"])'],
    [{ attribute: "city" as const, values: ["Madrid", "Madrid"] }, '(user.city -eq "Madrid")'],
    [
      { rule: '  (user.department -eq "X") -and (user.accountEnabled -eq true) ' },
      '(user.department -eq "X") -and (user.accountEnabled -eq true)',
    ],
  ])("%j → %s", (membership, expected) => expect(membershipRule(membership)).toBe(expected));
});
