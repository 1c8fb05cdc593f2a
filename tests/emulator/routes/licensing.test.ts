import { servicePlanIdFor } from "../../../src/emulator/state/skuCatalog";
import { E5, MCOEV, startTestEmulator, type TestEmulator } from "../helpers/client";

const YAMMER = servicePlanIdFor("YAMMER_ENTERPRISE");

describe("licensing", () => {
  let t: TestEmulator;
  let culture: string;
  let mobility: string;
  const groupId = async (name: string) =>
    (await t.client.get(`/v1.0/groups?$filter=${encodeURIComponent(`displayName eq '${name}'`)}`)).body
      .value[0].id as string;
  const sku = async (skuId: string) =>
    (await t.client.get("/v1.0/subscribedSkus")).body.value.find((s: { skuId: string }) => s.skuId === skuId);
  const states = async (upn: string) =>
    (await t.client.get(`/v1.0/users/${upn}?$select=licenseAssignmentStates,assignedLicenses`)).body;

  beforeEach(async () => {
    t = await startTestEmulator();
    culture = await groupId("grp-vp-culture");
    mobility = await groupId("grp-vp-mobility");
  });
  afterEach(() => t.stop());

  describe("POST /users/{id}/assignLicense", () => {
    it("assigns directly, answers 200 with the user, and consumes a seat", async () => {
      const reply = await t.client.post(
        "/v1.0/users/luis@villa.example/assignLicense?$select=id,assignedLicenses",
        {
          addLicenses: [{ skuId: E5, disabledPlans: [YAMMER] }],
          removeLicenses: [],
        },
      );
      expect(reply.status).toBe(200);
      expect(reply.body.assignedLicenses).toEqual([{ skuId: E5, disabledPlans: [YAMMER] }]);
      expect((await sku(E5)).consumedUnits).toBe(1);
      const s = await states("luis@villa.example");
      expect(s.licenseAssignmentStates).toEqual([
        {
          assignedByGroup: null,
          disabledPlans: [YAMMER],
          error: "None",
          lastUpdatedDateTime: "2026-01-01T08:00:00Z",
          skuId: E5,
          state: "Active",
        },
      ]);
      const removed = await t.client.post("/v1.0/users/luis@villa.example/assignLicense", {
        addLicenses: [],
        removeLicenses: [E5],
      });
      expect(removed.status).toBe(200);
      expect((await sku(E5)).consumedUnits).toBe(0);
    });

    it.each([
      [
        "an unknown SKU",
        {
          addLicenses: [{ skuId: "11111111-1111-1111-1111-111111111111", disabledPlans: [] }],
          removeLicenses: [],
        },
        /does not correspond to a valid company License/,
      ],
      [
        "a plan not in the SKU",
        { addLicenses: [{ skuId: MCOEV, disabledPlans: [YAMMER] }], removeLicenses: [] },
        /not part of license/,
      ],
      ["a missing removeLicenses", { addLicenses: [] }, /missing parameters are: removeLicenses/],
      [
        "removing a licence the user lacks",
        { addLicenses: [], removeLicenses: [E5] },
        /does not have a corresponding license/,
      ],
    ])("refuses %s with 400 Request_BadRequest", async (_what, body, message) => {
      const reply = await t.client.post("/v1.0/users/luis@villa.example/assignLicense", body);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe("Request_BadRequest");
      expect(reply.body.error.message).toMatch(message);
    });

    it("refuses a user without usage location", async () => {
      t.emu.state.findUser("luis@villa.example")!.usageLocation = null;
      const reply = await t.client.post("/v1.0/users/luis@villa.example/assignLicense", {
        addLicenses: [{ skuId: E5 }],
        removeLicenses: [],
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toBe(
        "License assignment cannot be done for user with invalid usage location.",
      );
    });

    it("refuses the seat after the last one", async () => {
      const upns = t.emu.state.users.slice(0, 11).map((u) => u.userPrincipalName);
      for (const upn of upns.slice(0, 10)) {
        expect(
          (
            await t.client.post(`/v1.0/users/${upn}/assignLicense`, {
              addLicenses: [{ skuId: MCOEV }],
              removeLicenses: [],
            })
          ).status,
        ).toBe(200);
      }
      const reply = await t.client.post(`/v1.0/users/${upns[10]}/assignLicense`, {
        addLicenses: [{ skuId: MCOEV }],
        removeLicenses: [],
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toBe(
        `Subscription with SKU ${MCOEV} does not have any available licenses.`,
      );
    });

    it("answers 404 for an unknown user", async () => {
      const reply = await t.client.post("/v1.0/users/ghost@villa.example/assignLicense", {
        addLicenses: [],
        removeLicenses: [],
      });
      expect(reply.status).toBe(404);
    });
  });

  describe("POST /groups/{id}/assignLicense", () => {
    it("answers 202 with the group and an absolute https Location, then processes on the clock", async () => {
      const reply = await t.client.post(`/v1.0/groups/${mobility}/assignLicense`, {
        addLicenses: [{ skuId: E5, disabledPlans: [YAMMER] }],
        removeLicenses: [],
      });
      expect(reply.status).toBe(202);
      expect(reply.body.id).toBe(mobility);
      expect(reply.headers.location).toBe(
        `${t.emu.url}v2/${t.emu.tenantId}/directoryObjects/${mobility}/Microsoft.DirectoryServices.Group`,
      );
      const processing = async () =>
        (await t.client.get(`/v1.0/groups/${mobility}?$select=licenseProcessingState,assignedLicenses`)).body;
      expect(await processing()).toMatchObject({
        licenseProcessingState: { state: "QueuedForProcessing" },
        assignedLicenses: [{ skuId: E5, disabledPlans: [YAMMER] }],
      });
      expect((await states("luis@villa.example")).assignedLicenses).toEqual([]);
      t.clock.advance(500);
      expect((await processing()).licenseProcessingState).toEqual({ state: "ProcessingInProgress" });
      t.clock.advance(1500);
      expect((await processing()).licenseProcessingState).toEqual({ state: "ProcessingComplete" });
      const luis = await states("luis@villa.example");
      expect(luis.licenseAssignmentStates).toEqual([
        {
          assignedByGroup: mobility,
          disabledPlans: [YAMMER],
          error: "None",
          lastUpdatedDateTime: "2026-01-01T08:00:02Z",
          skuId: E5,
          state: "Active",
        },
      ]);
      expect((await sku(E5)).consumedUnits).toBe(30);
    });

    it("runs out of seats like the tenant: CountViolation beyond the free seats, listed in membersWithLicenseErrors", async () => {
      // MCOEV has 10 seats; culture has 40 members.
      await t.client.post(`/v1.0/groups/${culture}/assignLicense`, {
        addLicenses: [{ skuId: MCOEV, disabledPlans: [] }],
        removeLicenses: [],
      });
      t.clock.advance(2000);
      expect((await sku(MCOEV)).consumedUnits).toBe(10);
      const errors: { id: string }[] = [];
      let url: string | undefined = `/v1.0/groups/${culture}/membersWithLicenseErrors?$top=20&$select=id`;
      while (url) {
        const page = await t.client.get(url);
        errors.push(...page.body.value);
        url = page.body["@odata.nextLink"];
      }
      expect(errors).toHaveLength(30);
      const errored = t.emu.state.findUser(errors[0].id)!;
      expect(errored.licenseAssignmentStates).toEqual([
        expect.objectContaining({
          skuId: MCOEV,
          assignedByGroup: culture,
          state: "Error",
          error: "CountViolation",
        }),
      ]);
      const flagged = await t.client.get(
        `/v1.0/groups?$filter=${encodeURIComponent("hasMembersWithLicenseErrors eq true")}`,
      );
      expect(flagged.body.value.map((g: { id: string }) => g.id)).toEqual([culture]);
    });

    it("gives a member none of the group's new SKUs when one of them has no seat", async () => {
      await t.client.post(`/v1.0/groups/${culture}/assignLicense`, {
        addLicenses: [
          { skuId: E5, disabledPlans: [] },
          { skuId: MCOEV, disabledPlans: [] },
        ],
        removeLicenses: [],
      });
      t.clock.advance(2000);
      expect((await sku(E5)).consumedUnits).toBe(10);
      expect((await sku(MCOEV)).consumedUnits).toBe(10);
    });

    it("frees seats when the licence is removed, and reprocessing then clears the errors", async () => {
      await t.client.post(`/v1.0/groups/${culture}/assignLicense`, {
        addLicenses: [{ skuId: MCOEV }],
        removeLicenses: [],
      });
      t.clock.advance(2000);
      const removed = await t.client.post(`/v1.0/groups/${culture}/assignLicense`, {
        addLicenses: [],
        removeLicenses: [MCOEV],
      });
      expect(removed.status).toBe(202);
      t.clock.advance(2000);
      expect((await sku(MCOEV)).consumedUnits).toBe(0);
      const errs = await t.client.get(`/v1.0/groups/${culture}/membersWithLicenseErrors`);
      expect(errs.body.value).toEqual([]);
    });

    it("changes disabled plans of members already licensed without taking new seats", async () => {
      await t.client.post(`/v1.0/groups/${mobility}/assignLicense`, {
        addLicenses: [{ skuId: E5, disabledPlans: [] }],
        removeLicenses: [],
      });
      t.clock.advance(2000);
      await t.client.post(`/v1.0/groups/${mobility}/assignLicense`, {
        addLicenses: [{ skuId: E5, disabledPlans: [YAMMER] }],
        removeLicenses: [],
      });
      t.clock.advance(2000);
      expect((await sku(E5)).consumedUnits).toBe(30);
      expect((await states("luis@villa.example")).assignedLicenses).toEqual([
        { skuId: E5, disabledPlans: [YAMMER] },
      ]);
    });

    it.each([
      [
        "an unknown SKU",
        { addLicenses: [{ skuId: "11111111-1111-1111-1111-111111111111" }], removeLicenses: [] },
        400,
      ],
      ["removing a licence the group lacks", { addLicenses: [], removeLicenses: [E5] }, 400],
      ["a body without addLicenses", { removeLicenses: [] }, 400],
    ])("refuses %s", async (_what, body, status) => {
      const reply = await t.client.post(`/v1.0/groups/${culture}/assignLicense`, body);
      expect(reply.status).toBe(status);
      expect(reply.body.error.code).toBe("Request_BadRequest");
    });

    it("answers 404 for an unknown group", async () => {
      const reply = await t.client.post("/v1.0/groups/00000000-0000-0000-0000-000000000001/assignLicense", {
        addLicenses: [],
        removeLicenses: [],
      });
      expect(reply.status).toBe(404);
    });
  });

  it("serves a SKU by its {tenantId}_{skuId} id, and supports $select only", async () => {
    const one = await t.client.get(
      `/v1.0/subscribedSkus/${t.emu.tenantId}_${MCOEV}?$select=skuPartNumber,prepaidUnits`,
    );
    expect(one.body).toMatchObject({
      skuPartNumber: "MCOEV",
      prepaidUnits: { enabled: 10, lockedOut: 0, suspended: 0, warning: 0 },
    });
    expect(
      (await t.client.get(`/v1.0/subscribedSkus?$filter=${encodeURIComponent("skuPartNumber eq 'MCOEV'")}`))
        .status,
    ).toBe(400);
  });
});
