import { GROUP_SELECTABLE, USER_SELECTABLE } from "../../src/emulator/routes/shapes";
import { MCOEV, E5, startTestEmulator, type TestEmulator } from "./helpers/client";
import { conformance } from "./helpers/graphConformance";

describe("responses conform to Microsoft's Graph v1.0 metadata", () => {
  let t: TestEmulator;
  let culture: string;
  beforeAll(async () => {
    t = await startTestEmulator();
    culture = t.emu.state.groups.find((g) => g.displayName === "grp-vp-culture")!.id;
    // Give users every licence state there is: direct, group Active, group CountViolation.
    await t.client.post("/v1.0/users/luis@villa.example/assignLicense", {
      addLicenses: [{ skuId: E5, disabledPlans: [] }],
      removeLicenses: [],
    });
    await t.client.post(`/v1.0/groups/${culture}/assignLicense`, {
      addLicenses: [{ skuId: MCOEV, disabledPlans: [] }],
      removeLicenses: [],
    });
    t.clock.advance(2000);
  });
  afterAll(() => t.stop());

  const expectConforms = (type: string, items: Record<string, unknown>[], selected?: readonly string[]) => {
    expect(items.length).toBeGreaterThan(0);
    expect(items.flatMap((item) => conformance(type, item, type, { selected }))).toEqual([]);
  };

  it("subscribedSku (list and single)", async () => {
    const list = await t.client.get("/v1.0/subscribedSkus");
    expectConforms("microsoft.graph.subscribedSku", list.body.value);
    const one = await t.client.get(`/v1.0/subscribedSkus/${list.body.value[0].id}`);
    expectConforms("microsoft.graph.subscribedSku", [one.body]);
  });

  it("user: defaults, every selectable property, assignLicense's answer", async () => {
    expectConforms("microsoft.graph.user", (await t.client.get("/v1.0/users?$top=999")).body.value);
    const all = await t.client.get(`/v1.0/users?$top=999&$select=${USER_SELECTABLE.join(",")}`);
    const users = all.body.value as { licenseAssignmentStates: unknown[] }[];
    expect(users.some((u) => u.licenseAssignmentStates.length > 0)).toBe(true);
    expectConforms("microsoft.graph.user", all.body.value, USER_SELECTABLE);
    const assigned = await t.client.post(
      `/v1.0/users/ana@villa.example/assignLicense?$select=${USER_SELECTABLE.join(",")}`,
      {
        addLicenses: [{ skuId: E5, disabledPlans: [] }],
        removeLicenses: [],
      },
    );
    expectConforms("microsoft.graph.user", [assigned.body], USER_SELECTABLE);
  });

  it("licenseAssignmentState in every state the emulator produces", async () => {
    const states = t.emu.state.users.flatMap((u) => u.licenseAssignmentStates);
    expect(new Set(states.map((s) => s.error))).toEqual(new Set(["None", "CountViolation"]));
    const reply = await t.client.get(`/v1.0/users?$top=999&$select=licenseAssignmentStates`);
    const shaped = reply.body.value.flatMap(
      (u: { licenseAssignmentStates: Record<string, unknown>[] }) => u.licenseAssignmentStates,
    );
    expectConforms("microsoft.graph.licenseAssignmentState", shaped);
  });

  it("group: defaults, every selectable property, assignLicense's answer, members", async () => {
    expectConforms("microsoft.graph.group", (await t.client.get("/v1.0/groups")).body.value);
    expectConforms(
      "microsoft.graph.group",
      (await t.client.get(`/v1.0/groups?$select=${GROUP_SELECTABLE.join(",")}`)).body.value,
      // group-list.md @ 0350b97e46788940241666a8f4b3f7780c13706d: hasMembersWithLicenseErrors "not returned in
      // the $select query" (only usable in $filter).
      GROUP_SELECTABLE.filter((p) => p !== "hasMembersWithLicenseErrors"),
    );
    const assigned = await t.client.post(`/v1.0/groups/${culture}/assignLicense`, {
      addLicenses: [],
      removeLicenses: [MCOEV],
    });
    expectConforms("microsoft.graph.group", [assigned.body]);
    // Members are directoryObjects carrying @odata.type user: check them as users.
    expectConforms(
      "microsoft.graph.user",
      (await t.client.get(`/v1.0/groups/${culture}/members?$top=999`)).body.value,
    );
    const errs = await t.client.get(
      `/v1.0/groups/${culture}/membersWithLicenseErrors?$select=${USER_SELECTABLE.join(",")}`,
    );
    expectConforms("microsoft.graph.user", errs.body.value, USER_SELECTABLE);
  });

  it("error bodies", async () => {
    const replies = await Promise.all([
      t.client.get("/v1.0/users/ghost@villa.example"),
      t.client.get("/v1.0/users", { token: null }),
      t.client.post("/v1.0/users/luis@villa.example/assignLicense", { addLicenses: [] }),
    ]);
    expectConforms(
      "microsoft.graph.publicErrorResponse",
      replies.map((r) => r.body),
    );
  });

  it("the checker itself flags what it should", () => {
    expect(
      conformance("microsoft.graph.subscribedSku", {
        consumedUnits: "14",
        servicePlans: null,
        skuid: "x",
        prepaidUnits: { enabled: 1.5 },
      }),
    ).toEqual([
      "microsoft.graph.subscribedSku.id: missing (required by microsoft.graph.subscribedSku)",
      'microsoft.graph.subscribedSku.consumedUnits: "14" is not an Int32 (Edm.Int32)',
      "microsoft.graph.subscribedSku.servicePlans: null, but microsoft.graph.subscribedSku.servicePlans is not nullable",
      "microsoft.graph.subscribedSku.skuid: not a property of microsoft.graph.subscribedSku",
      "microsoft.graph.subscribedSku.prepaidUnits.enabled: 1.5 is not an Int32 (Edm.Int32)",
    ]);
  });

  it("the checker flags what is missing, not only what is wrong: {} conforms to none of them", () => {
    const missing = (type: string, obj: Record<string, unknown>, opts = {}) =>
      conformance(type, obj, "x", opts)
        .filter((p) => p.endsWith(`missing (required by ${type})`))
        .map((p) => p.split(":")[0]);
    // A user without $select carries Graph's whole default set (user-list.md), null values included.
    expect(missing("microsoft.graph.user", {})).toEqual(
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
      ].map((p) => `x.${p}`),
    );
    // A subscribedSku carries every property the CSDL marks Nullable="false".
    expect(missing("microsoft.graph.subscribedSku", {})).toEqual(["x.id", "x.servicePlans"]);
    expect(missing("microsoft.graph.assignedLicense", {})).toEqual(["x.disabledPlans"]);
    // The error body: `error`, with its code and message (errors.md), though the CSDL leaves them nullable.
    expect(missing("microsoft.graph.publicErrorResponse", {})).toEqual(["x.error"]);
    expect(conformance("microsoft.graph.publicErrorResponse", { error: {} }, "x")).toEqual([
      "x.error.code: missing (required by microsoft.graph.publicError)",
      "x.error.message: missing (required by microsoft.graph.publicError)",
    ]);
    // With $select: exactly what was selected, whatever the default set or the CSDL say.
    expect(
      conformance("microsoft.graph.user", { id: "x", mail: null }, "u", {
        selected: ["usageLocation", "mail"],
      }),
    ).toEqual([
      "u.usageLocation: missing (required by microsoft.graph.user)",
      "u.id: returned but not selected",
    ]);
    expect(conformance("microsoft.graph.subscribedSku", { skuId: E5 }, "s", { selected: ["skuId"] })).toEqual(
      [],
    );
  });
});
