/**
 * The Graph client against the local tenant emulator (src/emulator): real HTTPS with the emulator's CA, real
 * @azure/identity against its token endpoint, its fault injection and counters.
 */
import { createGraphClient, GraphRequestError } from "../../src/graph";
import type { GraphClient } from "../../src/graph";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, ManualClock, startEmulator } from "../../src/emulator";
import type { EmulatorHandle } from "../../src/emulator";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { fakeClock } from "./helpers/clientFixtures";
import type { FakeClock } from "./helpers/clientFixtures";

describe("GraphClient against the emulator", () => {
  let emu: EmulatorHandle;
  let client: GraphClient;
  let clock: FakeClock;

  const env = (secret = DEFAULT_CLIENT_SECRET): Record<string, string> => ({
    TENANT_GRAPH_ENDPOINT: emu.url,
    TENANT_GRAPH_CA_FILE: emu.caFile,
    AZURE_AUTHORITY_HOST: emu.url,
    AZURE_TENANT_ID: emu.tenantId,
    AZURE_CLIENT_ID: DEFAULT_CLIENT_ID,
    AZURE_CLIENT_SECRET: secret,
  });

  beforeAll(async () => {
    emu = await startEmulator({
      seed: MINIMAL_FIXTURE,
      clock: new ManualClock(),
      auth: { acceptAnyToken: false },
    });
  });
  afterAll(() => emu.stop());
  beforeEach(() => {
    Object.assign(emu.faults, {
      rate429: 0,
      rate503: 0,
      dropRate: 0,
      retryAfterAbsentRate: 0,
      routes: undefined,
    });
    emu.counters.reset();
    clock = fakeClock();
    client = createGraphClient({ env: env(), clock, random: () => 0.5 });
  });

  it("authenticates with a client secret through the emulator's token endpoint and reads subscribedSkus", async () => {
    const skus = await client.get<{ value: { skuPartNumber: string }[] }>("/subscribedSkus");
    expect(skus.value.length).toBeGreaterThan(0);
  });

  it("pages through users with @odata.nextLink", async () => {
    const all = await client.getAll<{ id: string }>("/users?$select=id");
    const paged = await client.getAll<{ id: string }>("/users?$select=id&$top=1");
    expect(paged.map((u) => u.id)).toEqual(all.map((u) => u.id));
    expect(emu.counters.snapshot().requests).toBeGreaterThanOrEqual(1 + all.length);
  });

  it("batches 45 reads in 3 $batch calls with results in request order", async () => {
    const users = await client.getAll<{ id: string }>("/users?$select=id");
    emu.counters.reset();
    const requests = Array.from({ length: 45 }, (_, i) => ({
      method: "GET" as const,
      url: `/users/${users[i % users.length].id}?$select=id`,
    }));
    const results = await client.batch<{ id: string }>(requests);
    expect(results.map((r) => r.body?.id)).toEqual(requests.map((r) => r.url.split("/")[2].split("?")[0]));
    const batchCalls = Object.entries(emu.counters.snapshot().byRoute).filter(([route]) =>
      route.includes("$batch"),
    );
    expect(batchCalls.reduce((sum, [, c]) => sum + c.requests, 0)).toBe(3);
  });

  it("converges through a storm of 429s and 503s with fractional Retry-After", async () => {
    Object.assign(emu.faults, { seed: 7, rate429: 0.3, rate503: 0.2, retryAfter: 0.25 });
    // Half of all requests fail: allow enough attempts that ten calls all get through.
    client = createGraphClient({ env: env(), clock, random: () => 0.5, retry: { maxAttempts: 20 } });
    for (let i = 0; i < 10; i += 1) {
      await client.get("/subscribedSkus");
    }
    expect(clock.sleeps.length).toBeGreaterThan(0);
    expect(clock.sleeps.every((ms) => ms === 250)).toBe(true);
  });

  it("retries dropped connections", async () => {
    Object.assign(emu.faults, { seed: 3, dropRate: 0.4 });
    for (let i = 0; i < 5; i += 1) {
      await client.get("/subscribedSkus");
    }
    expect(client.retryLog.some((e) => e.status === 0)).toBe(true);
  });

  it("reports bad credentials clearly, with the identity service's words and without the secret", async () => {
    const wrong = "definitely-not-the-secret";
    const bad = createGraphClient({ env: env(wrong), clock: fakeClock() });
    const error = (await bad.get("/subscribedSkus").catch((e: unknown) => e)) as GraphRequestError;
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error.kind).toBe("auth");
    expect(error.message).toContain(
      "ClientSecretCredential from AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_AUTHORITY_HOST",
    );
    expect(error.message).toMatch(/AADSTS\d+/);
    expect(error.message).not.toContain(wrong);
  });

  it("gets 401 with a clear message when the token is not one the emulator issued", async () => {
    const stranger = createGraphClient({
      endpoint: emu.url,
      caPem: emu.caPem,
      env: {},
      tokens: { description: "a forged token", secrets: [], getAccessToken: async () => "forged" },
      clock: fakeClock(),
    });
    const error = (await stranger.get("/subscribedSkus").catch((e: unknown) => e)) as GraphRequestError;
    expect(error).toMatchObject({ status: 401, code: "InvalidAuthenticationToken", attempts: 1 });
    expect(error.message).toContain("Graph rejected the access token");
  });
});
