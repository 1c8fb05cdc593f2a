import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GITHUB_COMMENT_LIMIT } from "../../src/plan/format/budget";
import { formatPlanMarkdown } from "../../src/plan/format/markdown";
import { SCENARIOS } from "./helpers/scenarios";

/**
 * Golden files of the pull-request comment for representative changes. Refresh after an intended change with
 * `npm run gen` (or `UPDATE_GOLDEN=1 npx jest tests/plan/markdown.golden`) and review the diff of
 * tests/fixtures/plan/.
 */
const DIR = join(__dirname, "..", "fixtures", "plan");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

describe.each(Object.keys(SCENARIOS))("markdown plan: %s", (name) => {
  const markdown = formatPlanMarkdown(SCENARIOS[name]!());
  // `.golden`, not `.md`: the files are the exact output, and prettier (npm run lint) must not reformat them.
  const file = join(DIR, `${name}.md.golden`);

  it("matches its golden file", () => {
    if (UPDATE) writeFileSync(file, markdown);
    expect(existsSync(file)).toBe(true);
    expect(markdown).toBe(readFileSync(file, "utf8"));
  });

  it("fits in one GitHub comment", () => {
    expect(markdown.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
  });
});

describe("reading effort", () => {
  it("a one-user change among 27,000 reads in under 30 lines", () => {
    const lines = formatPlanMarkdown(SCENARIOS["one-user-moved"]!()).trimEnd().split("\n");
    expect(lines.length).toBeLessThan(30);
  });

  it("the huge change collapses into <details> and says what it left out", () => {
    const markdown = formatPlanMarkdown(SCENARIOS["huge-change"]!());
    expect(markdown).toContain("<details><summary>");
    expect(markdown).toMatch(/…and [\d,]+ more number changes/);
    expect(markdown.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT * 0.8);
  });
});
