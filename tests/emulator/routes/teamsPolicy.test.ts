import { startTestEmulator, E5, type TestEmulator } from "../helpers/client";
import { conformance, entityPathsOf, operationsOf } from "../helpers/graphConformance";

const NS = "microsoft.graph.teamsAdministration";
const POLICY = "/v1.0/admin/teams/policy";

/** Policy ids, per-user assignment and userConfigurations (effective policies: direct > group rank > Global). */
describe("Teams policy assignment and user configurations (Graph v1.0)", () => {
  let t: TestEmulator;
  let ana: string;
  let luis: string;
  let culture: string;
  let mobility: string;
  const ps = (cmdlet: string, parameters: Record<string, unknown>) =>
    t.client.post("/_emulator/teams/powershell", { id: 1, cmdlet, parameters }, { token: null });
  const policyId = async (type: string, name: string, qualified = false) => {
    const literal = (s: string) => `'${encodeURIComponent(s.replace(/'/g, "''"))}'`;
    return t.client.get(
      `${POLICY}/${qualified ? `${NS}.` : ""}getPolicyId(type=${literal(type)},name=${literal(name)})`,
    );
  };
  const effective = async (userId: string, type: string) => {
    const config = await t.client.get(`/v1.0/admin/teams/userConfigurations/${userId}`);
    return config.body.effectivePolicyAssignments.find((e: { policyType: string }) => e.policyType === type)
      .policyAssignment;
  };

  beforeAll(async () => {
    t = await startTestEmulator();
    ana = t.emu.state.findUser("ana@villa.example")!.id;
    luis = t.emu.state.findUser("luis@villa.example")!.id;
    culture = t.emu.state.groups.find((g) => g.departmentId === "culture")!.id;
    mobility = t.emu.state.groups.find((g) => g.departmentId === "mobility")!.id;
    await ps("New-CsTeamsCallingPolicy", { Identity: "Standard" });
    await ps("New-CsTeamsCallingPolicy", { Identity: "Restricted" });
  });
  afterAll(() => t.stop());

  it("getPolicyId returns the id of a policy created through PowerShell, with the Tag: name, in both forms", async () => {
    const reply = await policyId("TeamsCallingPolicy", "Standard");
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([
      expect.objectContaining({ name: "Tag:Standard", policyId: expect.any(String) }),
    ]);
    expect(conformance(`${NS}.policyIdentifierDetail`, reply.body.value[0])).toEqual([]);
    const qualified = await policyId("teamscallingpolicy", "Tag:Standard", true);
    expect(qualified.body.value[0].policyId).toBe(reply.body.value[0].policyId);
    expect((await policyId("TeamsCallingPolicy", "Global")).body.value[0].name).toBe("Global");
  });

  it("getPolicyId: 404 for an unknown name, 400 for an unknown type or a malformed call", async () => {
    expect((await policyId("TeamsCallingPolicy", "Nope")).status).toBe(404);
    expect((await policyId("NoSuchPolicy", "Standard")).status).toBe(400);
    expect((await t.client.get(`${POLICY}/getPolicyId(type='TeamsCallingPolicy')`)).status).toBe(400);
  });

  it("a hostile policy name round-trips through the OData literal", async () => {
    const name = "O'Brien $(x) `y`; z\nw";
    await ps("New-CsTeamsCallingPolicy", { Identity: name });
    const reply = await policyId("TeamsCallingPolicy", name);
    expect(reply.body.value[0].name).toBe(`Tag:${name}`);
  });

  it("effective policy: Global, then the best-ranked group, then a direct assignment; unassign falls back", async () => {
    expect(await effective(ana, "TeamsCallingPolicy")).toMatchObject({
      displayName: "Global",
      groupId: null,
    });
    await ps("New-CsGroupPolicyAssignment", {
      GroupId: culture,
      PolicyType: "TeamsCallingPolicy",
      PolicyName: "Standard",
      Rank: 2,
    });
    expect(await effective(ana, "TeamsCallingPolicy")).toMatchObject({
      displayName: "Standard",
      assignmentType: "group",
      groupId: culture,
    });
    expect(await effective(luis, "TeamsCallingPolicy")).toMatchObject({ displayName: "Global" });
    const restricted = (await policyId("TeamsCallingPolicy", "Restricted")).body.value[0].policyId;
    const assign = await t.client.post(`${POLICY}/userAssignments/assign`, {
      value: [
        {
          "@odata.type": `#${NS}.teamsPolicyUserAssignment`,
          userId: ana,
          policyType: "TeamsCallingPolicy",
          policyId: restricted,
        },
      ],
    });
    expect(assign.status).toBe(204);
    expect(await effective(ana, "TeamsCallingPolicy")).toMatchObject({
      displayName: "Restricted",
      assignmentType: "direct",
      policyId: restricted,
    });
    const unassign = await t.client.post(`${POLICY}/userAssignments/${NS}.unassign`, {
      value: [{ userId: ana, policyType: "TeamsCallingPolicy" }],
    });
    expect(unassign.status).toBe(204);
    expect(await effective(ana, "TeamsCallingPolicy")).toMatchObject({
      displayName: "Standard",
      assignmentType: "group",
    });
  });

  it("among several groups the lowest rank wins; Grant -Global copies into the Global fallback", async () => {
    // ana is only in culture: a better-ranked group she is not in changes nothing for her.
    await ps("New-CsGroupPolicyAssignment", {
      GroupId: mobility,
      PolicyType: "TeamsCallingPolicy",
      PolicyName: "Restricted",
      Rank: 1,
    });
    expect(await effective(ana, "TeamsCallingPolicy")).toMatchObject({ displayName: "Standard" });
    expect(await effective(luis, "TeamsCallingPolicy")).toMatchObject({
      displayName: "Restricted",
      groupId: mobility,
    });
    await ps("Grant-CsTeamsCallingPolicy", { Global: true, PolicyName: "Restricted" });
    await ps("Remove-CsGroupPolicyAssignment", { GroupId: mobility, PolicyType: "TeamsCallingPolicy" });
    await ps("Remove-CsGroupPolicyAssignment", { GroupId: culture, PolicyType: "TeamsCallingPolicy" });
    // Grant-CsTeamsCallingPolicy.md @ 93336da (-Global) copies Restricted's settings into the Global instance:
    // the fallback is still Global, now holding Restricted's settings (no pointer; -PolicyName $null is
    // documented only for a user's assignment).
    expect(await effective(ana, "TeamsCallingPolicy")).toMatchObject({
      displayName: "Global",
      groupId: null,
    });
  });

  it("assign is all-or-nothing: an unknown user, type or policy id refuses the whole request", async () => {
    const restricted = (await policyId("TeamsCallingPolicy", "Restricted")).body.value[0].policyId;
    const good = { userId: ana, policyType: "TeamsCallingPolicy", policyId: restricted };
    const cases: [Record<string, unknown>, number][] = [
      [{ ...good, userId: "ghost@villa.example" }, 404],
      [{ ...good, policyType: "Bogus" }, 400],
      [{ ...good, policyId: "nope" }, 404],
      [{ ...good, policyType: "TenantDialPlan" }, 404],
      [{ userId: ana }, 400],
    ];
    for (const [bad, status] of cases) {
      const reply = await t.client.post(`${POLICY}/userAssignments/assign`, { value: [good, bad] });
      expect(reply.status).toBe(status);
      expect(conformance("microsoft.graph.publicErrorResponse", reply.body)).toEqual([]);
    }
    expect(await effective(ana, "TeamsCallingPolicy")).toMatchObject({
      assignmentType: "direct",
      displayName: "Global",
    });
  });

  it("userConfigurations: list with $top paging and $filter, single by id or UPN, 404 for nobody; conforms", async () => {
    await t.client.post("/v1.0/users/ana@villa.example/assignLicense", {
      addLicenses: [{ skuId: E5, disabledPlans: [] }],
      removeLicenses: [],
    });
    const page = await t.client.get("/v1.0/admin/teams/userConfigurations?$top=5");
    expect(page.body.value).toHaveLength(5);
    expect(page.body["@odata.nextLink"]).toContain("$skiptoken=");
    const filtered = await t.client.get(
      `/v1.0/admin/teams/userConfigurations?$filter=userPrincipalName eq 'ana@villa.example'`,
    );
    expect(filtered.body.value).toHaveLength(1);
    expect(filtered.body.value[0]).toMatchObject({
      id: ana,
      featureTypes: expect.arrayContaining(["Teams", "PhoneSystem"]),
    });
    const byUpn = await t.client.get("/v1.0/admin/teams/userConfigurations/ana@villa.example");
    expect(byUpn.body.id).toBe(ana);
    expect((await t.client.get("/v1.0/admin/teams/userConfigurations/ghost@villa.example")).status).toBe(404);
    const type = `${NS}.teamsUserConfiguration`;
    expect(
      [...page.body.value, byUpn.body].flatMap((c: Record<string, unknown>) => conformance(type, c)),
    ).toEqual([]);
  });

  it("every Teams entity path and operation of the subset that the toolkit uses is routed", async () => {
    const used = entityPathsOf(NS)
      .map((p) => p.path)
      .filter((p) => /numberAssignments|operations|userConfigurations/.test(p))
      .map((p) => p.replace(/\{[^}]+\}/, "x"));
    for (const path of used) expect((await t.client.get(`/v1.0${path}`)).status).not.toBe(405);
    const ops = operationsOf(NS).flatMap((o) => [...o.http, ...o.httpQualified]);
    expect(ops).toHaveLength(12);
    for (const op of ops) {
      const [method, path] = op.split(" ");
      const url = `/v1.0${path.replace("{type}", "TeamsCallingPolicy").replace("{name}", "Global")}`;
      const reply = await t.client.call(method, url, { body: method === "POST" ? {} : undefined });
      // Routed: a 2xx or the action's own 400/404 — never "no such segment" or "method not allowed".
      expect([200, 400, 404]).toContain(reply.status);
      if (reply.status === 400)
        expect(reply.body.error.message).not.toContain("Resource not found for the segment");
    }
  });
});
