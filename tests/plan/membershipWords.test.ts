import { membershipRule } from "../../src/identity/membershipRule";
import { code } from "../../src/plan/format/markdown";
import { membershipAsWritten, membershipChange, membershipOfRule } from "../../src/plan/membershipWords";

/**
 * #17: "Membership rules are shown escaped (`Turismo'\")`), which reads like an injection: show the rule as its
 * author would write it."
 */
const TRICKY = `Turismo')"`;
const cultura = { attribute: "department" as const, values: ["Cultura"] };
const withTricky = { attribute: "department" as const, values: ["Cultura", TRICKY] };

describe("membershipAsWritten", () => {
  it("names a structured rule by its attribute and the values as typed, without escapes", () => {
    expect(membershipAsWritten(withTricky)).toBe(`by department: Cultura, Turismo')"`);
    expect(membershipAsWritten(withTricky, code)).toBe("by department: `Cultura`, `Turismo')\"`");
  });

  it("shows a raw rule as written, trimmed", () => {
    expect(membershipAsWritten({ rule: '  (user.city -eq "Madrid") ' })).toBe(
      'rule (user.city -eq "Madrid")',
    );
  });
});

describe("membershipChange", () => {
  it("says which values a structured rule adds and drops", () => {
    expect(membershipChange(cultura, withTricky)).toBe(`by department adds Turismo')"`);
    expect(membershipChange(withTricky, { attribute: "department", values: ["Deportes"] })).toBe(
      `by department adds Deportes; drops Cultura, Turismo')"`,
    );
  });

  it("is nothing when the same users are matched by the same rule (order, repeats, spacing)", () => {
    expect(
      membershipChange(withTricky, { attribute: "department", values: [TRICKY, "Cultura", "Cultura"] }),
    ).toBe(undefined);
    expect(
      membershipChange({ rule: '(user.city -eq "Madrid")' }, { rule: '( user.city  -EQ "Madrid" )' }),
    ).toBe(undefined);
    expect(membershipChange(cultura, { rule: '(user.department -eq "Cultura")' })).toBe(undefined);
  });

  it("shows both sides when the attribute or the form changes", () => {
    expect(membershipChange(cultura, { attribute: "companyName", values: ["Cultura"] })).toBe(
      "by department: Cultura → by companyName: Cultura",
    );
    expect(membershipChange(cultura, { rule: "(user.accountEnabled -eq true)" }, code)).toBe(
      "by department: `Cultura` → rule `(user.accountEnabled -eq true)`",
    );
  });
});

describe("membershipOfRule", () => {
  it("reads a rendered structured rule back into the file's words, escapes and all", () => {
    expect(membershipOfRule(membershipRule(withTricky))).toEqual({
      attribute: "department",
      values: ["Cultura", TRICKY],
    });
    expect(membershipOfRule(membershipRule(cultura))).toEqual(cultura);
  });

  it("keeps any other rule raw", () => {
    const raw = '(user.department -eq "Cultura") -and (user.accountEnabled -eq true)';
    expect(membershipOfRule(raw)).toEqual({ rule: raw });
  });
});
