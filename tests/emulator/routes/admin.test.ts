import { startTestEmulator, type TestEmulator } from "../helpers/client";

/** `/_emulator/*`: the emulator's own control surface for tests and people (not Graph; no token). */
describe("emulator admin routes", () => {
  let t: TestEmulator;

  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  it("needs no token, and its calls are not counted as Graph traffic", async () => {
    await t.client.post("/_emulator/reset-counters", {}, { token: null });
    await t.client.get("/v1.0/organization");
    const counters = await t.client.get("/_emulator/counters", { token: null });
    expect(counters.status).toBe(200);
    expect(Object.keys(counters.body.byRoute)).toEqual(["GET /v1.0/organization"]);
  });

  it("changes faults on the running emulator at once", async () => {
    const patched = await t.client.call("PATCH", "/_emulator/faults", { body: { rate503: 1 }, token: null });
    expect(patched.body.rate503).toBe(1);
    expect((await t.client.get("/v1.0/organization")).status).toBe(503);
    await t.client.call("PATCH", "/_emulator/faults", { body: { rate503: 0 }, token: null });
    expect((await t.client.get("/v1.0/organization")).status).toBe(200);
  });

  it.each([
    [{ ms: 60_000 }, 200],
    [{ ms: -1 }, 400],
    [{ ms: "soon" }, 400],
    [{}, 400],
  ])("advances the clock with %j → %i", async (body, status) => {
    const before = t.clock.now();
    const reply = await t.client.post("/_emulator/clock/advance", body, { token: null });
    expect(reply.status).toBe(status);
    expect(t.clock.now() - before).toBe(status === 200 ? 60_000 : 0);
    if (status === 200) expect(reply.body.now).toBe(new Date(t.clock.now()).toISOString());
  });

  it("shows the whole state document", async () => {
    const state = await t.client.get("/_emulator/state", { token: null });
    expect(state.status).toBe(200);
    expect(state.body.tenant.tenantId).toBe(t.emu.state.tenant.tenantId);
  });
});
