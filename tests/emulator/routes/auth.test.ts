import { ClientSecretCredential } from "@azure/identity";
import { startTestEmulator, type TestEmulator } from "../helpers/client";

const GRAPH_SCOPE = "https://graph.microsoft.com/.default";

describe("token endpoint for @azure/identity", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  /** The CA is trusted for this credential's own connections only (`tlsOptions.ca`), never process-wide. */
  const credential = (clientId: string, secret: string) =>
    new ClientSecretCredential(t.emu.tenantId, clientId, secret, {
      authorityHost: t.emu.url,
      disableInstanceDiscovery: true,
      tlsOptions: { ca: t.emu.caPem },
    });

  it("issues a token for the configured app that Graph routes accept", async () => {
    const token = await credential(t.emu.auth.clientId, t.emu.auth.clientSecret).getToken(GRAPH_SCOPE);
    expect(token.token.split(".")).toHaveLength(3);
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now());
    const reply = await t.client.get("/v1.0/users?$top=1", { token: token.token });
    expect(reply.status).toBe(200);
  });

  it("rejects a wrong secret with AADSTS7000215 invalid_client", async () => {
    await expect(credential(t.emu.auth.clientId, "wrong").getToken(GRAPH_SCOPE)).rejects.toThrow(
      /AADSTS7000215: Invalid client secret provided/,
    );
  });

  it("rejects an unknown client id with AADSTS700016", async () => {
    await expect(
      credential("99999999-0000-0000-0000-000000000000", "x").getToken(GRAPH_SCOPE),
    ).rejects.toThrow(/AADSTS700016/);
  });

  it("answers the raw token request with the AAD error body", async () => {
    const reply = await t.client.post(
      `/${t.emu.tenantId}/oauth2/v2.0/token`,
      `grant_type=client_credentials&client_id=${t.emu.auth.clientId}&client_secret=nope&scope=${encodeURIComponent(GRAPH_SCOPE)}`,
      { token: null, headers: { "content-type": "application/x-www-form-urlencoded" } },
    );
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ error: "invalid_client", error_codes: [7000215] });
  });

  it("only accepts issued tokens when static-token mode is off", async () => {
    t.emu.auth.acceptAnyToken = false;
    try {
      expect((await t.client.get("/v1.0/users?$top=1", { token: "made-up" })).status).toBe(401);
      const token = await credential(t.emu.auth.clientId, t.emu.auth.clientSecret).getToken(GRAPH_SCOPE);
      expect((await t.client.get("/v1.0/users?$top=1", { token: token.token })).status).toBe(200);
    } finally {
      t.emu.auth.acceptAnyToken = true;
    }
  });
});
