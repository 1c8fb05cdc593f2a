import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./helpers/repoFiles";
import { pathsAboveRoot } from "./helpers/repoBoundary";

/** Where code, tests, scripts and docs live: everything a fresh clone runs or reads. */
const AREAS = ["src", "tests", "policies", "scripts", "bench", "tools", "bin", ".ci", "docs", ".github"];
const ROOT_FILES = ["README.md", "CONTRIBUTING.md", "jest.config.js", "eslint.config.mjs", "package.json"];
const TEXT = /\.(ts|js|mjs|cjs|json|md|ya?ml|sh|go|ps1)$/;

function trackedFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "-z", "--", ...AREAS, ...ROOT_FILES], { cwd: REPO_ROOT })
    .toString("utf8")
    .split("\0")
    .filter(Boolean);
  // Shell scripts have no extension: take every file of scripts/ and .ci/ too.
  return listed.filter((f) => TEXT.test(f) || /^(scripts|\.ci|bench)\/[^./]+$/.test(f));
}

test("no source, test, script or doc reads a path above the repository root", () => {
  const files = trackedFiles();
  expect(files.length).toBeGreaterThan(400);
  const found = files.flatMap((f) => pathsAboveRoot(REPO_ROOT, f, readFileSync(join(REPO_ROOT, f), "utf8")));
  expect(found).toEqual([]);
});

/** Quoted, comma-separated string literals. */
const q = (...parts: string[]) => parts.map((p) => JSON.stringify(p)).join(", ");

describe("the scan finds what it is for", () => {
  const root = "/repo";
  const shared = `..${"/"}shared/reference/x.md`;
  it.each([
    ["a mention of the workspace's shared folder", "src/a.ts", `// see ${shared}`, 1],
    // Built at run time, so this file's own text does not climb out.
    [
      "__dirname climbing out",
      "tests/x/a.ts",
      `join(__dirname, ${q("..", "..", "..", "elsewhere", "f.json")})`,
      1,
    ],
    [
      "a relative literal climbing out",
      "src/a/b.ts",
      `readFileSync(${q(`${"../".repeat(3)}etc/passwd`)})`,
      1,
    ],
    ["a shell script climbing out", "scripts/run", 'cd "$(dirname "$0")/../.."', 1],
    ["__dirname staying inside", "tests/x/a.ts", 'join(__dirname, "..", "..", "stacks")', 0],
    ["an import inside the repository", "tests/x/a.ts", 'import { a } from "../../src/a";', 0],
    ["a shell script going to the root", "scripts/run", 'cd "$(dirname "${BASH_SOURCE[0]}")/.."', 0],
  ])("%s", (_name, file, text, count) => {
    expect(pathsAboveRoot(root, file, text)).toHaveLength(count);
  });
});
