/**
 * The NumberAssignments provider over real HTTPS against the emulator, with the real Graph client and the
 * batched Graph Teams adapter: lifecycle, idempotent re-runs (0 writes), moving numbers between users,
 * failing operations (reported, rest kept, re-run converges), 429 storms, hostile UPNs, refresh and drift.
 */
import { teamsArea } from "../../../src/emulator/state/teams";
import { isNumberAssignmentsFailure } from "../../../src/teams/numbers";
import type { NumberAssignmentsOutputs, NumberEntry } from "../../../src/teams/numbers";
import { MINIMAL_FIXTURE } from "../../helpers/definitionFixture";
import { startNumbersEmulator, type NumbersEmulator } from "./helpers/numbersEmulator";

let t: NumbersEmulator;
let members: string[];

beforeAll(async () => {
  t = await startNumbersEmulator(MINIMAL_FIXTURE);
  const group = t.emu.state.groups.find((g) => g.departmentId === "culture")!;
  members = t.emu.state.members(group).map((u) => u.userPrincipalName);
});
afterAll(() => t.stop());
beforeEach(() => {
  t.resetFaults();
  t.emu.counters.reset();
});

const entry = (upn: string, n: number, extra: Partial<NumberEntry> = {}): NumberEntry => ({
  userPrincipalName: upn,
  number: `+3491555${String(n).padStart(4, "0")}`,
  numberType: "directRouting",
  emergencyLocation: "town-hall-p0",
  category: "primary",
  ...extra,
});
const inputsWith = (assignments: NumberEntry[]) => ({
  department: "culture",
  assignments,
  locationIds: t.locationIds,
});
/** Every number a department set names, with its live holder's UPN. */
const holders = (assignments: NumberEntry[]) =>
  assignments.map((e) => {
    const id = t.holder(e.number);
    return `${e.number} ${id ? t.emu.state.findUser(id)?.userPrincipalName : "-"}`;
  });
const expected = (assignments: NumberEntry[]) => assignments.map((e) => `${e.number} ${e.userPrincipalName}`);

async function cleanUp(outputs: NumberAssignmentsOutputs | undefined) {
  t.resetFaults();
  if (outputs) await t.provider().delete!(`numbers:culture`, outputs);
}

describe("NumberAssignments provider against the emulator", () => {
  it("check → create → read → diff → update (delta only) → delete", async () => {
    const provider = t.provider();
    const checked = await provider.check!({} as never, t.inputs("culture"));
    expect(checked.failures).toEqual([]);
    const created = await provider.create(checked.inputs!);
    expect(created.id).toBe("numbers:culture");
    expect(created.outs!.assignments).toEqual(checked.inputs!.assignments);
    expect(created.outs!.failed).toEqual([]);
    expect(holders(created.outs!.assignments)).toEqual(expected(checked.inputs!.assignments));
    expect(t.writes()).toBe(2);
    const area = teamsArea(t.emu.state);
    const lis = t.locationIds["town-hall-p0"];
    expect(area.numbers["+34915550001"].locationId).toBe(lis);

    const read = await provider.read!(created.id, created.outs!);
    expect(read.props).toEqual(created.outs);
    expect((await provider.diff!(created.id, created.outs!, checked.inputs!)).changes).toBe(false);

    // Add one number for a third user: one write.
    t.emu.counters.reset();
    const more = (
      await provider.check!({} as never, inputsWith([...checked.inputs!.assignments, entry(members[5], 10)]))
    ).inputs!;
    expect(await provider.diff!(created.id, created.outs!, more)).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: true,
    });
    const updated = await provider.update!(created.id, created.outs!, more);
    expect(t.writes()).toBe(1);
    expect(holders(updated.outs!.assignments)).toEqual(expected(more.assignments));

    t.emu.counters.reset();
    await provider.delete!(created.id, updated.outs!);
    expect(t.writes()).toBe(3);
    expect(holders(more.assignments)).toEqual(more.assignments.map((e) => `${e.number} -`));
    // Deleting again: everything is already gone, nothing is written.
    t.emu.counters.reset();
    await provider.delete!(created.id, updated.outs!);
    expect(t.writes()).toBe(0);
  });

  it("an unchanged re-run (create again, update with the same set) writes nothing", async () => {
    const provider = t.provider();
    const inputs = inputsWith([
      entry(members[0], 20),
      entry(members[1], 21),
      entry(members[1], 22, { category: "private" }),
    ]);
    const created = await provider.create(inputs);
    t.emu.counters.reset();
    await provider.create(inputs);
    const updated = await provider.update!(created.id, created.outs!, inputs);
    expect(t.writes()).toBe(0);
    // Users confirmed by the inventory are not looked up again: the update read only the inventory.
    expect(Object.keys(t.emu.counters.snapshot().byRoute).filter((r) => r.includes("/users"))).toEqual([
      "GET /v1.0/users/{id}",
    ]);
    expect(updated.outs).toEqual(created.outs);
    await cleanUp(updated.outs);
  });

  it("moves numbers between two users: unassigned before assigned, never lost, final state right", async () => {
    const provider = t.provider();
    const [ana, bea] = [members[2], members[3]];
    const before = [entry(ana, 30), entry(bea, 31)];
    const created = await provider.create(inputsWith(before));
    const firstOp = Object.keys(teamsArea(t.emu.state).operations).length;
    t.emu.counters.reset();
    // Swap: each user takes the other's number (as primary; both must be freed first).
    const swapped = [entry(bea, 30), entry(ana, 31)];
    const updated = await provider.update!(created.id, created.outs!, inputsWith(swapped));
    expect(t.writes()).toBe(4);
    expect(holders(swapped)).toEqual(expected(swapped));
    expect(updated.outs!.assignments).toEqual(swapped);
    // The operations in the order they were started: both unassigns, then both assigns.
    const ops = Object.values(teamsArea(t.emu.state).operations).slice(firstOp);
    expect(ops.map((o) => `${o.kind} ${o.request.telephoneNumber} ${o.status}`)).toEqual([
      "unassign +34915550030 succeeded",
      "unassign +34915550031 succeeded",
      "assign +34915550030 succeeded",
      "assign +34915550031 succeeded",
    ]);
    await cleanUp(updated.outs);
  });

  it("failing operations: each reported by user and number with the service's reason; the rest kept; a re-run converges", async () => {
    const provider = t.provider();
    const wanted = members.slice(0, 30).map((upn, i) => entry(upn, 100 + i));
    // Chosen failures (every third number), not a rate: every run exercises the report and the convergence.
    const failing = wanted.filter((_, i) => i % 3 === 1).map((e) => e.number);
    t.emu.faults.failingNumbers = failing;
    const error = await provider.create(inputsWith(wanted)).catch((e: unknown) => e);
    t.emu.faults.failingNumbers = [];
    if (!isNumberAssignmentsFailure(error))
      throw new Error(`expected a NumberAssignmentsFailure, got ${String(error)}`);
    expect(error.failed.map((f) => f.number)).toEqual(failing);
    for (const f of error.failed) {
      expect(f).toEqual({
        userPrincipalName: expect.any(String),
        number: expect.stringMatching(/^\+3491555/),
        action: "assign",
        reason: "Service is unavailable. Please try again",
      });
      expect(error.message).toContain(
        `${JSON.stringify(f.userPrincipalName)} ${f.number} (assign): Service is unavailable`,
      );
      expect(t.holder(f.number)).toBeNull();
    }
    // The error carries the resource's state for the engine (id + properties): exactly what Teams holds.
    const init = error as unknown as { id: string; properties: NumberAssignmentsOutputs };
    expect(init.id).toBe("numbers:culture");
    expect(init.properties.assignments).toHaveLength(wanted.length - error.failed.length);
    expect(holders(init.properties.assignments)).toEqual(expected(init.properties.assignments));

    // Next run: the diff shows the missing entries, the update sends only those, and it converges.
    t.resetFaults();
    t.emu.counters.reset();
    const diff = await provider.diff!(init.id, init.properties, inputsWith(wanted));
    expect(diff.changes).toBe(true);
    const updated = await provider.update!(init.id, init.properties, inputsWith(wanted));
    expect(t.writes()).toBe(error.failed.length);
    expect(updated.outs!.assignments).toEqual(wanted);
    expect(holders(wanted)).toEqual(expected(wanted));
    expect((await provider.diff!(init.id, updated.outs!, inputsWith(wanted))).changes).toBe(false);
    await cleanUp(updated.outs);
  });

  it("a 429 storm converges with every number assigned once, to the right user", async () => {
    const provider = t.provider();
    const wanted = members.slice(0, 25).map((upn, i) => entry(upn, 200 + i));
    Object.assign(t.emu.faults, { rate429: 0.4, retryAfter: 2 });
    const firstOp = Object.keys(teamsArea(t.emu.state).operations).length;
    const created = await provider.create(inputsWith(wanted));
    expect(t.emu.counters.snapshot().throttled).toBeGreaterThan(10);
    expect(created.outs!.assignments).toEqual(wanted);
    expect(holders(wanted)).toEqual(expected(wanted));
    // Throttled starts never reached Teams, so each number has exactly one assign operation.
    const assigns = Object.values(teamsArea(t.emu.state).operations)
      .slice(firstOp)
      .map((o) => o.request.telephoneNumber);
    expect(assigns.sort()).toEqual(wanted.map((e) => e.number));
    t.resetFaults();
    await cleanUp(created.outs);
  });

  it("hostile UPN-ish strings are data: percent-encoded, reported as unknown users, nothing else touched", async () => {
    const provider = t.provider();
    const hostile = [
      "o'brien$(rm -rf ~)@villa.example",
      "x@villa.example?$select=passwordProfile#",
      "../../groups/x@villa.example",
      '";\n`whoami`@villa.example',
    ];
    const wanted = [entry(members[6], 300), ...hostile.map((upn, i) => entry(upn, 301 + i))];
    const checked = await provider.check!({} as never, inputsWith(wanted));
    expect(checked.failures).toEqual([]);
    const error = await provider.create(checked.inputs!).catch((e: unknown) => e);
    if (!isNumberAssignmentsFailure(error))
      throw new Error(`expected a NumberAssignmentsFailure, got ${String(error)}`);
    expect(error.failed.map((f) => [f.userPrincipalName, f.action])).toEqual(
      hostile.map((upn) => [upn, "resolve-user"]),
    );
    expect(error.failed[0].reason).toBe(`no user has the principal name ${JSON.stringify(hostile[0])} (404)`);
    // A '/' inside a UPN reaches the service encoded; what it answers is that entry's reason.
    for (const f of error.failed)
      expect(f.reason).toMatch(/^(no user has the principal name|looking the user up failed: 4\d\d)/);
    expect(error.outputs.assignments).toEqual([wanted[0]]);
    // Only user lookups, the inventory, number operations and $batch were requested.
    const routes = Object.keys(t.emu.counters.snapshot().byRoute);
    for (const r of routes) {
      expect(r).toMatch(
        /^(GET \/v1\.0\/users\/\{id\}|POST \/v1\.0\/\$batch|GET \/v1\.0\/admin\/teams\/telephoneNumberManagement\/(numberAssignments|operations)|POST \/v1\.0\/admin\/teams\/telephoneNumberManagement\/numberAssignments\/assignNumber)/,
      );
    }
    await cleanUp(error.outputs);
  });

  it("refresh sees drift: a number taken away out of band drops out, and the next update puts it back", async () => {
    const provider = t.provider();
    const wanted = [entry(members[7], 400), entry(members[8], 401)];
    const created = await provider.create(inputsWith(wanted));
    // Someone unassigns +…400 in the Teams admin center.
    const rec = teamsArea(t.emu.state).numbers["+34915550400"];
    Object.assign(rec, {
      assignmentStatus: "unassigned",
      assignmentTargetId: null,
      assignmentCategory: null,
    });
    const read = await provider.read!(created.id, created.outs!);
    expect(read.props!.assignments).toEqual([wanted[1]]);
    expect((await provider.diff!(created.id, read.props!, inputsWith(wanted))).changes).toBe(true);
    t.emu.counters.reset();
    const updated = await provider.update!(created.id, read.props!, inputsWith(wanted));
    expect(t.writes()).toBe(1);
    expect(holders(wanted)).toEqual(expected(wanted));
    await cleanUp(updated.outs);
  });
});
