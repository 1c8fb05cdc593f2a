import type { CounterSnapshot, RouteCounts } from "../../src/emulator";
import { graphDelta } from "../../src/forecast/counterDelta";

const route = (c: Partial<RouteCounts>): RouteCounts => ({
  requests: 0,
  batched: 0,
  writes: 0,
  throttled: 0,
  faulted: 0,
  statuses: {},
  ...c,
});
const snap = (byRoute: Record<string, RouteCounts>): CounterSnapshot => ({
  requests: 0,
  writes: 0,
  throttled: 0,
  faulted: 0,
  byRoute,
});

describe("graphDelta: the emulator's counters in the forecast's terms", () => {
  const ASSIGN = "POST /v1.0/admin/teams/telephoneNumberManagement/numberAssignments/assignNumber";
  const BATCH = "POST /v1.0/$batch";
  const GET = "GET /v1.0/admin/teams/telephoneNumberManagement/numberAssignments";

  it("counts requests inside a $batch one by one and the batch as one round trip", () => {
    const before = snap({});
    const after = snap({
      [BATCH]: route({ requests: 2 }),
      [GET]: route({ requests: 25, batched: 20 }),
      [ASSIGN]: route({ requests: 3, writes: 3, statuses: { "202": 3 } }),
    });
    expect(graphDelta(before, after)).toEqual({
      graphRequests: 28,
      graphRoundTrips: 2 + 5 + 3,
      graphWrites: 3,
      asyncOperations: 3,
      cmdlets: 0,
      cmdletWrites: 0,
      retried: 0,
    });
  });

  it("takes only what happened between the snapshots; refused requests are retries, a refused envelope is not", () => {
    const before = snap({
      [ASSIGN]: route({ requests: 5, writes: 4, throttled: 1, statuses: { "202": 4, "429": 1 } }),
    });
    const after = snap({
      [ASSIGN]: route({
        requests: 9,
        writes: 6,
        throttled: 2,
        faulted: 1,
        statuses: { "202": 6, "429": 2, "503": 1 },
      }),
      [BATCH]: route({ requests: 3, throttled: 1 }),
    });
    const d = graphDelta(before, after);
    expect(d).toMatchObject({ graphRequests: 4, graphWrites: 2, asyncOperations: 2, retried: 2 });
    expect(d.graphRoundTrips).toBe(4 + 3);
  });

  it("cmdlets through the fake pwsh are cmdlets, not Graph requests", () => {
    const after = snap({
      "POWERSHELL Get-CsCallQueue": route({ requests: 2 }),
      "POWERSHELL Set-CsCallQueue": route({ requests: 1, writes: 1 }),
    });
    expect(graphDelta(snap({}), after)).toMatchObject({
      graphRequests: 0,
      graphRoundTrips: 0,
      cmdlets: 3,
      cmdletWrites: 1,
    });
  });
});

describe("graphDelta: what is not Graph", () => {
  it("leaves out the identity service's token and discovery requests", () => {
    const r = (requests: number): RouteCounts => ({
      requests,
      batched: 0,
      writes: 0,
      throttled: 0,
      faulted: 0,
      statuses: {},
    });
    const after: CounterSnapshot = {
      requests: 0,
      writes: 0,
      throttled: 0,
      faulted: 0,
      byRoute: {
        "POST /{tenant}/oauth2/v2.0/token": r(3),
        "GET /{tenant}/v2.0/.well-known/openid-configuration": r(1),
        "GET /v1.0/subscribedSkus": r(1),
      },
    };
    expect(graphDelta({ ...after, byRoute: {} }, after)).toMatchObject({
      graphRequests: 1,
      graphRoundTrips: 1,
    });
  });
});
