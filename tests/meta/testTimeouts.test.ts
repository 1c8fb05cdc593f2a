import { readFileSync } from "node:fs";
import { join } from "node:path";
import { filesUnder, REPO_ROOT } from "./helpers/repoFiles";
import { ownTimeouts } from "./helpers/testTimeouts";

/**
 * The unit tests have one time limit, jest.config.js's `testTimeout`, a hang guard. A spec's own tighter limit
 * is how a test that renders the example city failed on CI's busy machine, and its work went on under the tests
 * after it.
 */
const specs = filesUnder(join(REPO_ROOT, "tests"), ".test.ts");

test("no spec sets a time limit of its own", () => {
  expect(specs.length).toBeGreaterThan(300);
  const limited = specs.flatMap((f) =>
    ownTimeouts(f, readFileSync(join(REPO_ROOT, f), "utf8")).map((l) => `${f}:${l}`),
  );
  expect(limited).toEqual([]);
});

describe("the check finds what it is for", () => {
  it("jest.setTimeout, and a timeout after a test's or a hook's function", () => {
    const source = [
      "jest.setTimeout(120_000);",
      "beforeAll(async () => {}, 60_000);",
      'it("a", () => {}, 5000);',
      'it.each([1])("b %s", (n) => {}, SLOW);',
      'test("c", async function () {});',
      "setTimeout(() => {}, 100);",
      'describe("d", () => {});',
    ].join("\n");
    expect(ownTimeouts("x.test.ts", source)).toEqual([
      "1: jest.setTimeout(120_000)",
      "2: beforeAll(async () => {}, 60_000)",
      '3: it("a", () => {}, 5000)',
      '4: it.each([1])("b %s", (n) => {}, SLOW)',
    ]);
  });
});
