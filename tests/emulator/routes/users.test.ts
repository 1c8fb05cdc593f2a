import { startTestEmulator, type TestEmulator } from "../helpers/client";

describe("users", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  it("pages through every user with absolute https nextLinks that keep the query", async () => {
    const seen: string[] = [];
    let url: string | undefined = "/v1.0/users?$select=id,userPrincipalName&$top=25";
    let pages = 0;
    while (url) {
      const reply = await t.client.get(url);
      expect(reply.status).toBe(200);
      seen.push(...reply.body.value.map((u: { id: string }) => u.id));
      url = reply.body["@odata.nextLink"];
      if (url) {
        expect(url.startsWith(t.emu.url)).toBe(true);
        expect(url).toContain("$select=id,userPrincipalName");
        expect(url).toContain("$skiptoken=");
      }
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(70);
    expect(new Set(seen).size).toBe(70);
  });

  it("returns Graph's default properties without $select and only the selected ones with it", async () => {
    const all = await t.client.get("/v1.0/users?$top=1");
    expect(Object.keys(all.body.value[0]).sort()).toEqual(
      [
        "businessPhones",
        "displayName",
        "givenName",
        "id",
        "jobTitle",
        "mail",
        "mobilePhone",
        "officeLocation",
        "preferredLanguage",
        "surname",
        "userPrincipalName",
      ].sort(),
    );
    expect(all.body.value[0]).not.toHaveProperty("usageLocation");
    const sel = await t.client.get(
      "/v1.0/users/ana@villa.example?$select=usageLocation,assignedLicenses,licenseAssignmentStates,department",
    );
    expect(sel.body).toEqual({
      "@odata.context": `${t.emu.url}v1.0/$metadata#users/$entity`,
      usageLocation: "ES",
      assignedLicenses: [],
      licenseAssignmentStates: [],
      department: "Cultura",
    });
  });

  it("gets a user by id or by user principal name, case-insensitively", async () => {
    const byUpn = await t.client.get("/v1.0/users/Pedro@Villa.Example");
    expect(byUpn.status).toBe(200);
    const byId = await t.client.get(`/v1.0/users/${byUpn.body.id}`);
    expect(byId.body.userPrincipalName).toBe("pedro@villa.example");
  });

  it.each([
    ["department eq 'Movilidad'", 30],
    ["startswith(userPrincipalName,'culture.0000')", 9],
    ["userPrincipalName in ('ana@villa.example','luis@villa.example','nobody@villa.example')", 2],
    ["department eq 'cultura' and usageLocation eq 'ES'", 40],
    ["department eq 'Cultura' or department eq 'Movilidad'", 70],
    ["assignedLicenses/any(x:x/skuId eq 06ebc4ee-1bb5-47dd-8120-11324bc54e06)", 0],
  ])("filters %s", async (filter, count) => {
    const reply = await t.client.get(`/v1.0/users?$top=999&$filter=${encodeURIComponent(filter)}`);
    expect(reply.status).toBe(200);
    expect(reply.body.value).toHaveLength(count);
  });

  it("refuses advanced filters without ConsistencyLevel, and counts with it", async () => {
    const filter = encodeURIComponent("department ne 'Cultura'");
    const plain = await t.client.get(`/v1.0/users?$filter=${filter}`);
    expect(plain.status).toBe(400);
    expect(plain.body.error.code).toBe("Request_UnsupportedQuery");
    const advanced = await t.client.get(`/v1.0/users?$filter=${filter}&$count=true&$top=5`, {
      headers: { ConsistencyLevel: "eventual" },
    });
    expect(advanced.status).toBe(200);
    expect(advanced.body["@odata.count"]).toBe(30);
    expect(advanced.body.value).toHaveLength(5);
  });

  it.each([
    ["/v1.0/users?$top=1000", 400, "Request_BadRequest", /between 1 and 999/],
    ["/v1.0/users?$skip=10", 400, "Request_BadRequest", /\$skip/],
    ["/v1.0/users?$select=nonsense", 400, "Request_BadRequest", /Could not find a property named 'nonsense'/],
    [
      "/v1.0/users?$filter=" + encodeURIComponent("favouriteColour eq 'red'"),
      400,
      "Request_UnsupportedQuery",
      /favouriteColour/,
    ],
    ["/v1.0/users/nobody@villa.example", 404, "Request_ResourceNotFound", /nobody@villa.example/],
    ["/v1.0/nothing", 400, "BadRequest", /segment 'nothing'/],
  ])("GET %s → %i %s", async (path, status, code, message) => {
    const reply = await t.client.get(path);
    expect(reply.status).toBe(status);
    expect(reply.body.error.code).toBe(code);
    expect(reply.body.error.message).toMatch(message);
    expect(reply.body.error.innerError["request-id"]).toBe(reply.headers["request-id"]);
    expect(reply.body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it("answers 401 InvalidAuthenticationToken without a bearer token", async () => {
    const reply = await t.client.get("/v1.0/users", { token: null });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe("InvalidAuthenticationToken");
  });

  it("answers 405 to a method the route does not take", async () => {
    const reply = await t.client.call("DELETE", "/v1.0/users");
    expect(reply.status).toBe(405);
  });
});
