import { GraphRequestError } from "../../src/graph";
import { clientFor } from "./helpers/clientFixtures";
import { graphError, startTestServer } from "./helpers/httpsTestServer";
import type { Reply, TestServer } from "./helpers/httpsTestServer";

/** Replies from a script, one per request, then 200 `{ ok: true }`. */
function scripted(server: TestServer, replies: Reply[]): void {
  let index = 0;
  server.setHandler(() => replies[index++] ?? { json: { ok: true } });
}

const throttled = (retryAfter?: string): Reply => ({
  status: 429,
  headers: retryAfter === undefined ? {} : { "retry-after": retryAfter },
  json: graphError("TooManyRequests", "Please retry again later.", "req-429"),
});

describe("GraphClient retries over HTTPS", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  it("honours fractional and whole-second Retry-After on 429 and records each retry", async () => {
    scripted(server, [throttled("2.128"), throttled("1"), throttled("0.5")]);
    const { client, clock } = clientFor(server);
    await expect(client.get("/users/u1")).resolves.toEqual({ ok: true });
    expect(clock.sleeps).toEqual([2128, 1000, 500]);
    expect(server.requests).toHaveLength(4);
    expect(client.retryLog.map((e) => [e.event, e.status, e.delayMs, e.source])).toEqual([
      ["retry", 429, 2128, "retry-after"],
      ["retry", 429, 1000, "retry-after"],
      ["retry", 429, 500, "retry-after"],
    ]);
    expect(client.stats).toEqual({ requests: 4, retries: 3 });
  });

  it("honours an HTTP-date Retry-After relative to the injected clock", async () => {
    const { client, clock } = clientFor(server);
    const at = new Date(clock.now() + 7000).toUTCString();
    scripted(server, [throttled(at)]);
    await client.get("/users/u1");
    expect(clock.sleeps).toEqual([7000]);
  });

  it("backs off exponentially with jitter when Retry-After is absent (503 and 504 too)", async () => {
    scripted(server, [
      throttled(),
      { status: 503, text: "Service Unavailable" },
      { status: 504, text: "Gateway Timeout" },
    ]);
    const { client, clock } = clientFor(server, {
      retry: { baseDelayMs: 1000, maxDelayMs: 30_000 },
      random: () => 0.5,
    });
    await client.get("/groups");
    // equal jitter with random 0.5: step/2 + step/4 = 0.75 × (1 s, 2 s, 4 s)
    expect(clock.sleeps).toEqual([750, 1500, 3000]);
    expect(client.retryLog.map((e) => e.source)).toEqual(["backoff", "backoff", "backoff"]);
  });

  it("retries 503 with Retry-After", async () => {
    scripted(server, [{ status: 503, headers: { "Retry-After": "3" }, text: "" }]);
    const { client, clock } = clientFor(server);
    await client.post("/groups/g1/assignLicense", { addLicenses: [], removeLicenses: [] });
    expect(clock.sleeps).toEqual([3000]);
    // The body is sent again, intact.
    expect(server.requests.map((r) => r.json)).toEqual([
      { addLicenses: [], removeLicenses: [] },
      { addLicenses: [], removeLicenses: [] },
    ]);
  });

  it("gives up after maxAttempts with a precise error", async () => {
    server.setHandler(() => throttled("1.5"));
    const { client, clock } = clientFor(server, { retry: { maxAttempts: 3 } });
    const error = (await client
      .post("/groups/g1/assignLicense", {})
      .catch((e: unknown) => e)) as GraphRequestError;
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({
      kind: "http",
      method: "POST",
      path: "/groups/g1/assignLicense",
      status: 429,
      code: "TooManyRequests",
      requestId: "req-429",
      attempts: 3,
      retryAfterMs: 1500,
    });
    expect(error.message).toBe(
      "POST /groups/g1/assignLicense → 429 TooManyRequests: Please retry again later. (request-id req-429); gave up after 3 attempts in 3 s",
    );
    expect(clock.sleeps).toEqual([1500, 1500]);
    expect(server.requests).toHaveLength(3);
    expect(client.retryLog.at(-1)).toMatchObject({ event: "give-up", attempt: 3 });
  });

  it("gives up before a wait that would exceed the total time budget", async () => {
    server.setHandler(() => throttled("120"));
    const { client, clock } = clientFor(server, { retry: { maxElapsedMs: 60_000 } });
    const error = (await client.get("/users").catch((e: unknown) => e)) as GraphRequestError;
    expect(error.gaveUp).toBe(
      "gave up after 1 attempts in 0 s: waiting another 120 s (Retry-After) would exceed the 60 s retry budget",
    );
    expect(clock.sleeps).toEqual([]);
  });

  it("does not retry other errors (400) and reports Graph's fields", async () => {
    server.setHandler(() => ({
      status: 400,
      json: {
        error: {
          code: "Request_BadRequest",
          message: "License assignment cannot be done for user with invalid usage location.",
          innerError: { date: "2026-02-13T10:17:06", "request-id": "1b2c3d", "client-request-id": "cid-1" },
        },
      },
    }));
    const { client, clock } = clientFor(server);
    const error = (await client
      .post("/users/u1/assignLicense", {})
      .catch((e: unknown) => e)) as GraphRequestError;
    expect(error).toMatchObject({
      status: 400,
      code: "Request_BadRequest",
      requestId: "1b2c3d",
      clientRequestId: "cid-1",
      date: "2026-02-13T10:17:06",
      attempts: 1,
    });
    expect(error.message).toBe(
      "POST /users/u1/assignLicense → 400 Request_BadRequest: License assignment cannot be done for user with invalid usage location. (request-id 1b2c3d)",
    );
    expect(clock.sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a dropped connection as a status-0 network error", async () => {
    scripted(server, ["drop", "drop"]);
    const { client, clock } = clientFor(server);
    await expect(client.get("/subscribedSkus")).resolves.toEqual({ ok: true });
    expect(clock.sleeps).toEqual([750, 1500]);
    expect(client.retryLog.map((e) => e.status)).toEqual([0, 0]);
  });

  it("gives up on dropped connections after the bound", async () => {
    server.setHandler(() => "drop");
    const { client } = clientFor(server, { retry: { maxAttempts: 2 } });
    const error = (await client.get("/subscribedSkus").catch((e: unknown) => e)) as GraphRequestError;
    expect(error).toMatchObject({ kind: "network", status: 0, attempts: 2 });
    expect(error.message).toMatch(
      /^GET \/subscribedSkus → network error \(UND_ERR_SOCKET\): other side closed; gave up after 2 attempts in 0.75 s$/,
    );
  });

  it("does not resend a request after a dropped connection when retryNetworkErrors is false", async () => {
    server.setHandler(() => "drop");
    const { client } = clientFor(server);
    const error = (await client
      .post("/x", {}, { retryNetworkErrors: false })
      .catch((e: unknown) => e)) as GraphRequestError;
    expect(error).toMatchObject({ kind: "network", attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it("times out an attempt that never answers, then retries", async () => {
    const { client, clock } = clientFor(server, { retry: { attemptTimeoutMs: 400 } });
    // Warm up: the first TLS handshake under Jest can itself take a few hundred ms.
    server.setHandler(() => ({ json: { warm: true } }));
    await client.get("/me");
    scripted(server, ["hang"]);
    await expect(client.get("/users")).resolves.toEqual({ ok: true });
    expect(client.retryLog[0]).toMatchObject({ status: 0, code: "ETIMEDOUT" });
    expect(clock.sleeps).toHaveLength(1);
  });

  it("returns status, headers and Location for 202 Accepted (postRaw)", async () => {
    server.setHandler(() => ({
      status: 202,
      headers: { location: `${server.origin}/v1.0/admin/teams/telephoneNumberManagement/operations('abc')` },
    }));
    const { client } = clientFor(server);
    const response = await client.postRaw(
      "/admin/teams/telephoneNumberManagement/numberAssignments/assignNumber",
      { telephoneNumber: "+34910000000" },
    );
    expect(response.status).toBe(202);
    expect(response.body).toBeUndefined();
    expect(response.location).toBe(
      `${server.origin}/v1.0/admin/teams/telephoneNumberManagement/operations('abc')`,
    );
  });

  it("resolves undefined for 204 and sends the API version and path it was given", async () => {
    server.setHandler(() => ({ status: 204 }));
    const { client } = clientFor(server);
    await expect(client.delete("/groups/g1")).resolves.toBeUndefined();
    await client.get("/admin/teams/policy/userAssignments", { version: "beta" });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "DELETE /v1.0/groups/g1",
      "GET /beta/admin/teams/policy/userAssignments",
    ]);
  });
});
