import { EXIT } from "../../src/exitCodes";
import { formatSummary, reportValidation } from "../../src/config/validationReport";
import type { DefinitionSummary } from "../../src/config/summary";
import { DefinitionFixture } from "../helpers/definitionFixture";

/** What `reportValidation` writes for the minimal fixture after `change`, and its exit code. */
function report(format: "text" | "json", change: (f: DefinitionFixture) => void = () => {}) {
  const fixture = new DefinitionFixture();
  try {
    change(fixture);
    let out = "";
    const code = reportValidation(fixture.dir, format, (s) => (out += s));
    return { code, out };
  } finally {
    fixture.remove();
  }
}

const badHeadcount = (f: DefinitionFixture) =>
  f.edit("departments/culture.yaml", "headcount: 40", "headcount: -1");
const twoFiles = (f: DefinitionFixture) => {
  badHeadcount(f);
  f.edit("departments/mobility.yaml", "headcount: 30", "headcount: -2");
};

describe("reportValidation", () => {
  it("a valid definition: the summary, exit 0", () => {
    const { code, out } = report("text");
    expect(code).toBe(EXIT.ok);
    expect(out.split("\n").slice(0, 2)).toEqual(["✔ Villa Pequeña: definition is valid", ""]);
  });

  it("one problem: the line, then how many in how many files, exit 1", () => {
    const { code, out } = report("text", badHeadcount);
    expect(code).toBe(EXIT.invalid);
    // The file is named under the folder as it was given (here an absolute temporary path).
    expect(out).toMatch(
      /^\S*departments\/culture\.yaml:9:12: headcount: -1 is too small: it must be at least 0 — raise it\n\n1 problem in 1 file; nothing was changed\.\n$/,
    );
  });

  it("problems in two files are counted in the plural", () => {
    const { code, out } = report("text", twoFiles);
    expect(code).toBe(EXIT.invalid);
    expect(out.endsWith("\n2 problems in 2 files; nothing was changed.\n")).toBe(true);
  });

  it("JSON: valid with a summary", () => {
    const { code, out } = report("json");
    const parsed = JSON.parse(out) as {
      valid: boolean;
      errors: unknown[];
      summary?: { organization: string };
    };
    expect([code, parsed.valid, parsed.errors, parsed.summary?.organization]).toEqual([
      EXIT.ok,
      true,
      [],
      "Villa Pequeña",
    ]);
  });

  it("JSON: invalid with each error's place and no summary", () => {
    const { code, out } = report("json", badHeadcount);
    const parsed = JSON.parse(out) as {
      valid: boolean;
      errors: Record<string, unknown>[];
      summary?: unknown;
    };
    expect(code).toBe(EXIT.invalid);
    expect(parsed.valid).toBe(false);
    expect(parsed.summary).toBeUndefined();
    expect(parsed.errors.map(({ line, column, path }) => ({ line, column, path }))).toEqual([
      { line: 9, column: 12, path: "headcount" },
    ]);
  });
});

describe("formatSummary", () => {
  const summary: DefinitionSummary = {
    organization: "Villa Pequeña",
    departments: 2,
    districts: 0,
    users: 27000,
    numbers: 1234,
    emergencyLocations: 3,
    ranges: [{ id: "main", type: "directRouting", assigned: 2, size: 10000 }],
    skus: [
      { partNumber: "SPE_E5", demanded: 70, seats: 100 },
      { partNumber: "MCOEV", demanded: 0, seats: 0 },
      { partNumber: "OVER", demanded: 150, seats: 100 },
    ],
  };

  it("thousands separated, a bar per SKU capped at full, none for a SKU without seats", () => {
    const lines = formatSummary(summary).split("\n");
    expect(lines).toContain("  users         27,000 (sum of headcounts)");
    expect(lines).toContain("  numbers       1,234 assigned, 3 emergency locations");
    expect(lines.filter((l) => l.startsWith("    ")).map((l) => l.trimEnd())).toEqual([
      "    main                              directRouting            2 / 10000",
      "    SPE_E5                                  70 / 100      [##############......] 70%",
      "    MCOEV                                    0 / 0",
      "    OVER                                   150 / 100      [####################] 150%",
    ]);
  });
});
