import { RuleContext } from "../../src/config/rules/context";
import { RULES } from "../../src/config/rules";
import { loadDefinition } from "../../src/config/load";
import { DefinitionFixture } from "../helpers/definitionFixture";

const COUNT = 25_000;

/** Madrid-scale numbers in the minimal fixture: 25,000 rows over a 100,000-number range. */
function madridScale(): DefinitionFixture {
  const fixture = new DefinitionFixture();
  fixture.edit(
    "tenant.yaml",
    'start: "+34915550000"\n    end: "+34915559999"',
    'start: "+34915500000"\n    end: "+34915599999"',
  );
  const rows = Array.from(
    { length: COUNT },
    (_, i) => `user${i}@villa.example,+349155${String(i * 3).padStart(5, "0")},town-hall-p0,primary`,
  );
  fixture.write(
    "numbers/culture.csv",
    `userPrincipalName,number,emergencyLocation,category\n${rows.join("\n")}\n`,
  );
  return fixture;
}

// Speed is measured by `npm run bench:validate`, never asserted here; this checks correctness at scale.
describe("Madrid-scale numbers file", () => {
  it(`accepts ${COUNT.toLocaleString("en-GB")} valid numbers with every rule and reports nothing`, () => {
    const fixture = madridScale();
    try {
      const loaded = loadDefinition(fixture.dir, fixture.dir);
      expect(loaded.diagnostics).toEqual([]);
      expect(loaded.numbers[0].rows).toHaveLength(COUNT);
      const ctx = new RuleContext(loaded);
      for (const rule of RULES) rule.check(ctx);
      expect(ctx.diagnostics).toEqual([]);
    } finally {
      fixture.remove();
    }
  });
});
