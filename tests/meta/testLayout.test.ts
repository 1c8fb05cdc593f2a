import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { REPO_ROOT } from "../../src/config/jsonSchemas";

/**
 * Code that tests share lives in a `helpers/` folder, data in `fixtures/` (CONTRIBUTING "Tests mirror the tree"):
 * a file beside the specs is a spec. The exceptions are the suite's own entry points.
 */
const ENTRY_POINTS: Record<string, string> = {
  "tests/setup.ts": "jest's setupFiles (jest.config.js)",
  "tests/engine/engine.smoke.ts":
    "the engine smoke project (tests/engine/jest.config.js, scripts/engine-smoke)",
  "tests/engine/tenant.e2e.ts": "the engine end-to-end project (tests/engine/jest.e2e.config.js)",
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === "helpers" || e.name === "fixtures" ? [] : tsFiles(full);
    return e.name.endsWith(".ts") ? [relative(REPO_ROOT, full).split("\\").join("/")] : [];
  });
}

test("every .ts file under tests/ is a spec, an entry point, or inside helpers/ or fixtures/", () => {
  const misplaced = tsFiles(join(REPO_ROOT, "tests")).filter(
    (f) => !f.endsWith(".test.ts") && !(f in ENTRY_POINTS),
  );
  expect(misplaced).toEqual([]);
});

test("the listed entry points exist", () => {
  const all = new Set(
    readdirSync(join(REPO_ROOT, "tests"), { recursive: true }).map(
      (f) => `tests/${String(f).split("\\").join("/")}`,
    ),
  );
  expect(Object.keys(ENTRY_POINTS).filter((f) => !all.has(f))).toEqual([]);
});
