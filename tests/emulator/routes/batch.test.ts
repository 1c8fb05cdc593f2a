import { E5, startTestEmulator, type TestEmulator } from "../helpers/client";

describe("POST /$batch", () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await startTestEmulator();
  });
  afterEach(() => t.stop());

  const get = (id: string, url: string) => ({ id, method: "GET", url });

  it("refuses more than 20 requests with 400", async () => {
    const requests = Array.from({ length: 21 }, (_, i) => get(String(i), "/users?$top=1"));
    const reply = await t.client.post("/v1.0/$batch", { requests });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/limit of 20/);
  });

  it("refuses duplicate ids (case-insensitive) and bodies without Content-Type", async () => {
    expect(
      (await t.client.post("/v1.0/$batch", { requests: [get("a", "/users"), get("A", "/users")] })).status,
    ).toBe(400);
    const noType = {
      id: "1",
      method: "POST",
      url: "/users/ana@villa.example/assignLicense",
      body: { addLicenses: [], removeLicenses: [] },
    };
    expect((await t.client.post("/v1.0/$batch", { requests: [noType] })).status).toBe(400);
  });

  it("routes inner requests through the same handlers; results are correlated by id", async () => {
    const reply = await t.client.post("/v1.0/$batch", {
      requests: [
        get("me", "/users/ana@villa.example?$select=department"),
        get("missing", "/users/ghost@villa.example"),
        {
          id: "write",
          method: "POST",
          url: "/users/luis@villa.example/assignLicense",
          headers: { "Content-Type": "application/json" },
          body: { addLicenses: [{ skuId: E5, disabledPlans: [] }], removeLicenses: [] },
        },
        get("skus", "subscribedSkus?$select=skuPartNumber,consumedUnits"),
      ],
    });
    expect(reply.status).toBe(200);
    const byId = Object.fromEntries(reply.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId.me).toMatchObject({ status: 200, body: { department: "Cultura" } });
    expect(byId.missing).toMatchObject({
      status: 404,
      body: { error: { code: "Request_ResourceNotFound" } },
    });
    expect(byId.write.status).toBe(200);
    expect(
      byId.skus.body.value.find((s: { skuPartNumber: string }) => s.skuPartNumber === "SPE_E5").consumedUnits,
    ).toBe(1);
    const counts = t.emu.counters.snapshot().byRoute;
    expect(counts["POST /v1.0/$batch"].requests).toBe(1);
    expect(counts["POST /v1.0/users/{id}/assignLicense"]).toMatchObject({ requests: 1, writes: 1 });
  });

  it("answers in a shuffled (deterministic) order", async () => {
    const requests = Array.from({ length: 20 }, (_, i) => get(String(i), `/users?$top=1`));
    const orders: string[] = [];
    for (let i = 0; i < 3; i++) {
      const reply = await t.client.post("/v1.0/$batch", { requests });
      orders.push(reply.body.responses.map((r: { id: string }) => r.id).join(","));
    }
    const inOrder = requests.map((r) => r.id).join(",");
    expect(orders.some((o) => o !== inOrder)).toBe(true);
    const again = await startTestEmulator();
    try {
      const first = await again.client.post("/v1.0/$batch", { requests });
      expect(first.body.responses.map((r: { id: string }) => r.id).join(",")).toBe(orders[0]);
    } finally {
      await again.stop();
    }
  });

  it("gives 424 to a request whose dependency failed", async () => {
    const reply = await t.client.post("/v1.0/$batch", {
      requests: [
        get("1", "/users/ghost@villa.example"),
        { ...get("2", "/users/ana@villa.example"), dependsOn: ["1"] },
      ],
    });
    const byId = Object.fromEntries(
      reply.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]),
    );
    expect(byId).toEqual({ "1": 404, "2": 424 });
  });

  it("throttles inner requests one by one (inner 429 with its own Retry-After)", async () => {
    t.emu.faults.rate429 = 0.5;
    t.emu.faults.retryAfter = 2.5;
    t.emu.faults.routes = ["/users/{id}"];
    const requests = Array.from({ length: 20 }, (_, i) => get(String(i), "/users/ana@villa.example"));
    const reply = await t.client.post("/v1.0/$batch", { requests });
    expect(reply.status).toBe(200);
    const throttled = reply.body.responses.filter((r: { status: number }) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled.length).toBeLessThan(20);
    expect(throttled[0].headers["Retry-After"]).toBe("2.5");
    expect(throttled[0].body.error.code).toBe("TooManyRequests");
  });
});
