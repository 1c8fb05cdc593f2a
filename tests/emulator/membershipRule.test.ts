import { membershipRule } from "../../src/identity/membershipRule";
import { evaluateRule, matchingAttributes, parseRule } from "../../src/emulator/state/membershipRule";
import type { UserRecord } from "../../src/emulator/state/types";

const user = (attrs: Partial<UserRecord>, ext: Record<string, string> = {}): UserRecord =>
  ({ department: null, jobTitle: null, companyName: null, extensionAttributes: ext, ...attrs }) as UserRecord;

describe("dynamic membership rules", () => {
  it.each([
    ['(user.department -in ["Cultura","Movilidad"])', user({ department: "movilidad" }), true],
    ['(user.department -in ["Cultura","Movilidad"])', user({ department: "Hacienda" }), false],
    ['(user.department -eq "Cultura")', user({ department: "Cultura" }), true],
    [
      '(user.department -eq "Cultura") -and (user.jobTitle -ne "Intern")',
      user({ department: "Cultura", jobTitle: "Intern" }),
      false,
    ],
    [
      '(user.department -eq "A") -or (user.companyName -startsWith "Ayto")',
      user({ companyName: "Ayto. Madrid" }),
      true,
    ],
    ['-not (user.department -eq "A")', user({ department: "B" }), true],
    ['(user.extensionAttribute1 -eq "D-14")', user({}, { extensionAttribute1: "d-14" }), true],
    ['user.department -notIn ["A"]', user({ department: null }), true],
  ])("%s", (rule, u, expected) => {
    expect(evaluateRule(parseRule(rule), u)).toBe(expected);
  });

  it.each([
    '(user.manager -eq "x")',
    '(user.department -match "x")',
    "(user.department -eq ",
    'device.deviceOSType -eq "x"',
  ])("refuses what it cannot evaluate: %s", (rule) => {
    expect(() => parseRule(rule)).toThrow();
  });

  it("reads the toolkit's own rendering, quotes and backticks included", () => {
    const rule = membershipRule({ attribute: "department", values: ['Say "hi"', "Back`tick", "Plain"] });
    const node = parseRule(rule);
    expect(evaluateRule(node, user({ department: 'say "HI"' }))).toBe(true);
    expect(evaluateRule(node, user({ department: "Back`tick" }))).toBe(true);
    expect(evaluateRule(node, user({ department: "Other" }))).toBe(false);
  });

  it("derives attributes that make a new user match, spreading over -in values", () => {
    const rule = parseRule('(user.department -in ["A","B"]) -and (user.city -eq "Madrid")');
    expect(matchingAttributes(rule, 0)).toEqual({ department: "A", city: "Madrid" });
    expect(matchingAttributes(rule, 1)).toEqual({ department: "B", city: "Madrid" });
    expect(matchingAttributes(parseRule('(user.department -ne "A")'))).toBeUndefined();
  });
});
