import { summarizeForecast } from "../../../src/forecast/summarize";
import { ZERO_COUNTS } from "../../../src/forecast/types";
import { describeCounts, duration, forecastMarkdown, forecastText } from "../../../src/plan/format/forecast";
import { code } from "../../../src/plan/format/markdown";
import { plain } from "../../../src/plan/format/describe";
import { operation } from "../../forecast/helpers/operation";

const op = operation;

describe("the apply forecast in words", () => {
  it("durations round up to what a reader plans around", () => {
    expect([400, 6_000, 60_000, 130_500, 3_900_000].map(duration)).toEqual([
      "1 s",
      "6 s",
      "1 min",
      "2 min 11 s",
      "1 h 5 min",
    ]);
  });

  it("counts name only what happens, in singular and plural", () => {
    expect(describeCounts(ZERO_COUNTS)).toBe("no requests");
    expect(
      describeCounts({
        ...ZERO_COUNTS,
        graphRequests: 1_200,
        graphRoundTrips: 61,
        graphWrites: 1,
        asyncOperations: 1,
      }),
    ).toBe("1,200 Graph requests (61 round trips, 1 write) · 1 number operation");
  });

  it("a provider error met on the emulator shows as a likely failure, on the department's line", () => {
    const f = summarizeForecast({
      operations: [
        op({
          graphRequests: 3,
          graphRoundTrips: 3,
          error: "number +34915550001 is assigned to `someone` else",
        }),
      ],
      retried: 0,
      baseWarnings: ["x"],
    });
    const lines = forecastText(f, plain);
    expect(lines[1]).toBe(
      "  centro: 3 Graph requests (3 round trips, 0 writes) — about 1 s (NumberAssignments update) ⚠ NumberAssignments will likely fail: number +34915550001 is assigned to `someone` else",
    );
    expect(lines[2]).toContain("The base did not fully apply on the emulator (1 warning)");
    // In markdown the error is an inert code span.
    expect(forecastMarkdown(f, code, 5_000)[1]).toContain(
      "`number +34915550001 is assigned to 'someone' else`",
    );
  });

  it("requests the write quota refused on the emulator are said in the footnote, once counted", () => {
    const f = summarizeForecast({
      operations: [op({ graphRequests: 3_200, graphRoundTrips: 160, graphWrites: 3_100 })],
      retried: 100,
      baseWarnings: [],
    });
    expect(forecastText(f, plain).at(-1)).toMatch(
      / 100 Graph requests met the write quota on the emulator and were sent again \(counted above\)\.\)$/,
    );
    const one = summarizeForecast({ operations: [op({ graphRequests: 1 })], retried: 1, baseWarnings: [] });
    expect(forecastText(one, plain).at(-1)).toContain(
      " 1 Graph request met the write quota on the emulator and was sent again",
    );
    const none = summarizeForecast({ operations: [op({ graphRequests: 1 })], retried: 0, baseWarnings: [] });
    expect(forecastText(none, plain).at(-1)).not.toContain("write quota on the emulator");
  });

  it("a long forecast is cut to its budget with a count of the rest; a full comment keeps the total", () => {
    const f = summarizeForecast({
      operations: Array.from({ length: 60 }, (_, i) => op({ department: `d${i}`, key: `d${i}`, cmdlets: 1 })),
      retried: 0,
      baseWarnings: [],
    });
    const block = forecastMarkdown(f, code, 2_000);
    expect(block.join("\n").length).toBeLessThanOrEqual(2_000);
    expect(block[0]).toBe("**Apply forecast** · 60 Teams cmdlets (0 writes) — about 2 s");
    expect(block[block.length - 2]).toMatch(/^- …and \d+ more departments \(see the JSON plan\)$/);
    expect(forecastMarkdown(f, code, 80)).toEqual([
      "**Apply forecast** · 60 Teams cmdlets (0 writes) — about 2 s",
    ]);
    expect(forecastMarkdown(f, code, 10)).toEqual([]);
  });

  it("says why there is none, and nothing without --forecast", () => {
    expect(forecastText({ skipped: "the base has no definition" }, plain)).toEqual([
      "Apply forecast: none — the base has no definition",
    ]);
    expect(forecastMarkdown(undefined, code, 1_000)).toEqual([]);
  });
});
