import { fitLines, joinedLength } from "../../src/plan/format/budget";
import { formatPlanMarkdown } from "../../src/plan/format/markdown";
import { SCENARIOS } from "./helpers/scenarios";

describe("fitLines", () => {
  const lines = Array.from({ length: 100 }, (_, i) => `- line ${i}`);
  const more = (n: number) => `…and ${n} more`;

  it.each([0, 5, 20, 60, 200, 2_000])("never exceeds %i characters", (max) => {
    const fitted = fitLines(lines, max, more);
    expect(joinedLength(fitted.lines)).toBeLessThanOrEqual(max);
    if (fitted.hidden > 0 && fitted.lines.length > 0) expect(fitted.lines.at(-1)).toBe(more(fitted.hidden));
    expect(fitted.lines.length - (fitted.hidden > 0 && fitted.lines.length > 0 ? 1 : 0) + fitted.hidden).toBe(
      100,
    );
  });

  it("keeps everything when it fits", () => {
    expect(fitLines(lines, 10_000, more)).toEqual({ lines, hidden: 0 });
  });
});

describe("the markdown budget", () => {
  it.each([1_000, 5_000, 20_000, 65_536])("the huge change stays within %i characters", (limit) => {
    expect(formatPlanMarkdown(SCENARIOS["huge-change"]!(), limit).length).toBeLessThanOrEqual(limit);
  });

  it("under a tight budget every department still gets its compact line before any gets details", () => {
    const md = formatPlanMarkdown(SCENARIOS["huge-change"]!(), 20_000);
    expect(md).toContain("**`d38`**");
  });
});
