/**
 * check (failures naming the entry), diff (order-insensitive, only real changes), and apply's ordering and
 * partial-failure bookkeeping against an in-memory backend that can be told to fail one operation.
 */
import type {
  InventoryNumber,
  NumberAssignRequest,
  NumberOperationOutcome,
} from "../../../src/teams/admin/port";
import {
  applyNumberAssignments,
  checkInputs,
  diffNumberAssignments,
  isNumberAssignmentsFailure,
} from "../../../src/teams/numbers";
import type { NumberEntry, NumbersBackend } from "../../../src/teams/numbers";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const entry = (upn: string, number: string, extra: Partial<NumberEntry> = {}): NumberEntry => ({
  userPrincipalName: upn,
  number,
  numberType: "directRouting",
  emergencyLocation: "p0",
  category: "primary",
  ...extra,
});

describe("check", () => {
  it("accepts and sorts a valid set", () => {
    const { inputs, failures } = checkInputs({
      department: "culture",
      assignments: [entry("b@x", "+34911000002"), entry("a@x", "+34911000001")],
      locationIds: { p0: "lis-0" },
    });
    expect(failures).toEqual([]);
    expect(inputs.assignments.map((e) => e.number)).toEqual(["+34911000001", "+34911000002"]);
  });

  it("names the entry in every failure", () => {
    const { failures } = checkInputs({
      department: "culture",
      locationIds: { p0: "lis-0" },
      assignments: [
        entry("a@x", "+34911000001"),
        entry("b@x", "+34911000001"),
        entry("a@x", "+34911000003"),
        entry("c@x", "0034911000004"),
        entry("d@x", "+34911000005", { emergencyLocation: "roof" }),
        entry("e@x", "+34911000006", { category: "boss" as never }),
        entry("f@x", "+34911000007", { category: "private" }),
        entry("F@x", "+34911000008", { category: "private" }),
      ],
    });
    expect(failures).toEqual([
      {
        property: "assignments[1].number",
        reason:
          'entry 1 ("b@x" → "+34911000001"): number +34911000001 is already listed in entry 0; a number has one holder',
      },
      {
        property: "assignments[2].category",
        reason: 'entry 2 ("a@x" → "+34911000003"): user a@x already has a primary number in entry 0',
      },
      {
        property: "assignments[3].number",
        reason:
          'entry 3 ("c@x" → "0034911000004"): the number must be E.164: \'+\', country code and subscriber number, digits only',
      },
      {
        property: "assignments[4].emergencyLocation",
        reason: 'entry 4 ("d@x" → "+34911000005"): location "roof" is not in locationIds (known: p0)',
      },
      {
        property: "assignments[5].category",
        reason: 'entry 5 ("e@x" → "+34911000006"): category must be one of primary, private, alternate',
      },
      {
        property: "assignments[7].category",
        reason: 'entry 7 ("F@x" → "+34911000008"): user F@x already has a private number in entry 6',
      },
    ]);
  });

  it("cannot check locations not known yet (preview) and does not fail on them", () => {
    expect(
      checkInputs({ department: "d", assignments: [entry("a@x", "+34911000001")], locationIds: UNKNOWN })
        .failures,
    ).toEqual([]);
  });
});

describe("diff", () => {
  const olds = {
    department: "culture",
    assignments: [entry("a@x", "+34911000001"), entry("b@x", "+34911000002")],
    locationIds: { p0: "lis-0" },
    userIds: { "a@x": "1", "b@x": "2" },
    failed: [],
    __provider: "old code",
  };

  it("sees no change for the same set in another order, UPN casing, or a new provider build", () => {
    const news = {
      department: "culture",
      assignments: [entry("B@X", "+34911000002"), entry("a@x", "+34911000001")],
      locationIds: { p0: "lis-0" },
      __provider: "new code",
    };
    expect(diffNumberAssignments(olds, news)).toEqual({ changes: false, replaces: [], changedNumbers: [] });
  });

  it("names the entries that differ, including a location that now maps elsewhere or is unknown", () => {
    const news = {
      department: "culture",
      assignments: [entry("a@x", "+34911000001"), entry("c@x", "+34911000003")],
      locationIds: { p0: "lis-0-recreated" },
    };
    expect(diffNumberAssignments(olds, news).changedNumbers).toEqual([
      "+34911000001",
      "+34911000002",
      "+34911000003",
    ]);
    expect(diffNumberAssignments(olds, { ...olds, locationIds: UNKNOWN }).changes).toBe(true);
    expect(diffNumberAssignments(olds, { ...olds, department: "mobility" }).replaces).toEqual(["department"]);
  });
});

/** Inventory in memory; operations succeed unless `failing` names the number and action. */
class FakeBackend implements NumbersBackend {
  readonly calls: string[] = [];
  failing = new Map<string, string>();
  constructor(readonly inventory: Map<string, InventoryNumber>) {}
  async findNumbers(numbers: readonly string[]) {
    return numbers.flatMap((n) => (this.inventory.has(n) ? [{ ...this.inventory.get(n)! }] : []));
  }
  async resolveUsers(upns: readonly string[]) {
    return new Map(upns.map((u) => [u.toLowerCase(), { id: `id-${u.toLowerCase()}` }]));
  }
  private outcome(action: string, n: string, apply: () => void): NumberOperationOutcome {
    this.calls.push(`${action} ${n}`);
    const reason = this.failing.get(`${action} ${n}`);
    if (reason) return { telephoneNumber: n, succeeded: false, reason };
    apply();
    return { telephoneNumber: n, succeeded: true };
  }
  async assignNumbers(requests: NumberAssignRequest[]) {
    return requests.map((r) =>
      this.outcome("assign", r.telephoneNumber, () =>
        this.inventory.set(r.telephoneNumber, {
          telephoneNumber: r.telephoneNumber,
          numberType: r.numberType,
          assignmentStatus: "userAssigned",
          assignmentTargetId: r.assignmentTargetId,
          assignmentCategory: r.assignmentCategory,
          locationId: r.locationId,
        }),
      ),
    );
  }
  async unassignNumbers(numbers: { telephoneNumber: string }[]) {
    return numbers.map((n) =>
      this.outcome("unassign", n.telephoneNumber, () => {
        const rec = this.inventory.get(n.telephoneNumber)!;
        Object.assign(rec, {
          assignmentStatus: "unassigned",
          assignmentTargetId: null,
          assignmentCategory: null,
        });
      }),
    );
  }
  async updateNumberLocations(numbers: { telephoneNumber: string; locationId: string | null }[]) {
    return numbers.map((n) =>
      this.outcome("update", n.telephoneNumber, () => {
        this.inventory.get(n.telephoneNumber)!.locationId = n.locationId;
      }),
    );
  }
}

const free = (n: string): InventoryNumber => ({
  telephoneNumber: n,
  numberType: "directRouting",
  assignmentStatus: "unassigned",
  assignmentTargetId: null,
  assignmentCategory: null,
  locationId: null,
});

describe("apply against an in-memory backend", () => {
  const base = { department: "culture", locationIds: { p0: "lis-0" } };

  it("moves a number only after its unassign succeeded; a failed unassign keeps the old holder and is reported", async () => {
    const backend = new FakeBackend(new Map(["+34911000001", "+34911000002"].map((n) => [n, free(n)])));
    const first = await applyNumberAssignments(backend, {
      ...base,
      assignments: [entry("a@x", "+34911000001"), entry("b@x", "+34911000002")],
    });
    backend.calls.length = 0;
    backend.failing.set("unassign +34911000001", "Service is unavailable. Please try again");
    const moved = [entry("b@x", "+34911000001", { category: "private" }), entry("c@x", "+34911000002")];
    const error = await applyNumberAssignments(backend, { ...base, assignments: moved }, first.outputs).catch(
      (e: unknown) => e,
    );
    if (!isNumberAssignmentsFailure(error))
      throw new Error(`expected a NumberAssignmentsFailure, got ${String(error)}`);
    // Unassigns first, then only the assign whose number was freed.
    expect(backend.calls).toEqual(["unassign +34911000001", "unassign +34911000002", "assign +34911000002"]);
    expect(error.failed).toEqual([
      {
        userPrincipalName: "b@x",
        number: "+34911000001",
        action: "unassign",
        reason:
          "it could not be taken from its current holder (id-a@x), so it was not assigned: Service is unavailable. Please try again",
      },
    ]);
    expect(error.message).toContain('"b@x" +34911000001 (unassign): it could not be taken');
    // What the tenant holds: a@x keeps +…01, c@x has +…02.
    expect(error.outputs.assignments.map((e) => `${e.userPrincipalName} ${e.number}`)).toEqual([
      "a@x +34911000001",
      "c@x +34911000002",
    ]);
    expect(backend.inventory.get("+34911000001")?.assignmentTargetId).toBe("id-a@x");

    // The next run converges: only the failed move is done.
    backend.failing.clear();
    backend.calls.length = 0;
    const again = await applyNumberAssignments(backend, { ...base, assignments: moved }, error.outputs);
    expect(backend.calls).toEqual(["unassign +34911000001", "assign +34911000001"]);
    expect(again.outputs.assignments).toEqual(moved);
    expect(again.outputs.failed).toEqual([]);
  });

  it("keeps the previous entry when only its location update fails", async () => {
    const backend = new FakeBackend(new Map([["+34911000001", free("+34911000001")]]));
    const first = await applyNumberAssignments(backend, {
      ...base,
      assignments: [entry("a@x", "+34911000001")],
    });
    backend.failing.set("update +34911000001", "404 Request_ResourceNotFound: gone");
    const error = await applyNumberAssignments(
      backend,
      {
        department: "culture",
        locationIds: { p0: "lis-0", p1: "lis-1" },
        assignments: [entry("a@x", "+34911000001", { emergencyLocation: "p1" })],
      },
      first.outputs,
    ).catch((e: unknown) => e);
    expect(isNumberAssignmentsFailure(error) && error.outputs.assignments).toEqual([
      entry("a@x", "+34911000001"),
    ]);
  });
});
