import { teamsArea } from "../../../src/emulator/state/teams";
import { operationStats } from "../../../src/emulator/state/teamsOperations";
import { E5, startTestEmulator, type Reply, type TestEmulator } from "../helpers/client";
import { actionPayloadConformance, conformance } from "../helpers/graphConformance";

const BASE = "/v1.0/admin/teams/telephoneNumberManagement";
const NS = "microsoft.graph.teamsAdministration";

describe("Teams number management (Graph v1.0)", () => {
  let t: TestEmulator;
  let ana: string;
  let luis: string;
  let pedro: string;

  const assign = (body: Record<string, unknown>, qualified = false) =>
    t.client.post(`${BASE}/numberAssignments/${qualified ? `${NS}.` : ""}assignNumber`, body);
  const unassign = (body: Record<string, unknown>) =>
    t.client.post(`${BASE}/numberAssignments/unassignNumber`, body);
  /** Runs an accepted operation to its end on the manual clock and returns it. */
  const finish = async (reply: Reply) => {
    expect(reply.status).toBe(202);
    t.clock.advance(3000);
    return (await t.client.get(String(reply.headers.location))).body;
  };
  const numberOf = async (n: string) =>
    // '+' must be percent-encoded in a query string (a bare '+' means a space).
    (
      await t.client.get(
        `${BASE}/numberAssignments?$filter=${encodeURIComponent(`telephoneNumber eq '${n}'`)}`,
      )
    ).body.value[0];

  beforeAll(async () => {
    t = await startTestEmulator();
    [ana, luis, pedro] = ["ana", "luis", "pedro"].map((u) => t.emu.state.findUser(`${u}@villa.example`)!.id);
    for (const upn of ["ana@villa.example", "pedro@villa.example"]) {
      await t.client.post(`/v1.0/users/${upn}/assignLicense`, {
        addLicenses: [{ skuId: E5, disabledPlans: [] }],
        removeLicenses: [],
      });
    }
  });
  afterAll(() => t.stop());
  beforeEach(() => {
    Object.assign(t.emu.faults, {
      rate429: 0,
      rate503: 0,
      dropRate: 0,
      numberOperationFailureRate: 0,
      failingNumbers: undefined,
      routes: undefined,
    });
  });

  describe("inventory", () => {
    it("seeds every number of the fixture's range, storing none of them individually", () => {
      const area = teamsArea(t.emu.state);
      expect(area.numberRanges).toEqual([
        expect.objectContaining({
          id: "main",
          numberType: "directRouting",
          start: "+34915550000",
          end: "+34915559999",
          isoCountryCode: "ES",
        }),
      ]);
      expect(Object.keys(area.numbers).length).toBeLessThan(10);
    });

    it("pages with $top/$skip (default 500) and offers a nextLink that repeats the query", async () => {
      const first = await t.client.get(`${BASE}/numberAssignments`);
      expect(first.body.value).toHaveLength(500);
      expect(first.body.value[0].telephoneNumber).toBe("+34915550000");
      const page = await t.client.get(`${BASE}/numberAssignments?$top=3&$skip=9998`);
      expect(page.body.value.map((n: { telephoneNumber: string }) => n.telephoneNumber)).toEqual([
        "+34915559998",
        "+34915559999",
      ]);
      expect(page.body["@odata.nextLink"]).toBeUndefined();
      const mid = await t.client.get(`${BASE}/numberAssignments?$top=2&$skip=10`);
      expect(mid.body["@odata.nextLink"]).toBe(
        `${t.emu.url.replace(/\/$/, "")}${BASE}/numberAssignments?$top=2&$skip=12`,
      );
      const next = await t.client.get(mid.body["@odata.nextLink"]);
      expect(next.body.value[0].telephoneNumber).toBe("+34915550012");
    });

    it("refuses $top above 1000, a negative $skip and filters on id or city", async () => {
      expect((await t.client.get(`${BASE}/numberAssignments?$top=1001`)).status).toBe(400);
      expect((await t.client.get(`${BASE}/numberAssignments?$skip=-1`)).status).toBe(400);
      const city = await t.client.get(`${BASE}/numberAssignments?$filter=city eq 'Madrid'`);
      expect(city.status).toBe(400);
      expect(city.body.error.code).toBe("Request_UnsupportedQuery");
    });

    it("filters on numberType (any casing), telephoneNumber (with or without +), capabilities/any", async () => {
      const typed = await t.client.get(
        `${BASE}/numberAssignments?$top=5&$filter=numberType eq 'DirectRouting'`,
      );
      expect(typed.body.value).toHaveLength(5);
      expect(
        (await t.client.get(`${BASE}/numberAssignments?$filter=numberType eq 'callingPlan'`)).body.value,
      ).toEqual([]);
      const one = await t.client.get(`${BASE}/numberAssignments?$filter=telephoneNumber eq '34915550042'`);
      expect(one.body.value.map((n: { telephoneNumber: string }) => n.telephoneNumber)).toEqual([
        "+34915550042",
      ]);
      const lambda = await t.client.get(
        `${BASE}/numberAssignments?$top=1&$filter=assignmentStatus eq 'unassigned' and capabilities/any(c:c eq 'userAssignment')`,
      );
      expect(lambda.body.value).toHaveLength(1);
    });

    it("gets one number by its opaque id; an unknown id is 404", async () => {
      const n = await numberOf("+34915550007");
      const one = await t.client.get(`${BASE}/numberAssignments/${n.id}`);
      expect(one.body.telephoneNumber).toBe("+34915550007");
      expect((await t.client.get(`${BASE}/numberAssignments/bm9wZQ`)).status).toBe(404);
    });
  });

  describe("assignNumber / unassignNumber", () => {
    it("202 + Location; the operation goes notStarted → running → succeeded in both URL forms", async () => {
      const reply = await assign({
        telephoneNumber: "34915550001",
        assignmentTargetId: ana,
        numberType: "directRouting",
      });
      expect(reply.status).toBe(202);
      expect(reply.text).toBe("");
      const location = String(reply.headers.location);
      expect(location).toMatch(
        /^https:\/\/127\.0\.0\.1:\d+\/v1\.0\/admin\/teams\/telephoneNumberManagement\/operations\('[\w-]+'\)$/,
      );
      const id = /operations\('([^']+)'\)/.exec(location)![1];
      expect((await t.client.get(location)).body.status).toBe("notStarted");
      t.clock.advance(1000);
      const running = await t.client.get(`${BASE}/operations/${id}`);
      expect(running.body.status).toBe("running");
      expect(running.body.numbers[0].status).toBe("running");
      t.clock.advance(2000);
      const done = await t.client.get(`${BASE}/operations/${id}`);
      expect(done.body).toMatchObject({
        id,
        status: "succeeded",
        numbers: [{ status: "succeeded", statusDetail: null }],
      });
      expect(done.body.numbers[0].resourceLocation).toContain(`${BASE}/numberAssignments/`);
      expect(await numberOf("+34915550001")).toMatchObject({
        assignmentStatus: "userAssigned",
        assignmentTargetId: ana,
        assignmentCategory: "primary",
      });
      const assigned = await t.client.get(`${BASE}/numberAssignments?$filter=assignmentTargetId eq '${ana}'`);
      expect(assigned.body.value).toHaveLength(1);
    });

    it("accepts the namespace-qualified action name", async () => {
      const op = await finish(
        await assign(
          { telephoneNumber: "+34915550002", assignmentTargetId: pedro, numberType: "directRouting" },
          true,
        ),
      );
      expect(op.status).toBe("succeeded");
    });

    it.each([
      ["the number is not in the inventory", { telephoneNumber: "+34911111111" }, "is not found from tenant"],
      [
        "the user does not exist",
        { assignmentTargetId: "00000000-0000-0000-0000-000000000000" },
        "User '00000000",
      ],
      [
        "the user has no Teams Phone licence",
        { assignmentTargetId: "LUIS" },
        "lacks appropriate licenses to assign a 'DirectRouting' number",
      ],
      [
        "the number is someone else's",
        { telephoneNumber: "+34915550001", assignmentTargetId: "PEDRO" },
        "has already been assigned to another user",
      ],
      [
        "the location does not exist",
        { locationId: "no-such-location" },
        "Location 'no-such-location' is not found",
      ],
      [
        "the number type does not match the inventory",
        { numberType: "callingPlan" },
        "is a 'DirectRouting' number, not 'CallingPlan'",
      ],
      [
        "the user already has a primary number",
        { telephoneNumber: "+34915550003", assignmentTargetId: "ANA" },
        "already has the primary number '+34915550001'",
      ],
    ])("fails per number when %s, with the service's reason", async (_what, change, reason) => {
      const ids: Record<string, string> = { LUIS: luis, PEDRO: pedro, ANA: ana };
      const body: Record<string, unknown> = {
        telephoneNumber: "+34915550050",
        assignmentTargetId: ana,
        numberType: "directRouting",
        assignmentCategory: "private",
        ...change,
      };
      body.assignmentTargetId = ids[body.assignmentTargetId as string] ?? body.assignmentTargetId;
      if ((change as Record<string, unknown>).telephoneNumber === "+34915550003")
        body.assignmentCategory = "primary";
      const op = await finish(await assign(body));
      expect(op.status).toBe("failed");
      expect(op.numbers[0].status).toBe("failed");
      expect(op.numbers[0].statusDetail).toContain(reason);
    });

    it("two operations racing for one number: the first to complete wins", async () => {
      const a = await assign({
        telephoneNumber: "+34915550060",
        assignmentTargetId: ana,
        numberType: "directRouting",
        assignmentCategory: "alternate",
      });
      const b = await assign({
        telephoneNumber: "+34915550060",
        assignmentTargetId: pedro,
        numberType: "directRouting",
        assignmentCategory: "alternate",
      });
      t.clock.advance(3000);
      const [oa, ob] = await Promise.all([a, b].map((r) => t.client.get(String(r.headers.location))));
      expect(oa.body.status).toBe("succeeded");
      expect(ob.body.numbers[0].statusDetail).toContain("already been assigned to another user");
    });

    it("unassigns, after which the number is someone else's to take; unassigning again fails", async () => {
      expect(
        (await finish(await unassign({ telephoneNumber: "+34915550060", numberType: "directRouting" })))
          .status,
      ).toBe("succeeded");
      expect(await numberOf("+34915550060")).toMatchObject({
        assignmentStatus: "unassigned",
        assignmentTargetId: null,
        assignmentCategory: null,
      });
      const again = await finish(
        await unassign({ telephoneNumber: "+34915550060", numberType: "directRouting" }),
      );
      expect(again.numbers[0].statusDetail).toContain("is not assigned");
      const taken = await finish(
        await assign({
          telephoneNumber: "+34915550060",
          assignmentTargetId: pedro,
          numberType: "directRouting",
          assignmentCategory: "alternate",
        }),
      );
      expect(taken.status).toBe("succeeded");
    });

    it("400 for payloads the CSDL rejects: missing parameters, unknown ones, enum casing, bad numbers", async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ telephoneNumber: "+34915550070", numberType: "directRouting" }, "assignmentTargetId"],
        [
          { telephoneNumber: "+34915550070", assignmentTargetId: ana, numberType: "directRouting", extra: 1 },
          "'extra'",
        ],
        [
          { telephoneNumber: "+34915550070", assignmentTargetId: ana, numberType: "DirectRouting" },
          "numberType",
        ],
        [
          { telephoneNumber: "tel:12", assignmentTargetId: ana, numberType: "directRouting" },
          "not a valid telephone number",
        ],
      ];
      for (const [body, text] of cases) {
        const reply = await assign(body);
        expect(reply.status).toBe(400);
        expect(reply.body.error.message).toContain(text);
      }
      expect((await unassign({ telephoneNumber: "+34915550070" })).status).toBe(400);
    });

    it("unknown operations are 404", async () => {
      expect((await t.client.get(`${BASE}/operations('bm9wZQ')`)).status).toBe(404);
    });
  });

  describe("updateNumber", () => {
    let location: string;
    beforeAll(async () => {
      const reply = await t.client.post(
        "/_emulator/teams/powershell",
        {
          id: 1,
          cmdlet: "New-CsOnlineLisCivicAddress",
          parameters: {
            CompanyName: "Ayuntamiento",
            CountryOrRegion: "ES",
            City: "Villa",
            Latitude: "40.4168",
            Longitude: "-3.7038",
          },
        },
        { token: null },
      );
      location = reply.body.result.DefaultLocationId;
    });

    it("sets a location synchronously (200), keeps it on null, clears it on an empty string", async () => {
      const set = await t.client.post(`${BASE}/numberAssignments/updateNumber`, {
        telephoneNumber: "+34915550001",
        locationId: location,
      });
      expect(set.status).toBe(200);
      expect((await numberOf("+34915550001")).locationId).toBe(location);
      await t.client.post(`${BASE}/numberAssignments/${NS}.updateNumber`, {
        telephoneNumber: "+34915550001",
        locationId: null,
      });
      expect((await numberOf("+34915550001")).locationId).toBe(location);
      await t.client.post(`${BASE}/numberAssignments/updateNumber`, {
        telephoneNumber: "+34915550001",
        locationId: "",
      });
      expect((await numberOf("+34915550001")).locationId).toBeNull();
    });

    it("404 for a number outside the inventory, 400 for an unknown location", async () => {
      expect(
        (
          await t.client.post(`${BASE}/numberAssignments/updateNumber`, {
            telephoneNumber: "+1999",
            locationId: "",
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await t.client.post(`${BASE}/numberAssignments/updateNumber`, {
            telephoneNumber: "+34915550001",
            locationId: "x",
          })
        ).status,
      ).toBe(400);
    });
  });

  describe("faults, counters, conformance", () => {
    it("injected operation failures end `failed` with the service-unavailable reason", async () => {
      t.emu.faults.numberOperationFailureRate = 1;
      const op = await finish(
        await assign({
          telephoneNumber: "+34915550080",
          assignmentTargetId: ana,
          numberType: "directRouting",
          assignmentCategory: "alternate",
        }),
      );
      expect(op).toMatchObject({
        status: "failed",
        numbers: [{ statusDetail: "Service is unavailable. Please try again" }],
      });
    });

    it("failingNumbers fails exactly the listed numbers' operations and location updates, while listed", async () => {
      t.emu.faults.failingNumbers = ["34915550081"];
      const request = (n: string) => ({
        telephoneNumber: n,
        assignmentTargetId: pedro,
        numberType: "directRouting",
        assignmentCategory: "private",
      });
      const failed = await finish(await assign(request("+34915550081")));
      expect(failed).toMatchObject({
        status: "failed",
        numbers: [{ statusDetail: "Service is unavailable. Please try again" }],
      });
      expect(teamsArea(t.emu.state).operations[failed.id as string].injectedFailure).toBe(true);
      const update = (n: string) =>
        t.client.post(`${BASE}/numberAssignments/updateNumber`, { telephoneNumber: n, locationId: "" });
      const refused = await update("+34915550081");
      expect(refused.status).toBe(500);
      expect(refused.body.error.message).toBe("Service is unavailable. Please try again");
      // Another number is untouched by the fault.
      expect((await update("+34915550082")).status).toBe(200);
      // Off the list, the same request goes through.
      t.emu.faults.failingNumbers = [];
      expect(await finish(await assign(request("+34915550081")))).toMatchObject({ status: "succeeded" });
      expect((await update("+34915550081")).status).toBe(200);
      await finish(await unassign({ telephoneNumber: "+34915550081", numberType: "directRouting" }));
    });

    it("429/503 injection reaches these routes; writes are counted per route", async () => {
      t.emu.counters.reset();
      Object.assign(t.emu.faults, { rate429: 1, routes: ["numberAssignments"] });
      const throttled = await assign({
        telephoneNumber: "+34915550081",
        assignmentTargetId: ana,
        numberType: "directRouting",
      });
      expect(throttled.status).toBe(429);
      expect(throttled.headers["retry-after"]).toBe("1");
      Object.assign(t.emu.faults, { rate429: 0, rate503: 1 });
      expect((await t.client.get(`${BASE}/numberAssignments?$top=1`)).status).toBe(503);
      Object.assign(t.emu.faults, { rate503: 0, routes: undefined });
      await unassign({ telephoneNumber: "+34915550002", numberType: "directRouting" });
      const counts = t.emu.counters.snapshot().byRoute;
      expect(counts[`POST ${BASE}/numberAssignments/assignNumber`]).toMatchObject({
        requests: 1,
        writes: 0,
        throttled: 1,
      });
      expect(counts[`POST ${BASE}/numberAssignments/unassignNumber`]).toMatchObject({
        requests: 1,
        writes: 1,
      });
    });

    it("tracks operations in flight", async () => {
      const before = operationStats(t.emu.state);
      await assign({
        telephoneNumber: "+34915550090",
        assignmentTargetId: pedro,
        numberType: "directRouting",
        assignmentCategory: "private",
      });
      await assign({
        telephoneNumber: "+34915550091",
        assignmentTargetId: ana,
        numberType: "directRouting",
        assignmentCategory: "private",
      });
      expect(operationStats(t.emu.state).inFlight).toBe(before.inFlight + 2);
      t.clock.advance(3000);
      await t.client.get(`${BASE}/numberAssignments?$top=1`);
      expect(operationStats(t.emu.state).inFlight).toBe(0);
      expect(operationStats(t.emu.state).maxInFlight).toBeGreaterThanOrEqual(2);
    });

    it("numbers, operations and error bodies conform to graph-v1-subset.json", async () => {
      const list = await t.client.get(`${BASE}/numberAssignments?$filter=assignmentStatus eq 'userAssigned'`);
      expect(list.body.value.length).toBeGreaterThan(0);
      const page = await t.client.get(`${BASE}/numberAssignments?$top=3`);
      const items = [...list.body.value, ...page.body.value];
      expect(items.flatMap((n: Record<string, unknown>) => conformance(`${NS}.numberAssignment`, n))).toEqual(
        [],
      );
      const ops = Object.keys(teamsArea(t.emu.state).operations);
      for (const id of ops.slice(0, 5)) {
        const op = await t.client.get(`${BASE}/operations/${id}`);
        expect(conformance(`${NS}.telephoneNumberLongRunningOperation`, op.body)).toEqual([]);
      }
      const err = await assign({});
      expect(conformance("microsoft.graph.publicErrorResponse", err.body)).toEqual([]);
    });

    it("the payloads the tests send conform to the actions' CSDL parameters", () => {
      expect(
        actionPayloadConformance(`${NS}.assignNumber`, {
          telephoneNumber: "+34915550001",
          assignmentTargetId: ana,
          numberType: "directRouting",
          assignmentCategory: "primary",
          locationId: null,
        }),
      ).toEqual([]);
      expect(
        actionPayloadConformance(`${NS}.assignNumber`, {
          telephoneNumber: "+1",
          numberType: "DirectRouting",
        }),
      ).toEqual([
        'assignNumber.numberType: "DirectRouting" is not a member of microsoft.graph.teamsAdministration.numberType (microsoft.graph.teamsAdministration.numberType)',
        "assignNumber.assignmentTargetId: missing non-nullable parameter",
      ]);
    });
  });
});
