import { startTestEmulator, type TestEmulator } from "../helpers/client";

/**
 * `GET /organization` (microsoftgraph/microsoft-graph-docs-contrib api-reference/v1.0/api/organization-list.md at
 * 02b4cba04d0426b41fe35819922b100050c5c441): "There's only one organization object in the collection"; "This
 * method supports the $select OData query parameter". `tenant export` reads the tenant's id, name and domains here.
 */
describe("GET /v1.0/organization", () => {
  let t: TestEmulator;

  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  it("returns exactly one organization: the tenant, its name, country and verified domains", async () => {
    const reply = await t.client.get("/v1.0/organization");
    expect(reply.status).toBe(200);
    expect(reply.body["@odata.context"]).toMatch(/\/v1\.0\/\$metadata#organization$/);
    expect(reply.body.value).toEqual([
      {
        id: t.emu.state.tenant.tenantId,
        displayName: "Villa Pequeña",
        countryLetterCode: "ES",
        verifiedDomains: [
          {
            name: "villa.example",
            type: "Managed",
            isDefault: true,
            isInitial: false,
            capabilities: "Email, OfficeCommunicationsOnline",
          },
        ],
      },
    ]);
  });

  it.each([
    ["id", ["id"]],
    ["id,verifiedDomains", ["id", "verifiedDomains"]],
    ["DisplayName", ["displayName"]],
  ])("$select=%s returns only those properties, in Graph's casing", async (select, keys) => {
    const reply = await t.client.get(`/v1.0/organization?$select=${select}`);
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body.value[0]).sort()).toEqual([...keys].sort());
  });

  it("refuses $select of a property organization does not have, as Graph does (400)", async () => {
    const reply = await t.client.get("/v1.0/organization?$select=id,shoeSize");
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: "Request_BadRequest",
      message: "Could not find a property named 'shoeSize' on type 'microsoft.graph.organization'.",
    });
  });

  it("needs a token", async () => {
    expect((await t.client.get("/v1.0/organization", { token: null })).status).toBe(401);
  });
});
