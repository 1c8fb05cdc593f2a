import { summarizeForecast } from "../../src/forecast/summarize";
import {
  applyWallTime,
  CMDLET_MS,
  GRAPH_ROUND_TRIP_MS,
  quotaFloorMs,
  sequentialMs,
} from "../../src/forecast/wallTime";
import { ZERO_COUNTS } from "../../src/forecast/types";
import { operation } from "./helpers/operation";

const op = operation;

describe("expected wall time", () => {
  it("a department's resources run one after another: waits measured, round trips and cmdlets at their assumed cost", () => {
    expect(sequentialMs({ ...ZERO_COUNTS, waitedMs: 4_000, graphRoundTrips: 8, cmdlets: 2 })).toBe(
      4_000 + 8 * GRAPH_ROUND_TRIP_MS + 2 * CMDLET_MS,
    );
  });

  it("the documented write quota bounds the whole apply: 3,000 writes per 150 s", () => {
    expect(quotaFloorMs({ ...ZERO_COUNTS, graphWrites: 3_000 })).toBe(0);
    expect(quotaFloorMs({ ...ZERO_COUNTS, graphWrites: 3_001 })).toBe(150_000);
    expect(quotaFloorMs({ ...ZERO_COUNTS, graphWrites: 9_500 })).toBe(3 * 150_000);
  });

  it("tenant-wide first, then the slowest department, departments in parallel", () => {
    const rows = [
      { department: null, operations: [], ...ZERO_COUNTS, expectedMs: 3_000 },
      { department: "a", operations: [], ...ZERO_COUNTS, expectedMs: 10_000 },
      { department: "b", operations: [], ...ZERO_COUNTS, expectedMs: 7_000 },
    ];
    expect(applyWallTime(rows, ZERO_COUNTS)).toBe(13_000);
  });
});

describe("summarizeForecast", () => {
  it("groups operations by department, tenant-wide first, with totals", () => {
    const f = summarizeForecast({
      operations: [
        op({
          department: "retiro",
          key: "retiro",
          graphRequests: 10,
          graphRoundTrips: 2,
          graphWrites: 1,
          asyncOperations: 1,
          waitedMs: 4_000,
        }),
        op({ department: null, kind: "CallingPolicy", key: "CDE-Estandar", cmdlets: 2, cmdletWrites: 1 }),
        op({ department: "centro", kind: "GroupPolicyAssignments", cmdlets: 4, cmdletWrites: 2 }),
        op({ department: "centro", graphRequests: 5, graphRoundTrips: 1, graphWrites: 1 }),
      ],
      retried: 0,
      baseWarnings: [],
    });
    expect(f.departments.map((d) => d.department)).toEqual([null, "centro", "retiro"]);
    expect(f.departments[1]).toMatchObject({
      cmdlets: 4,
      graphRequests: 5,
      expectedMs: 4 * CMDLET_MS + GRAPH_ROUND_TRIP_MS,
    });
    expect(f.totals).toMatchObject({
      graphRequests: 15,
      graphWrites: 2,
      cmdlets: 6,
      cmdletWrites: 3,
      asyncOperations: 1,
    });
    // 3 s tenant-wide, then the slower of centro (6.25 s) and retiro (4.5 s).
    expect(f.expectedMs).toBe(2 * CMDLET_MS + 4 * CMDLET_MS + GRAPH_ROUND_TRIP_MS);
    expect(f.notCovered.join(" ")).toContain("identity and landing-zone layers");
  });

  it("an apply that changes nothing forecasts nothing", () => {
    expect(summarizeForecast({ operations: [], retried: 0, baseWarnings: [] })).toMatchObject({
      departments: [],
      totals: ZERO_COUNTS,
      expectedMs: 0,
    });
  });
});
