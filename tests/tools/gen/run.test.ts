import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Generator } from "../../../tools/gen/generators";
import { runGenerators } from "../../../tools/gen/run";

/** Two generators over a throw-away root: one owning two files, one that also removes what it no longer makes. */
function generators(content = "v1"): Generator[] {
  return [
    {
      name: "docs",
      alone: "npm run gen:docs",
      files: async () =>
        new Map([
          ["docs/a.md", `a ${content}\n`],
          ["docs/b.md", `b ${content}\n`],
        ]),
    },
    {
      name: "numbers",
      alone: "npm run example:numbers",
      files: async () => new Map([["numbers/kept.csv", "n\n"]]),
      obsolete: (expected) => ["numbers/gone.csv", "numbers/kept.csv"].filter((p) => !expected.has(p)),
    },
  ];
}

let root: string;
let said: string[];
const run = (check: boolean, gens = generators(), extra: Partial<Parameters<typeof runGenerators>[0]> = {}) =>
  runGenerators({ root, check, generators: gens, say: (l) => said.push(l), ...extra });
const tree = () =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "tenant-gen-"));
  said = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("npm run gen -- --check", () => {
  it("exits 1 naming every missing file with the generator that owns it, and writes nothing", async () => {
    expect(await run(true)).toBe(1);
    expect(said).toEqual([
      "stale: docs/a.md (docs; alone: npm run gen:docs)",
      "stale: docs/b.md (docs; alone: npm run gen:docs)",
      "stale: numbers/kept.csv (numbers; alone: npm run example:numbers)",
      "gen --check: 3 generated files are stale — run `npm run gen` and commit the result",
    ]);
    expect(tree()).toEqual([]);
  });

  it("names exactly the file that changed, and a file that should no longer exist", async () => {
    await run(false);
    writeFileSync(join(root, "docs", "b.md"), "edited by hand\n");
    writeFileSync(join(root, "numbers", "gone.csv"), "old\n");
    said = [];
    expect(await run(true)).toBe(1);
    expect(said.filter((l) => !l.startsWith("gen"))).toEqual([
      "stale: docs/b.md (docs; alone: npm run gen:docs)",
      "obsolete: numbers/gone.csv (numbers; alone: npm run example:numbers)",
    ]);
    expect(readFileSync(join(root, "docs", "b.md"), "utf8")).toBe("edited by hand\n");
    expect(existsSync(join(root, "numbers", "gone.csv"))).toBe(true);
  });

  it("exits 0 when every file is current", async () => {
    await run(false);
    said = [];
    expect(await run(true)).toBe(0);
    expect(said).toEqual(["gen --check: 3 generated files are current"]);
  });

  it("says which generators it could not run and why, without failing for them", async () => {
    await run(false);
    said = [];
    const needsCheckout: Generator = {
      name: "graph-contract",
      alone: "npx tsx tools/graph-contract/generate.ts --docs <checkout>",
      unavailable: (opts) => (opts.graphDocs ? undefined : "needs --graph-docs <checkout>"),
      files: async () => {
        throw new Error("must not run without a checkout");
      },
    };
    expect(await run(true, [...generators(), needsCheckout])).toBe(0);
    expect(said).toContain("not run: graph-contract (needs --graph-docs <checkout>)");
  });

  it("a generator that throws fails the run, naming it, and the others are still compared", async () => {
    const broken: Generator = {
      name: "permissions",
      alone: "npm run gen:permissions",
      files: async () => {
        throw new Error("permission manifests break the least-privilege check");
      },
    };
    expect(await run(true, [broken, ...generators()])).toBe(1);
    expect(said[0]).toBe(
      "failed: permissions: permission manifests break the least-privilege check (alone: npm run gen:permissions)",
    );
    expect(said).toContain("stale: docs/a.md (docs; alone: npm run gen:docs)");
  });
});

describe("npm run gen", () => {
  it("writes what differs, removes what is obsolete, and leaves current files alone", async () => {
    mkdirSync(join(root, "numbers"));
    writeFileSync(join(root, "numbers", "gone.csv"), "old\n");
    expect(await run(false)).toBe(0);
    expect(said).toEqual([
      "wrote docs/a.md",
      "wrote docs/b.md",
      "wrote numbers/kept.csv",
      "removed numbers/gone.csv",
      "gen: 0 files were already current",
    ]);
    expect(tree()).toEqual(["docs/a.md", "docs/b.md", "numbers/kept.csv"]);

    said = [];
    expect(await run(false, generators("v2"))).toBe(0);
    expect(said).toEqual(["wrote docs/a.md", "wrote docs/b.md", "gen: 1 files were already current"]);
    expect(readFileSync(join(root, "docs", "a.md"), "utf8")).toBe("a v2\n");
  });

  it("runs a generator's afterWrite only when it wrote something", async () => {
    let derived = 0;
    const gens = generators().map((g) => ({ ...g, afterWrite: () => void (derived += 1) }));
    await run(false, gens);
    expect(derived).toBe(2);
    await run(false, gens);
    expect(derived).toBe(2);
  });
});
