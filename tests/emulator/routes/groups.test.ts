import { startTestEmulator, type TestEmulator } from "../helpers/client";

describe("groups", () => {
  let t: TestEmulator;
  let cultureId: string;
  beforeAll(async () => {
    t = await startTestEmulator();
    const reply = await t.client.get(
      `/v1.0/groups?$filter=${encodeURIComponent("displayName eq 'grp-vp-culture'")}`,
    );
    cultureId = reply.body.value[0].id;
  });
  afterAll(() => t.stop());

  it("finds the department group by display name, with its dynamic rule", async () => {
    const reply = await t.client.get(`/v1.0/groups/${cultureId}`);
    expect(reply.body).toMatchObject({
      displayName: "grp-vp-culture",
      groupTypes: ["DynamicMembership"],
      membershipRule: '(user.department -eq "Cultura")',
      membershipRuleProcessingState: "On",
      securityEnabled: true,
      mailEnabled: false,
    });
    expect(reply.body).not.toHaveProperty("assignedLicenses");
  });

  it("returns assignedLicenses and licenseProcessingState only when selected", async () => {
    const reply = await t.client.get(
      `/v1.0/groups/${cultureId}?$select=id,assignedLicenses,licenseProcessingState,hasMembersWithLicenseErrors`,
    );
    expect(reply.body).toEqual({
      "@odata.context": `${t.emu.url}v1.0/$metadata#groups/$entity`,
      id: cultureId,
      assignedLicenses: [],
      licenseProcessingState: null,
    });
  });

  it("lists the members the rule matches, paged", async () => {
    const first = await t.client.get(`/v1.0/groups/${cultureId}/members?$top=30&$select=id,department`);
    expect(first.body.value).toHaveLength(30);
    expect(first.body.value[0]["@odata.type"]).toBe("#microsoft.graph.user");
    expect(first.body.value.every((m: { department: string }) => m.department === "Cultura")).toBe(true);
    const second = await t.client.get(first.body["@odata.nextLink"]);
    expect(second.body.value).toHaveLength(10);
    expect(second.body["@odata.nextLink"]).toBeUndefined();
  });

  it("puts the people the definition names in their department", async () => {
    const reply = await t.client.get(`/v1.0/groups/${cultureId}/members?$select=userPrincipalName&$top=999`);
    const upns = reply.body.value.map((m: { userPrincipalName: string }) => m.userPrincipalName);
    expect(upns).toEqual(expect.arrayContaining(["ana@villa.example", "pedro@villa.example"]));
    expect(upns).not.toContain("luis@villa.example");
  });

  it.each([
    ["/v1.0/groups/not-a-guid", 400, "Request_BadRequest"],
    ["/v1.0/groups/00000000-0000-0000-0000-000000000000", 404, "Request_ResourceNotFound"],
    ["/v1.0/groups/00000000-0000-0000-0000-000000000000/members", 404, "Request_ResourceNotFound"],
    [
      "/v1.0/groups?$filter=" + encodeURIComponent("startswith(displayName,'grp-vp-')") + "&$skip=1",
      400,
      "Request_BadRequest",
    ],
  ])("GET %s → %i %s", async (path, status, code) => {
    const reply = await t.client.get(path);
    expect(reply.status).toBe(status);
    expect(reply.body.error.code).toBe(code);
  });

  it("filters groups with startswith and in", async () => {
    const reply = await t.client.get(
      `/v1.0/groups?$filter=${encodeURIComponent("startswith(displayName,'grp-vp-') and displayName in ('grp-vp-mobility','x')")}`,
    );
    expect(reply.body.value.map((g: { displayName: string }) => g.displayName)).toEqual(["grp-vp-mobility"]);
  });
});
