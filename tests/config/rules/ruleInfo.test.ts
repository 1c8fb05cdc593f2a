import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "../../../src/config/rules";
import { REFERENCES } from "../../../src/config/rules/references";

/** The rule docs are rendered into docs/config-reference.md, so they must be complete and tested. */
describe("rule documentation", () => {
  it("gives every rule a unique kebab-case id", () => {
    const ids = RULES.map((r) => r.info.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each(RULES.map((r) => [r.info.id, r] as const))(
    "%s documents each error with an example message",
    (_id, rule) => {
      expect(rule.info.summary.length).toBeGreaterThan(20);
      expect(rule.info.errors.length).toBeGreaterThan(0);
      for (const e of rule.info.errors) {
        expect(e.when.length).toBeGreaterThan(5);
        // Every message says what is wrong, then " — ", then how to fix it.
        expect(e.example).toMatch(/^.+ — .+$/);
      }
    },
  );

  it("names only existing rules in the references table, and a rule for every checked direction", () => {
    const ids = new Set(RULES.map((r) => r.info.id));
    for (const ref of REFERENCES) {
      expect(ref.forwardRules.length).toBeGreaterThan(0);
      for (const id of [...ref.forwardRules, ...ref.backwardRules])
        expect([ref.from, ids.has(id)]).toEqual([ref.from, true]);
      // A direction left unchecked says why, in words a reviewer can judge.
      if (ref.backwardRules.length === 0)
        expect(ref.backward).toMatch(/^(Not an error|Not applicable|A removal without)/);
    }
  });

  it("has a table test for every rule", () => {
    const dir = __dirname;
    const tests = readdirSync(dir)
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => readFileSync(join(dir, f), "utf8"))
      .join("\n");
    for (const rule of RULES) expect(tests).toContain(`describe("${rule.info.id}"`);
  });
});
