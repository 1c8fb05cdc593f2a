/**
 * The pure core: given what is asked, what the resource held and the live inventory, the delta. Table
 * tests, no Graph.
 */
import type { InventoryNumber } from "../../../src/teams/admin/port";
import { confirmedUserIds, planNumberAssignments, planWrites } from "../../../src/teams/numbers";
import type { NumberEntry, PlanInput } from "../../../src/teams/numbers";

const A = "id-ana";
const B = "id-bea";
const LOC = { p0: "lis-p0", p1: "lis-p1" };

const entry = (upn: string, number: string, extra: Partial<NumberEntry> = {}): NumberEntry => ({
  userPrincipalName: upn,
  number,
  numberType: "directRouting",
  emergencyLocation: "p0",
  category: "primary",
  ...extra,
});
const live = (
  number: string,
  holder: string | null,
  extra: Partial<InventoryNumber> = {},
): InventoryNumber => ({
  telephoneNumber: number,
  numberType: "directRouting",
  assignmentStatus: holder ? "userAssigned" : "unassigned",
  assignmentTargetId: holder,
  assignmentCategory: holder ? "primary" : null,
  locationId: holder ? "lis-p0" : null,
  ...extra,
});
const input = (over: Partial<PlanInput>): PlanInput => ({
  desired: [],
  held: [],
  heldUserIds: {},
  live: new Map(),
  userIds: new Map([
    ["ana@x", A],
    ["bea@x", B],
  ]),
  locationIds: LOC,
  ...over,
});
const inv = (...numbers: InventoryNumber[]) => new Map(numbers.map((n) => [n.telephoneNumber, n]));

describe("planNumberAssignments", () => {
  const cases: {
    name: string;
    input: PlanInput;
    expect: { unassign: string[]; assign: string[]; update: string[]; unchanged: number; writes: number };
  }[] = [
    {
      name: "a free number is assigned",
      input: input({ desired: [entry("ana@x", "+34911000001")], live: inv(live("+34911000001", null)) }),
      expect: { unassign: [], assign: ["+34911000001→id-ana"], update: [], unchanged: 0, writes: 1 },
    },
    {
      name: "a number already right is left alone (UPN case does not matter)",
      input: input({ desired: [entry("ANA@x", "+34911000001")], live: inv(live("+34911000001", A)) }),
      expect: { unassign: [], assign: [], update: [], unchanged: 1, writes: 0 },
    },
    {
      name: "same user and number, other location: one location update",
      input: input({
        desired: [entry("ana@x", "+34911000001", { emergencyLocation: "p1" })],
        live: inv(live("+34911000001", A)),
      }),
      expect: { unassign: [], assign: [], update: ["+34911000001@lis-p1"], unchanged: 0, writes: 1 },
    },
    {
      name: "locations not managed (no locationIds): a different live location is not touched",
      input: input({
        desired: [entry("ana@x", "+34911000001", { emergencyLocation: "p1" })],
        live: inv(live("+34911000001", A)),
        locationIds: undefined,
      }),
      expect: { unassign: [], assign: [], update: [], unchanged: 1, writes: 0 },
    },
    {
      name: "a number moving to another user: unassign, then assign",
      input: input({
        desired: [entry("bea@x", "+34911000001")],
        held: [entry("ana@x", "+34911000001")],
        heldUserIds: { "ana@x": A },
        live: inv(live("+34911000001", A)),
      }),
      expect: {
        unassign: ["+34911000001 move"],
        assign: ["+34911000001→id-bea after"],
        update: [],
        unchanged: 0,
        writes: 2,
      },
    },
    {
      name: "same user, other category: unassign, then assign",
      input: input({
        desired: [entry("ana@x", "+34911000001", { category: "private" })],
        live: inv(live("+34911000001", A)),
      }),
      expect: {
        unassign: ["+34911000001 category"],
        assign: ["+34911000001→id-ana after"],
        update: [],
        unchanged: 0,
        writes: 2,
      },
    },
    {
      name: "a held number no longer asked for is unassigned from our user",
      input: input({
        held: [entry("ana@x", "+34911000001")],
        heldUserIds: { "ana@x": A },
        live: inv(live("+34911000001", A)),
      }),
      expect: { unassign: ["+34911000001 removed"], assign: [], update: [], unchanged: 0, writes: 1 },
    },
    {
      name: "a held number that someone else holds now is not ours to unassign",
      input: input({
        held: [entry("ana@x", "+34911000001")],
        heldUserIds: { "ana@x": A },
        live: inv(live("+34911000001", "id-someone-else")),
      }),
      expect: { unassign: [], assign: [], update: [], unchanged: 0, writes: 0 },
    },
    {
      name: "two users swap numbers: both unassigned, both assigned after",
      input: input({
        desired: [entry("ana@x", "+34911000002"), entry("bea@x", "+34911000001")],
        held: [entry("ana@x", "+34911000001"), entry("bea@x", "+34911000002")],
        heldUserIds: { "ana@x": A, "bea@x": B },
        live: inv(live("+34911000001", A), live("+34911000002", B)),
      }),
      expect: {
        unassign: ["+34911000002 move", "+34911000001 move"],
        assign: ["+34911000002→id-ana after", "+34911000001→id-bea after"],
        update: [],
        unchanged: 0,
        writes: 4,
      },
    },
    {
      name: "a number the inventory lacks is still sent (the service says why it fails)",
      input: input({ desired: [entry("ana@x", "+34911999999")] }),
      expect: { unassign: [], assign: ["+34911999999→id-ana"], update: [], unchanged: 0, writes: 1 },
    },
  ];

  it.each(cases)("$name", ({ input: given, expect: want }) => {
    const plan = planNumberAssignments(given);
    expect(plan.unassign.map((u) => `${u.telephoneNumber} ${u.why}`)).toEqual(want.unassign);
    expect(
      plan.assign.map(
        (a) =>
          `${a.request.telephoneNumber}→${a.request.assignmentTargetId}${a.afterUnassign ? " after" : ""}`,
      ),
    ).toEqual(want.assign);
    expect(plan.updateLocation.map((u) => `${u.telephoneNumber}@${u.locationId}`)).toEqual(want.update);
    expect(plan.unchanged).toHaveLength(want.unchanged);
    expect(planWrites(plan)).toBe(want.writes);
  });

  it("assigns with the Teams location the definition's location maps to, or none when unmanaged", () => {
    const desired = [entry("ana@x", "+34911000001", { emergencyLocation: "p1", category: "private" })];
    const managed = planNumberAssignments(input({ desired }));
    expect(managed.assign[0].request).toEqual({
      telephoneNumber: "+34911000001",
      numberType: "directRouting",
      assignmentTargetId: A,
      assignmentCategory: "private",
      locationId: "lis-p1",
    });
    expect(
      planNumberAssignments(input({ desired, locationIds: undefined })).assign[0].request.locationId,
    ).toBeNull();
  });

  it("reports users that resolve to nobody and type conflicts, without writing", () => {
    const plan = planNumberAssignments(
      input({
        desired: [
          entry("ghost@x", "+34911000001"),
          entry("ana@x", "+34911000002", { numberType: "callingPlan" }),
        ],
        live: inv(live("+34911000002", null)),
      }),
    );
    expect(plan.unresolved.map((e) => e.userPrincipalName)).toEqual(["ghost@x"]);
    expect(plan.conflicts.map((c) => c.reason)).toEqual([
      "the inventory has +34911000002 as a directRouting number, the definition says callingPlan",
    ]);
    expect(planWrites(plan)).toBe(0);
  });

  it("trusts a stored user id only while the inventory shows one of the user's numbers with it", () => {
    const held = [entry("ana@x", "+34911000001"), entry("bea@x", "+34911000002")];
    const confirmed = confirmedUserIds(
      held,
      { "ana@x": A, "bea@x": B },
      inv(live("+34911000001", A), live("+34911000002", null)),
    );
    expect([...confirmed]).toEqual([["ana@x", A]]);
  });
});
