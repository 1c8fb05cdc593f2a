import { startTestEmulator, type TestEmulator } from "./helpers/client";

/**
 * The emulator refuses what Microsoft's v1.0 pages do not document for an endpoint
 * (vendor/reference/microsoft-graph/graph-v1-endpoints.json; each case names its page and commit).
 */
const NUMBERS = "/v1.0/admin/teams/telephoneNumberManagement/numberAssignments";

describe("Graph v1.0 contract", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  // subscribedsku-list.md @ 08210e1f5ed674a3a62f24d54c0df8e2e88c95dd: "supports only the $select … does not support $filter".
  it("refuses $filter on subscribedSkus and accepts $select", async () => {
    const refused = await t.client.get("/v1.0/subscribedSkus?$filter=skuPartNumber eq 'SPE_E5'");
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("Request_BadRequest");
    expect(refused.body.error.message).toBe("'$filter' is not supported by the service.");
    expect(refused.body.error.innerError["request-id"]).toEqual(expect.any(String));
    expect((await t.client.get("/v1.0/subscribedSkus?$select=skuId")).status).toBe(200);
  });

  // user-list.md @ 008316a3480bf8069254a9535f5f61b0e6600f6b: ConsistencyLevel "and $count are required when using $search".
  it("requires ConsistencyLevel: eventual and $count=true for $search on users", async () => {
    const bare = await t.client.get('/v1.0/users?$search="displayName:ana"');
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toMatch(/ConsistencyLevel: eventual/);
    const noCount = await t.client.call("GET", '/v1.0/users?$search="displayName:ana"', {
      headers: { ConsistencyLevel: "eventual" },
    });
    expect(noCount.status).toBe(400);
  });

  // teamsadministration-telephonenumbermanagementroot-list-numberassignments.md @ 639afd0564e1553afdb30e0222b3602cfc050231:
  // $filter (eq, and, any in the examples), $top default 500 max 1,000, $skip.
  it("pages numberAssignments 500 by default, refuses $top over 1000, `in` filters and $select", async () => {
    const first = await t.client.get(NUMBERS);
    expect(first.status).toBe(200);
    expect(first.body.value.length).toBeLessThanOrEqual(500);
    expect((await t.client.get(`${NUMBERS}?$top=1001`)).status).toBe(400);
    const inFilter = await t.client.get(`${NUMBERS}?$filter=telephoneNumber in ('+34915550001')`);
    expect(inFilter.status).toBe(400);
    expect(inFilter.body.error.code).toBe("BadRequest");
    expect(inFilter.body.error.message).toMatch(/operator 'in' is not supported/);
    expect((await t.client.get(`${NUMBERS}?$select=telephoneNumber`)).status).toBe(400);
    const eq = await t.client.get(`${NUMBERS}?$filter=telephoneNumber eq '+34915550001'&$top=10&$skip=0`);
    expect(eq.status).toBe(200);
  });

  // teamsadministration-numberassignment-assignnumber.md @ 3545666b4290b19d3935c4965bc8ba8e5f6a826f: the parameters table.
  it("refuses a body field that is not a parameter of assignNumber", async () => {
    const reply = await t.client.post(`${NUMBERS}/assignNumber`, {
      telephoneNumber: "+34915550001",
      assignmentTargetId: "00000000-0000-0000-0000-000000000001",
      numberType: "directRouting",
      emergencyAddress: "x",
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toBe(
      "The parameter 'emergencyAddress' in the request payload is not a valid parameter for the operation 'assignNumber'.",
    );
  });

  // teamsadministration-telephonenumberlongrunningoperation-get.md @ 5ef2bd9b…: "Optional query parameters: None."
  it("refuses query options on an operation", async () => {
    const reply = await t.client.get(
      "/v1.0/admin/teams/telephoneNumberManagement/operations/x?$select=status",
    );
    expect(reply.status).toBe(400);
  });

  // user-reprocesslicenseassignment.md @ 09455a65abde17103c17fc70605c4c8553f01978: POST, no body, 200 + user.
  it("reprocesses a user's licences with 200 and the user", async () => {
    const users = await t.client.get("/v1.0/users?$top=1");
    const id = users.body.value[0].id as string;
    const reply = await t.client.post(`/v1.0/users/${id}/reprocessLicenseAssignment`, undefined);
    expect(reply.status).toBe(200);
    expect(reply.body.id).toBe(id);
    const withBody = await t.client.post(`/v1.0/users/${id}/reprocessLicenseAssignment`, { force: true });
    expect(withBody.status).toBe(400);
  });
});
