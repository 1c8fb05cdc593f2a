import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../../src/config/jsonSchemas";
import { GENERATORS } from "../../../tools/gen/generators";

const byName = (name: string) => {
  const gen = GENERATORS.find((g) => g.name === name);
  if (!gen) throw new Error(`no generator named ${name}`);
  return gen;
};

describe("the generators npm run gen runs", () => {
  // The only generated files no other test keeps current (the rest: tests/meta, tests/policies/meta,
  // tests/cli/codeowners, tests/landing-zone/alzParity, tests/plan/markdown.golden, tests/teams/powershell, …).
  it("stacks/example/numbers/*.csv are current, and no other CSV lies there", async () => {
    const gen = byName("example-numbers");
    const files = await gen.files({});
    expect(files.size).toBeGreaterThan(0);
    for (const [path, content] of files)
      expect({ path, content: readFileSync(join(REPO_ROOT, path), "utf8") }).toEqual({ path, content });
    expect(gen.obsolete!(files)).toEqual([]);
  });

  it("each names a way to run it alone that exists: an npm script or a file of the repository", () => {
    const scripts = (
      JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    for (const gen of GENERATORS) {
      const npm = /^npm run ([\w:-]+)/.exec(gen.alone);
      const file = /(?:tsx|jest) ([\w./-]+)/.exec(gen.alone);
      if (npm)
        expect({ gen: gen.name, script: npm[1], exists: npm[1] in scripts }).toMatchObject({ exists: true });
      else if (file) {
        const path = join(REPO_ROOT, file[1]);
        expect({
          gen: gen.name,
          path,
          exists: [path, `${path}.test.ts`, `${path}.ts`].some(existsSync),
        }).toMatchObject({ exists: true });
      } else expect(gen.alone).toBe("npx tenant codeowners --stack example");
    }
  });

  it("the contracts that need a docs checkout say so instead of running without one", () => {
    expect(byName("graph-contract").unavailable!({})).toContain("--graph-docs");
    expect(byName("graph-contract").unavailable!({ graphDocs: "/x" })).toBeUndefined();
    expect(byName("cmdlet-contract").unavailable!({})).toContain("--powershell-docs");
    expect(byName("cmdlet-contract").unavailable!({ powershellDocs: "/x" })).toBeUndefined();
  });
});
