import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  accessTokenSourceFromEnvironment,
  createGraphClient,
  GraphRequestError,
  planCredential,
  resolveGraphEndpoint,
} from "../../src/graph";
import { fakeClock } from "./helpers/clientFixtures";
import { identityReply } from "./helpers/identityRoutes";
import { startTestServer } from "./helpers/httpsTestServer";
import type { TestServer } from "./helpers/httpsTestServer";

const TENANT = "11111111-2222-3333-4444-555555555555";
const CLIENT = "66666666-7777-8888-9999-000000000000";
const SECRET = "s3cr3t~Value.With-Special_chars";
const ISSUED = "emulator-access-token-abcdef";

describe("planCredential (pure)", () => {
  it("picks workload identity, then certificate, then secret, naming the variables", () => {
    const base = { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT };
    expect(
      planCredential({ ...base, AZURE_FEDERATED_TOKEN_FILE: "/var/run/token", AZURE_CLIENT_SECRET: "x" }),
    ).toMatchObject({
      kind: "workload-identity",
      variables: ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_FEDERATED_TOKEN_FILE"],
    });
    expect(
      planCredential({
        ...base,
        AZURE_CLIENT_CERTIFICATE_PATH: "/c.pem",
        AZURE_CLIENT_CERTIFICATE_PASSWORD: "p",
        AZURE_CLIENT_SECRET: "x",
      }).kind,
    ).toBe("client-certificate");
    expect(
      planCredential({ ...base, AZURE_CLIENT_SECRET: "x", AZURE_AUTHORITY_HOST: "https://127.0.0.1:1/" }),
    ).toMatchObject({
      kind: "client-secret",
      authorityHost: "https://127.0.0.1:1/",
      variables: ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_AUTHORITY_HOST"],
    });
    expect(planCredential({ TENANT_GRAPH_STATIC_TOKEN: "t" }).kind).toBe("static");
  });

  it("says what is missing", () => {
    expect(() => planCredential({})).toThrow(
      /no Graph credentials in the environment: set AZURE_TENANT_ID and AZURE_CLIENT_ID plus one of AZURE_FEDERATED_TOKEN_FILE/,
    );
    expect(() => planCredential({ AZURE_CLIENT_SECRET: "x", AZURE_CLIENT_ID: CLIENT })).toThrow(
      "client-secret credential (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET) is missing AZURE_TENANT_ID",
    );
  });

  it("refuses the static token for Microsoft's Graph", () => {
    expect(() =>
      accessTokenSourceFromEnvironment({
        endpoint: resolveGraphEndpoint({}),
        env: { TENANT_GRAPH_STATIC_TOKEN: "tok" },
      }),
    ).toThrow(
      "TENANT_GRAPH_STATIC_TOKEN is for the local emulator only and is refused for https://graph.microsoft.com",
    );
  });
});

describe("credentials from the environment against a local identity endpoint (real @azure/identity)", () => {
  let server: TestServer;
  let caFile: string;
  beforeAll(async () => {
    server = await startTestServer();
    server.setHandler(
      (request) =>
        identityReply(request, {
          origin: server.origin,
          tenantId: TENANT,
          clientSecret: SECRET,
          accessToken: ISSUED,
        }) ?? { json: { value: [] } },
    );
    caFile = join(mkdtempSync(join(tmpdir(), "graph-ca-")), "ca.pem");
    writeFileSync(caFile, server.caPem);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  const env = (secret: string): Record<string, string> => ({
    TENANT_GRAPH_ENDPOINT: server.url,
    TENANT_GRAPH_CA_FILE: caFile,
    AZURE_AUTHORITY_HOST: server.url,
    AZURE_TENANT_ID: TENANT,
    AZURE_CLIENT_ID: CLIENT,
    AZURE_CLIENT_SECRET: secret,
  });

  it("gets a token with ClientSecretCredential (CA from TENANT_GRAPH_CA_FILE) and sends it to Graph", async () => {
    const client = createGraphClient({ env: env(SECRET), clock: fakeClock() });
    await client.get("/users");
    const graphCall = server.requests.find((r) => r.url.startsWith("/v1.0/users"));
    expect(graphCall?.headers.authorization).toBe(`Bearer ${ISSUED}`);
    const tokenCall = server.requests.find((r) => r.url.split("?")[0].endsWith("/oauth2/v2.0/token"));
    expect(new URLSearchParams(tokenCall?.body).get("scope")).toBe("https://graph.microsoft.com/.default");
  });

  it("fails clearly on a bad secret: which variables, what the identity service said, and no secret", async () => {
    const wrong = "wrong-secret-value-123";
    const client = createGraphClient({ env: env(wrong), clock: fakeClock() });
    const error = (await client.get("/users").catch((e: unknown) => e)) as GraphRequestError;
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ kind: "auth", status: 0, attempts: 1 });
    expect(error.message).toContain(
      `GET /users → authentication failed: ClientSecretCredential from AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_AUTHORITY_HOST (authority ${server.url}) could not get a token for https://graph.microsoft.com/.default:`,
    );
    expect(error.message).toContain("AADSTS7000215: Invalid client secret provided.");
    expect(error.message).not.toContain("Trace ID");
    const everything = [error.message, error.stack ?? "", JSON.stringify(error)].join("\n");
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(SECRET);
    // Graph itself was never called without a token.
    expect(server.requests.filter((r) => r.url.startsWith("/v1.0/"))).toHaveLength(0);
  });

  it("uses the static token against a non-Microsoft endpoint (emulator only)", async () => {
    const client = createGraphClient({
      env: {
        TENANT_GRAPH_ENDPOINT: server.url,
        TENANT_GRAPH_CA_FILE: caFile,
        TENANT_GRAPH_STATIC_TOKEN: "static-emulator-token",
      },
      clock: fakeClock(),
    });
    await client.get("/users");
    expect(server.requests[0].headers.authorization).toBe("Bearer static-emulator-token");
  });
});
