import { E5, startTestEmulator, type TestEmulator } from "./helpers/client";

describe("fault injection", () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await startTestEmulator();
  });
  afterEach(() => t.stop());

  it("answers 429 with a fractional Retry-After, and sometimes none", async () => {
    Object.assign(t.emu.faults, { rate429: 1, retryAfter: 1.5 });
    const reply = await t.client.get("/v1.0/users?$top=1");
    expect(reply.status).toBe(429);
    expect(reply.headers["retry-after"]).toBe("1.5");
    expect(reply.body.error.code).toBe("TooManyRequests");
    t.emu.faults.retryAfterAbsentRate = 1;
    const bare = await t.client.get("/v1.0/users?$top=1");
    expect(bare.status).toBe(429);
    expect(bare.headers["retry-after"]).toBeUndefined();
  });

  it("answers 503", async () => {
    Object.assign(t.emu.faults, { rate503: 1, retryAfter: 3 });
    const reply = await t.client.get("/v1.0/subscribedSkus");
    expect(reply.status).toBe(503);
    expect(reply.headers["retry-after"]).toBe("3");
  });

  it("injects the same faults for the same seed", async () => {
    const run = async () => {
      // Assigning the seed restarts the sequence.
      Object.assign(t.emu.faults, { seed: 42, rate429: 0.3, rate503: 0.2 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await t.client.get("/v1.0/users?$top=1")).status);
      return statuses;
    };
    const first = await run();
    const second = await run();
    expect(first).toEqual(second);
    expect(new Set(first)).toEqual(new Set([200, 429, 503]));
  });

  it("drops the connection without an answer", async () => {
    t.emu.faults.dropRate = 1;
    await expect(t.client.get("/v1.0/users")).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(t.emu.counters.snapshot().byRoute["GET /v1.0/users"].faulted).toBe(1);
  });

  it("can carry out a write and then lose its response", async () => {
    t.emu.faults.dropAfterWriteRate = 1;
    await expect(
      t.client.post("/v1.0/users/luis@villa.example/assignLicense", {
        addLicenses: [{ skuId: E5 }],
        removeLicenses: [],
      }),
    ).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(t.emu.state.findUser("luis@villa.example")!.licenseAssignmentStates).toHaveLength(1);
  });

  it("delays responses by slowMs", async () => {
    t.emu.faults.slowMs = 150;
    const started = Date.now();
    expect((await t.client.get("/v1.0/users?$top=1")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("limits faults to the routes named", async () => {
    Object.assign(t.emu.faults, { rate429: 1, routes: ["assignLicense"] });
    expect((await t.client.get("/v1.0/users?$top=1")).status).toBe(200);
    const write = await t.client.post("/v1.0/users/luis@villa.example/assignLicense", {
      addLicenses: [],
      removeLicenses: [],
    });
    expect(write.status).toBe(429);
  });

  it("leaves /_emulator routes alone and needs no token there", async () => {
    Object.assign(t.emu.faults, { rate429: 1, dropRate: 0 });
    const reply = await t.client.get("/_emulator/counters", { token: null });
    expect(reply.status).toBe(200);
  });
});

describe("write quota (3,000 writes per 150 s per app and tenant)", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  const writes = (n: number, from: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: String(from + i),
      method: "POST",
      url: "/users/luis@villa.example/assignLicense",
      headers: { "Content-Type": "application/json" },
      body: { addLicenses: [{ skuId: E5, disabledPlans: [] }], removeLicenses: [] },
    }));

  it("refuses the 3,001st write with 429 WriteLimitExceeded, then recovers after 150 s on the clock", async () => {
    for (let b = 0; b < 150; b++) {
      const reply = await t.client.post("/v1.0/$batch", { requests: writes(20, b * 20) });
      expect(reply.body.responses.every((r: { status: number }) => r.status === 200)).toBe(true);
    }
    expect(t.emu.counters.snapshot().byRoute["POST /v1.0/users/{id}/assignLicense"].writes).toBe(3000);
    const refused = await t.client.post("/v1.0/users/luis@villa.example/assignLicense", {
      addLicenses: [],
      removeLicenses: [E5],
    });
    expect(refused.status).toBe(429);
    expect(refused.headers["x-ms-throttle-information"]).toBe("WriteLimitExceeded");
    expect(refused.headers["retry-after"]).toBe("150");
    expect(refused.body.error.innerError.code).toBe("WriteLimitExceeded");
    expect((await t.client.get("/v1.0/users?$top=1")).status).toBe(200); // reads are not writes

    t.clock.advance(60_000);
    const still = await t.client.post("/v1.0/users/luis@villa.example/assignLicense", {
      addLicenses: [],
      removeLicenses: [E5],
    });
    expect(still.headers["retry-after"]).toBe("90");
    t.clock.advance(90_000);
    const ok = await t.client.post("/v1.0/users/luis@villa.example/assignLicense", {
      addLicenses: [],
      removeLicenses: [E5],
    });
    expect(ok.status).toBe(200);
  });

  it("can be switched off", async () => {
    t.emu.faults.quota = false;
    const reply = await t.client.post("/v1.0/$batch", { requests: writes(20, 0) });
    expect(reply.body.responses.every((r: { status: number }) => r.status === 200)).toBe(true);
  });
});

describe("counters", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  it("counts requests and writes by route, over HTTP too, and resets", async () => {
    await t.client.get("/v1.0/users?$top=1");
    await t.client.get("/v1.0/users/ana@villa.example");
    await t.client.post("/v1.0/users/luis@villa.example/assignLicense", {
      addLicenses: [{ skuId: E5 }],
      removeLicenses: [],
    });
    const snap = (await t.client.get("/_emulator/counters", { token: null })).body;
    expect(snap.byRoute["GET /v1.0/users"]).toMatchObject({ requests: 1, writes: 0, statuses: { "200": 1 } });
    expect(snap.byRoute["GET /v1.0/users/{id}"].requests).toBe(1);
    expect(snap.byRoute["POST /v1.0/users/{id}/assignLicense"]).toMatchObject({ requests: 1, writes: 1 });
    expect(snap).toMatchObject({ requests: 3, writes: 1 });
    expect((await t.client.post("/_emulator/reset-counters", {}, { token: null })).status).toBe(204);
    expect(t.emu.counters.snapshot()).toEqual({
      requests: 0,
      writes: 0,
      throttled: 0,
      faulted: 0,
      byRoute: {},
    });
  });

  it("lets faults be changed and the clock advanced over HTTP", async () => {
    const patched = await t.client.call("PATCH", "/_emulator/faults", { body: { rate503: 1 }, token: null });
    expect(patched.body.rate503).toBe(1);
    expect((await t.client.get("/v1.0/users?$top=1")).status).toBe(503);
    t.emu.faults.rate503 = 0;
    const before = t.clock.now();
    await t.client.post("/_emulator/clock/advance", { ms: 1000 }, { token: null });
    expect(t.clock.now()).toBe(before + 1000);
  });
});
