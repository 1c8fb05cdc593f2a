import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "../../../src/config/rules";

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

  it("has a table test for every rule", () => {
    const dir = __dirname;
    const tests = readdirSync(dir)
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => readFileSync(join(dir, f), "utf8"))
      .join("\n");
    for (const rule of RULES) expect(tests).toContain(`describe("${rule.info.id}"`);
  });
});
