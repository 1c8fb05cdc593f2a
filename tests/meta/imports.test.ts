import { importCycles, importGraph, type ImportGraph } from "./helpers/importGraph";

/**
 * The module structure docs/architecture.md describes, kept true: no import cycles (a cycle makes load order, and
 * so what a module sees at import time, depend on who imported first), and src/cli is the outermost shell, which
 * nothing else in src/ imports (exit codes and usage errors live in src/exitCodes.ts for that reason).
 */

/** Where cycles are looked for: the toolkit, the policy pack and the tools (tests may lean on anything). */
const CHECKED = ["src", "policies", "tools"];

/** Imports of src/cli/ from files outside it, as `importer → imported`. */
function cliImportsFromOutside(graph: ImportGraph): string[] {
  return [...graph].flatMap(([file, targets]) =>
    file.startsWith("src/cli/")
      ? []
      : targets.filter((t) => t.startsWith("src/cli/")).map((t) => `${file} → ${t}`),
  );
}

describe("the repository's imports", () => {
  const graph = importGraph(CHECKED);

  it("reads the whole tree, type-only imports and require() included", () => {
    expect(graph.size).toBeGreaterThan(300);
    // A `require()` (the lazily loaded --base plan) and an `import type` are both edges.
    expect(graph.get("src/cli/commands/plan.ts")).toContain("src/plan/runBasePlan.ts");
    expect(graph.get("src/plan/model.ts")).toContain("src/layers.ts");
  });

  it("have no import cycles", () => {
    expect(importCycles(graph).map((c) => c.path)).toEqual([]);
  });

  it("never reach into src/cli from outside it", () => {
    expect(cliImportsFromOutside(graph)).toEqual([]);
  });
});

describe("the checks find what they are for", () => {
  const graph = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

  it("finds a cycle of two, of three and of one, and only those", () => {
    const cycles = importCycles(
      graph({
        "src/a.ts": ["src/b.ts"],
        "src/b.ts": ["src/a.ts", "src/c.ts"],
        "src/c.ts": ["src/d.ts"],
        "src/d.ts": ["src/e.ts"],
        "src/e.ts": ["src/c.ts"],
        "src/f.ts": ["src/f.ts"],
        "src/g.ts": ["src/a.ts"],
      }),
    );
    expect(cycles).toEqual([
      { files: ["src/a.ts", "src/b.ts"], path: "src/a.ts → src/b.ts → src/a.ts" },
      { files: ["src/c.ts", "src/d.ts", "src/e.ts"], path: "src/c.ts → src/d.ts → src/e.ts → src/c.ts" },
      { files: ["src/f.ts"], path: "src/f.ts → src/f.ts" },
    ]);
  });

  it("finds no cycle in a graph without one", () => {
    expect(importCycles(graph({ "src/a.ts": ["src/b.ts", "src/c.ts"], "src/b.ts": ["src/c.ts"] }))).toEqual(
      [],
    );
  });

  it("finds an import of src/cli from outside it, not one from inside", () => {
    const found = cliImportsFromOutside(
      graph({
        "src/plan/x.ts": ["src/cli/exitCodes.ts", "src/layers.ts"],
        "src/cli/main.ts": ["src/cli/commands/plan.ts"],
      }),
    );
    expect(found).toEqual(["src/plan/x.ts → src/cli/exitCodes.ts"]);
  });
});
