import { E5, MCOEV, startTestEmulator, type TestEmulator } from "../helpers/client";
import { conformance } from "../helpers/graphConformance";

/**
 * `GET /admin/teams/userConfigurations[/{userId}]` (microsoftgraph/microsoft-graph-docs-contrib
 * api-reference/v1.0/api/teamsadministration-teamsadminroot-list-userconfigurations.md at
 * 043d7a1647076dc85c0eb391f6b1309932165f2f; resources/teamsadministration-teamsuserconfiguration.md): each user's
 * feature types ("PhoneSystem, CallingPlan" and the like), numbers and effective policies, read-only. Drift reads
 * numbers and policies back from here.
 */
const BASE = "/v1.0/admin/teams/userConfigurations";
const TYPE = "microsoft.graph.teamsAdministration.teamsUserConfiguration";

describe("Teams user configurations (Graph v1.0)", () => {
  let t: TestEmulator;
  const idOf = (upn: string) => t.emu.state.findUser(upn)!.id;

  beforeAll(async () => {
    t = await startTestEmulator();
    const licence = (upn: string, skuId: string, disabledPlans: string[] = []) =>
      t.client.post(`/v1.0/users/${upn}/assignLicense`, {
        addLicenses: [{ skuId, disabledPlans }],
        removeLicenses: [],
      });
    const e5 = t.emu.state.skus.find((s) => s.skuId === E5)!;
    const phoneSystemPlan = e5.servicePlans.find((p) => p.servicePlanName === "MCOEV")!.servicePlanId;
    await licence("ana@villa.example", E5);
    await licence("pedro@villa.example", MCOEV);
    await licence("culture.00001@villa.example", E5, [phoneSystemPlan]);
  });
  afterAll(() => t.stop());

  // featureTypes follow the user's enabled service plans: Phone System (MCOEV), Audio Conferencing (MCOMEETADV).
  it.each([
    ["no licence", "luis@villa.example", ["Teams"]],
    ["Microsoft 365 E5", "ana@villa.example", ["Teams", "PhoneSystem", "AudioConferencing"]],
    ["Teams Phone Standard alone", "pedro@villa.example", ["Teams", "PhoneSystem"]],
    ["E5 with its Phone System plan disabled", "culture.00001@villa.example", ["Teams", "AudioConferencing"]],
  ])("a user with %s (%s) has featureTypes %j", async (_what, upn, featureTypes) => {
    const reply = await t.client.get(`${BASE}/${idOf(upn)}`);
    expect(reply.status).toBe(200);
    expect(reply.body.featureTypes).toEqual(featureTypes);
  });

  it("shows one user's configuration with every documented property, conforming to the type", async () => {
    const reply = await t.client.get(`${BASE}/${idOf("ana@villa.example")}`);
    expect(reply.body).toMatchObject({
      id: idOf("ana@villa.example"),
      userPrincipalName: "ana@villa.example",
      tenantId: t.emu.state.tenant.tenantId,
      accountType: "user",
      isEnterpriseVoiceEnabled: false,
      telephoneNumbers: [],
    });
    expect(reply.body["@odata.context"]).toMatch(/#admin\/teams\/userConfigurations\/\$entity$/);
    expect(conformance(TYPE, reply.body)).toEqual([]);
  });

  it("shows every user its effective policy of each type, the tenant default when nothing else applies", async () => {
    const reply = await t.client.get(`${BASE}/${idOf("luis@villa.example")}`);
    const calling = reply.body.effectivePolicyAssignments.find(
      (e: { policyType: string }) => e.policyType === "TeamsCallingPolicy",
    );
    expect(calling.policyAssignment).toMatchObject({ displayName: "Global", policyId: expect.any(String) });
  });

  it.each([
    ["$filter by userPrincipalName", `$filter=userPrincipalName eq 'pedro@villa.example'`, 1],
    ["$filter by accountType", `$filter=accountType eq 'guest'`, 0],
    ["$top", "$top=3", 3],
  ])("lists with %s", async (_what, query, count) => {
    const reply = await t.client.get(`${BASE}?${query}`);
    expect(reply.status).toBe(200);
    expect(reply.body.value).toHaveLength(count);
  });

  it("projects $select, and refuses a property the type does not have", async () => {
    const selected = await t.client.get(`${BASE}?$select=userPrincipalName,featureTypes&$top=1`);
    expect(Object.keys(selected.body.value[0]).sort()).toEqual(["featureTypes", "userPrincipalName"]);
    const bad = await t.client.get(`${BASE}?$select=shoeSize`);
    expect(bad.status).toBe(400);
  });

  it("answers 404 for a user who does not exist", async () => {
    const reply = await t.client.get(`${BASE}/00000000-0000-0000-0000-000000000000`);
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe("NotFound");
  });

  it("is read-only: no write method is routed", async () => {
    const reply = await t.client.call("PATCH", `${BASE}/${idOf("ana@villa.example")}`, { body: {} });
    expect(reply.status).toBe(405);
  });
});
