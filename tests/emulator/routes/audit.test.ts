import { E5, MCOEV, startTestEmulator, type TestEmulator } from "../helpers/client";

/**
 * `GET /auditLogs/directoryAudits[/{id}]` (microsoftgraph/microsoft-graph-docs-contrib
 * api-reference/v1.0/api/directoryaudit-list.md at 05296ab344f3de89a102bceca9b5d6ce1df7a3ef, directoryaudit-get.md at
 * 01d208d4dc09c1340e159d905e4ad0d8492f0280): supports `$filter` (eq, ge, le, startswith), `$orderby`, `$skiptoken`
 * and `$top`; resources/directoryaudit.md: activityDateTime "Supports $filter (eq, ge, le)", written unquoted
 * (`2014-01-01T00:00:00Z`), activityDisplayName "(eq, startswith)". Drift reads who changed a department's licences
 * from here.
 */
const BASE = "/v1.0/auditLogs/directoryAudits";

describe("directory audits (Graph v1.0)", () => {
  let t: TestEmulator;
  const q = (query: string) => t.client.get(`${BASE}?${encodeURI(query).replace(/\+/g, "%2B")}`);

  beforeAll(async () => {
    t = await startTestEmulator();
    await t.client.post("/v1.0/users/ana@villa.example/assignLicense", {
      addLicenses: [{ skuId: E5, disabledPlans: [] }],
      removeLicenses: [],
    });
    t.clock.advance(60_000);
    const culture = t.emu.state.groups.find((g) => g.departmentId === "culture")!.id;
    await t.client.post(`/v1.0/groups/${culture}/assignLicense`, {
      addLicenses: [{ skuId: MCOEV, disabledPlans: [] }],
      removeLicenses: [],
    });
  });
  afterAll(() => t.stop());

  it("records each licence write, newest first, with the target's old and new licences", async () => {
    const reply = await t.client.get(BASE);
    expect(reply.status).toBe(200);
    expect(reply.body.value.map((a: { activityDisplayName: string }) => a.activityDisplayName)).toEqual([
      "Set group license",
      "Change user license",
    ]);
    const [group, user] = reply.body.value;
    expect(group).toMatchObject({ category: "GroupManagement", operationType: "Assign", result: "success" });
    expect(user.targetResources[0]).toMatchObject({
      type: "User",
      userPrincipalName: "ana@villa.example",
      modifiedProperties: [
        {
          displayName: "AssignedLicense",
          oldValue: "[]",
          newValue: JSON.stringify([{ skuId: E5, disabledPlans: [] }]),
        },
      ],
    });
  });

  it("gets one audit by id, and answers 404 for an unknown id", async () => {
    const [first] = (await t.client.get(BASE)).body.value;
    const one = await t.client.get(`${BASE}/${first.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: first.id, activityDisplayName: first.activityDisplayName });
    expect((await t.client.get(`${BASE}/no-such-audit`)).status).toBe(404);
  });

  it.each([
    ["category eq", "$filter=category eq 'UserManagement'", ["Change user license"]],
    [
      "activityDisplayName startswith",
      "$filter=startswith(activityDisplayName,'Set')",
      ["Set group license"],
    ],
    ["activityDateTime ge", "$filter=activityDateTime ge 2026-01-01T08:00:30Z", ["Set group license"]],
    ["activityDateTime le", "$filter=activityDateTime le 2026-01-01T08:00:30Z", ["Change user license"]],
    ["$top with paging", "$top=1", ["Set group license"]],
  ])("lists with %s", async (_what, query, names) => {
    const reply = await q(query);
    expect(reply.body.error).toBeUndefined();
    expect(reply.status).toBe(200);
    expect(reply.body.value.map((a: { activityDisplayName: string }) => a.activityDisplayName)).toEqual(
      names,
    );
  });

  it("pages on with the nextLink until every audit has been read", async () => {
    const first = await q("$top=1");
    const next = await t.client.get(first.body["@odata.nextLink"]);
    expect(next.body.value.map((a: { activityDisplayName: string }) => a.activityDisplayName)).toEqual([
      "Change user license",
    ]);
    expect(next.body["@odata.nextLink"]).toBeUndefined();
  });

  it.each([
    ["$select, which the page does not list", "$select=id"],
    ["an operator the page does not list", "$filter=category ne 'UserManagement'"],
  ])("refuses %s with 400", async (_what, query) => {
    const reply = await q(query);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toMatch(/BadRequest/);
  });
});
