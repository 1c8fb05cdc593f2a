/**
 * `$batch` support of the Graph Teams adapter over real HTTPS against the emulator: starts and polls grouped
 * 20 per batch (HTTP requests counted by the client), inner 429s retried by the client without double
 * starts, failures per number with the service's reason, and inventory lookups of given numbers.
 */
import { createGraphClient, type GraphClient } from "../../../src/graph";
import { ManualClock, startEmulator, type EmulatorHandle } from "../../../src/emulator";
import { assignUserLicense } from "../../../src/emulator/state/licensing";
import { operationStats, resetOperationStats } from "../../../src/emulator/state/teamsOperations";
import { GraphTeamsAdmin, resolveOptions } from "../../../src/teams/graph";
import type { NumberAssignRequest } from "../../../src/teams/admin/port";
import { MINIMAL_FIXTURE } from "../../helpers/definitionFixture";
import { fixedTokens } from "../../graph/helpers/clientFixtures";

const E5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";

describe("GraphTeamsAdmin with $batch", () => {
  let emu: EmulatorHandle;
  let clock: ManualClock;
  let client: GraphClient;
  let culture: string[];
  const bridge = { now: () => clock.now(), sleep: async (ms: number) => clock.advance(ms) };
  const admin = () =>
    new GraphTeamsAdmin(client, { clock: bridge, batch: true, poll: { initialDelayMs: 4_000 } });
  const request = (i: number, n: number): NumberAssignRequest => ({
    telephoneNumber: `+3491555${String(n).padStart(4, "0")}`,
    numberType: "directRouting",
    assignmentTargetId: culture[i],
    assignmentCategory: "primary",
    locationId: null,
  });

  beforeAll(async () => {
    clock = new ManualClock();
    emu = await startEmulator({ seed: MINIMAL_FIXTURE, clock });
    client = createGraphClient({
      endpoint: emu.url,
      caPem: emu.caPem,
      tokens: fixedTokens(),
      env: {},
      clock: bridge,
      random: () => 0.5,
      retry: { maxAttempts: 30 },
    });
    const group = emu.state.groups.find((g) => g.departmentId === "culture")!;
    for (const u of emu.state.members(group)) {
      assignUserLicense(
        emu.state,
        u,
        { addLicenses: [{ skuId: E5, disabledPlans: [] }], removeLicenses: [] },
        clock.now(),
      );
    }
    culture = emu.state.members(group).map((u) => u.id);
  });
  afterAll(() => emu.stop());
  beforeEach(() => {
    Object.assign(emu.faults, { rate429: 0, rate503: 0, numberOperationFailureRate: 0, routes: undefined });
    emu.counters.reset();
    resetOperationStats(emu.state);
  });

  it("starts 30 operations in two $batch calls and polls them in two more", async () => {
    const a = admin();
    const before = client.stats.requests;
    const requests = culture.slice(0, 30).map((_, i) => request(i, 100 + i));
    const outcomes = await a.assignNumbers(requests);
    expect(outcomes).toEqual(requests.map((r) => ({ telephoneNumber: r.telephoneNumber, succeeded: true })));
    expect(client.stats.requests - before).toBe(4);
    expect(a.counters).toMatchObject({ started: 30, polls: 30, inFlight: 0 });
    const byRoute = emu.counters.snapshot().byRoute;
    expect(byRoute["POST /v1.0/$batch"].requests).toBe(4);
    expect(
      byRoute["POST /v1.0/admin/teams/telephoneNumberManagement/numberAssignments/assignNumber"].writes,
    ).toBe(30);
    // Both groups may overlap (4 groups of 20 allowed in flight); never more than the 30 started.
    expect(operationStats(emu.state).maxInFlight).toBeGreaterThanOrEqual(20);
    expect(operationStats(emu.state).maxInFlight).toBeLessThanOrEqual(30);

    const found = await a.findNumbers(requests.map((r) => r.telephoneNumber).concat("+34999999999"));
    expect(found.map((n) => n.telephoneNumber)).toEqual(requests.map((r) => r.telephoneNumber));
    expect(found[0].assignmentTargetId).toBe(culture[0]);
  });

  it("retries inner 429s without starting any number twice, and reports per-number failures", async () => {
    Object.assign(emu.faults, { rate429: 0.5, retryAfter: 1 });
    const a = admin();
    const unassigned = await a.unassignNumbers(
      Array.from({ length: 30 }, (_, i) => ({
        telephoneNumber: `+3491555${String(100 + i).padStart(4, "0")}`,
        numberType: "directRouting" as const,
      })),
    );
    expect(unassigned.every((o) => o.succeeded)).toBe(true);
    expect(emu.counters.snapshot().throttled).toBeGreaterThan(0);
    expect(operationStats(emu.state).started).toBe(30);

    Object.assign(emu.faults, { rate429: 0 });
    const outcomes = await a.assignNumbers([request(0, 200), { ...request(1, 200) }, request(2, 9_999_999)]);
    expect(outcomes[0].succeeded).toBe(true);
    expect(outcomes[1]).toMatchObject({
      succeeded: false,
      reason: expect.stringContaining("has already been assigned to another user"),
    });
    expect(outcomes[2]).toMatchObject({
      succeeded: false,
      reason: expect.stringContaining("is not found from tenant"),
    });
  });

  it("validates batch options", () => {
    expect(resolveOptions({ batch: true }).batch).toEqual({ size: 20, inFlight: 4 });
    expect(() => resolveOptions({ batch: { size: 21 } })).toThrow(
      "batch.size must be an integer from 1 to 20",
    );
    expect(resolveOptions({}).batch).toBeUndefined();
  });
});
