import { clientFor } from "./helpers/clientFixtures";
import { graphError, startTestServer } from "./helpers/httpsTestServer";
import type { RecordedRequest, TestServer } from "./helpers/httpsTestServer";
import type { BatchRequest } from "../../src/graph";

interface WireRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

function innerRequests(request: RecordedRequest): WireRequest[] {
  return (request.json as { requests: WireRequest[] }).requests;
}

/** Deterministic shuffle, so "any order" is exercised the same way on every run. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = (i * 7 + 3) % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const users = (n: number): BatchRequest[] =>
  Array.from({ length: n }, (_, i) => ({ method: "GET", url: `/users/u${i}?$select=id` }));

describe("GraphClient.batch over HTTPS", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  it("sends 45 requests as batches of 20, 20 and 5 and returns results in request order despite shuffled responses", async () => {
    server.setHandler((request) => ({
      json: {
        responses: shuffled(
          innerRequests(request).map((r) => ({
            id: r.id,
            status: 200,
            headers: {},
            body: { id: r.url.split("?")[0].split("/")[2] },
          })),
        ),
      },
    }));
    const { client } = clientFor(server);
    const results = await client.batch(users(45));
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(Array(3).fill("POST /v1.0/$batch"));
    expect(server.requests.map((r) => innerRequests(r).length)).toEqual([20, 20, 5]);
    expect(results.map((r) => r.id)).toEqual(Array.from({ length: 45 }, (_, i) => String(i + 1)));
    expect(results.map((r) => (r.body as { id: string }).id)).toEqual(
      Array.from({ length: 45 }, (_, i) => `u${i}`),
    );
    expect(results.every((r) => r.ok && r.status === 200 && r.attempts === 1)).toBe(true);
  });

  it("retries only the inner requests that got 429, after the longest inner Retry-After", async () => {
    let round = 0;
    server.setHandler((request) => {
      round += 1;
      const inner = innerRequests(request);
      return {
        json: {
          responses: shuffled(
            inner.map((r) => {
              if (round === 1 && (r.id === "3" || r.id === "7")) {
                return {
                  id: r.id,
                  status: 429,
                  headers: { "Retry-After": r.id === "3" ? "1.25" : "2.5" },
                  body: graphError("TooManyRequests", "Please retry again later."),
                };
              }
              if (round === 2 && r.id === "7") {
                return { id: r.id, status: 503, headers: {}, body: graphError("ServiceUnavailable", "busy") };
              }
              return { id: r.id, status: 200, body: { url: r.url } };
            }),
          ),
        },
      };
    });
    const { client, clock } = clientFor(server);
    const results = await client.batch(users(10));
    expect(server.requests.map((r) => innerRequests(r).map((i) => i.id))).toEqual([
      ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
      ["3", "7"],
      ["7"],
    ]);
    // Round 2 waits for the longest inner Retry-After (2.5 s); round 3 has none, so backoff (0.75 × 2 s).
    expect(clock.sleeps).toEqual([2500, 1500]);
    expect(results.map((r) => [r.id, r.status, r.attempts])).toEqual([
      ["1", 200, 1],
      ["2", 200, 1],
      ["3", 200, 2],
      ["4", 200, 1],
      ["5", 200, 1],
      ["6", 200, 1],
      ["7", 200, 3],
      ["8", 200, 1],
      ["9", 200, 1],
      ["10", 200, 1],
    ]);
    expect(client.retryLog.map((e) => [e.path, e.innerRequests, e.delayMs])).toEqual([
      ["/$batch", 2, 2500],
      ["/$batch", 1, 1500],
    ]);
  });

  it("reports inner errors per request without throwing, and gives up on inner 429s after the bound", async () => {
    server.setHandler((request) => ({
      json: {
        responses: innerRequests(request).map((r) =>
          r.id === "a"
            ? {
                id: "a",
                status: 404,
                body: graphError("Request_ResourceNotFound", "Resource 'g9' does not exist.", "req-404"),
              }
            : r.id === "b"
              ? {
                  id: "b",
                  status: 429,
                  headers: { "retry-after": "1" },
                  body: graphError("TooManyRequests", "slow down", "req-429"),
                }
              : { id: r.id, status: 204 },
        ),
      },
    }));
    const { client, clock } = clientFor(server, { retry: { maxAttempts: 3 } });
    const results = await client.batch([
      { id: "a", method: "GET", url: "/groups/g9" },
      {
        id: "b",
        method: "POST",
        url: "/groups/g1/assignLicense",
        body: { addLicenses: [], removeLicenses: [] },
      },
      { id: "c", method: "DELETE", url: "/groups/g2" },
    ]);
    expect(results.map((r) => [r.id, r.ok, r.status])).toEqual([
      ["a", false, 404],
      ["b", false, 429],
      ["c", true, 204],
    ]);
    expect(results[0].error?.message).toBe(
      "GET /groups/g9 (in $batch) → 404 Request_ResourceNotFound: Resource 'g9' does not exist. (request-id req-404)",
    );
    expect(results[0].error?.isNotFound).toBe(true);
    expect(results[1].error).toMatchObject({
      status: 429,
      attempts: 3,
      inBatch: true,
      gaveUp: "gave up after 3 attempts in 2 s",
    });
    expect(clock.sleeps).toEqual([1000, 1000]);
    // A body gets a Content-Type header, as Graph requires.
    expect(innerRequests(server.requests[0])[1]).toEqual({
      id: "b",
      method: "POST",
      url: "/groups/g1/assignLicense",
      headers: { "Content-Type": "application/json" },
      body: { addLicenses: [], removeLicenses: [] },
    });
  });

  it("retries an inner request missing from the response, and reports it if it stays missing", async () => {
    server.setHandler((request) => ({
      json: {
        responses: innerRequests(request)
          .filter((r) => r.id !== "2")
          .map((r) => ({ id: r.id, status: 200, body: {} })),
      },
    }));
    const { client } = clientFor(server, { retry: { maxAttempts: 2 } });
    const results = await client.batch(users(2));
    expect(results[1]).toMatchObject({ ok: false, status: 0, attempts: 2 });
    expect(results[1].error?.code).toBe("MissingBatchResponse");
    expect(server.requests.map((r) => innerRequests(r).length)).toEqual([2, 1]);
  });

  it("retries the $batch call itself on an outer 429", async () => {
    let calls = 0;
    server.setHandler((request) => {
      calls += 1;
      return calls === 1
        ? { status: 429, headers: { "Retry-After": "0.2" }, json: graphError("TooManyRequests", "x") }
        : { json: { responses: innerRequests(request).map((r) => ({ id: r.id, status: 200, body: {} })) } };
    });
    const { client, clock } = clientFor(server);
    const results = await client.batch(users(3));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(clock.sleeps).toEqual([200]);
  });

  it("refuses duplicate ids (case-insensitive) before sending anything", async () => {
    const { client } = clientFor(server);
    await expect(
      client.batch([
        { id: "X", method: "GET", url: "/me" },
        { id: "x", method: "GET", url: "/me" },
      ]),
    ).rejects.toThrow('$batch request id "x" is used twice');
    expect(server.requests).toHaveLength(0);
  });

  it("runs chunks concurrently when asked and still returns request order", async () => {
    server.setHandler(async (request) => {
      const inner = innerRequests(request);
      // The first chunk answers last.
      await new Promise((resolve) => setTimeout(resolve, inner[0].id === "1" ? 60 : 0));
      return {
        json: { responses: inner.map((r) => ({ id: r.id, status: 200, body: { n: Number(r.id) } })) },
      };
    });
    const { client } = clientFor(server, { batchConcurrency: 3 });
    const results = await client.batch(users(50));
    expect(results.map((r) => (r.body as { n: number }).n)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
  });
});
