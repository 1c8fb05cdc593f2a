import { createGraphClient, GraphRequestError } from "../../src/graph";
import type { GraphLogEntry } from "../../src/graph";
import { clientFor, fakeClock, TEST_TOKEN } from "./helpers/clientFixtures";
import { graphError, startTestServer } from "./helpers/httpsTestServer";
import type { TestServer } from "./helpers/httpsTestServer";

describe("GraphClient security over HTTPS", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  it("sends the bearer token to the configured https origin, with a client-request-id", async () => {
    server.setHandler(() => ({ json: {} }));
    const { client } = clientFor(server);
    await client.get("/organization");
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(server.requests[0].headers["client-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("does not send the token to another origin (same host, other port) and never contacts it", async () => {
    const other = await startTestServer(() => ({ json: {} }));
    try {
      const { client } = clientFor(server);
      const error = (await client
        .get(`${other.origin}/v1.0/users`)
        .catch((e: unknown) => e)) as GraphRequestError;
      expect(error).toMatchObject({ kind: "client", status: 0 });
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it("refuses an http:// endpoint: the token only travels over HTTPS", () => {
    expect(() => createGraphClient({ endpoint: "http://127.0.0.1:8080/", env: {} })).toThrow(
      /must use https:\/\//,
    );
  });

  it("trusts the private CA per client: a client without it fails with a certificate error, and is not retried", async () => {
    server.setHandler(() => ({ json: { ok: true } }));
    const clock = fakeClock();
    const untrusting = createGraphClient({
      endpoint: server.url,
      tokens: { description: "t", secrets: [], getAccessToken: async () => TEST_TOKEN },
      env: {},
      clock,
    });
    const error = (await untrusting.get("/organization").catch((e: unknown) => e)) as GraphRequestError;
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ kind: "tls", status: 0, attempts: 1 });
    expect(error.message).toMatch(/^GET \/organization → certificate verification failed/);
    expect(error.message).toContain("TENANT_GRAPH_CA_FILE");
    expect(clock.sleeps).toEqual([]);
    expect(server.requests).toHaveLength(0);
    // The same process, another client with the CA: verification is per connection, not global.
    const { client } = clientFor(server);
    await expect(client.get("/organization")).resolves.toEqual({ ok: true });
    expect(process.env.NODE_TLS_REJECT_UNAUTHORIZED).toBeUndefined();
  });

  it("explains a 401 as a rejected token", async () => {
    server.setHandler(() => ({
      status: 401,
      json: graphError(
        "InvalidAuthenticationToken",
        "Access token validation failure. Invalid audience.",
        "req-401",
      ),
    }));
    const { client } = clientFor(server);
    const error = (await client.get("/users").catch((e: unknown) => e)) as GraphRequestError;
    expect(error).toMatchObject({ status: 401, code: "InvalidAuthenticationToken", attempts: 1 });
    expect(error.message).toBe(
      "GET /users → 401 InvalidAuthenticationToken: Access token validation failure. Invalid audience. (request-id req-401) — Graph rejected the access token: check the credential variables (docs/graph.md) and that the token was issued for this Graph endpoint",
    );
  });

  it("points a 403 at the permission manifest", async () => {
    server.setHandler(() => ({
      status: 403,
      json: graphError("Authorization_RequestDenied", "Insufficient privileges to complete the operation."),
    }));
    const { client } = clientFor(server);
    await expect(client.post("/groups/g1/assignLicense", {})).rejects.toThrow(
      /403 Authorization_RequestDenied: Insufficient privileges.*docs\/permissions\.md/,
    );
  });

  it("keeps the token out of errors and logs, even when the server echoes it", async () => {
    let calls = 0;
    server.setHandler((request) => {
      calls += 1;
      return calls === 1
        ? {
            status: 429,
            headers: { "retry-after": "1" },
            json: graphError("TooManyRequests", `slow down, ${request.headers.authorization}`),
          }
        : {
            status: 400,
            json: graphError(
              "Request_BadRequest",
              `bad token ${TEST_TOKEN} eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.sig`,
            ),
          };
    });
    const log: GraphLogEntry[] = [];
    const { client } = clientFor(server, { logger: (entry) => log.push(entry) });
    const error = (await client.get("/users").catch((e: unknown) => e)) as GraphRequestError;
    const everything = [
      error.message,
      error.detail,
      error.body ?? "",
      error.stack ?? "",
      JSON.stringify(error),
      JSON.stringify(log),
      JSON.stringify(client.retryLog),
    ].join("\n");
    expect(everything).not.toContain(TEST_TOKEN);
    expect(everything).not.toContain("eyJhbGciOiJub25lIn0");
    expect(error.detail).toBe("bad token [redacted] [redacted]");
  });
});
