import { teamsPhoneAreaOf } from "../../../src/emulator/state/teamsPhone";
import {
  applyPhoneServices,
  decodeHeld,
  describeDiff,
  diffItems,
  encodeHeld,
  phoneServicesItems,
  readPhoneServices,
  removePhoneServices,
  retryingThrottled,
  type Held,
  type PhoneServicesInputs,
} from "../../../src/teams/phoneServices";
import { StillAssignedError } from "../../../src/teams/provider/errors";
import type { PowerShellTeamsAdmin } from "../../../src/teams/powershell/adapter";
import { fakeAdmin, startTestEmulator, type TestEmulator } from "../powershell/helpers/fakeSession";
import { AGENTS, district, RecordingRunner, testBackend } from "./helpers/backend";

/**
 * A department's PhoneServices applied through the fake pwsh to the emulator: dependency order, names resolved
 * to ids, per-object diff, convergence after throttling, a failed call and a lost answer, and delete refusal.
 */
describe("PhoneServices apply (fake pwsh → emulator)", () => {
  let t: TestEmulator;
  let admin: PowerShellTeamsAdmin;
  let ps: RecordingRunner;

  beforeAll(async () => {
    t = await startTestEmulator();
    admin = fakeAdmin(t);
  });
  afterAll(async () => {
    await admin.close();
    await t.stop();
  });
  beforeEach(() => {
    ps = new RecordingRunner(admin);
  });

  const area = () => teamsPhoneAreaOf(t.emu.state.doc);
  const apply = (inputs: PhoneServicesInputs, held: Held = new Map()) =>
    applyPhoneServices(testBackend(ps).backend, inputs, held);

  it("creates schedules, accounts, queues, attendants, associations and numbers in that order, all by id", async () => {
    const d = district("d1", 1);
    const { held, failed } = await apply(d);
    expect(failed).toEqual([]);
    expect(ps.writesSince(0)).toEqual([
      "New-CsOnlineSchedule",
      "New-CsOnlineApplicationInstance",
      "New-CsOnlineApplicationInstance",
      "New-CsOnlineApplicationInstance",
      "New-CsCallQueue",
      // The switchboard first: the citizen line's menu transfers to it.
      "New-CsAutoAttendant",
      "New-CsAutoAttendant",
      "New-CsOnlineApplicationInstanceAssociation",
      "New-CsOnlineApplicationInstanceAssociation",
      "New-CsOnlineApplicationInstanceAssociation",
      "Set-CsPhoneNumberAssignment",
      "Set-CsPhoneNumberAssignment",
    ]);
    const id = (kind: string, key: string) => held.get(`${kind} ${key}`)!.id;
    const queueCall = ps.calls.find((c) => c.cmdlet === "New-CsCallQueue")!;
    expect(queueCall.parameters).toMatchObject({
      Name: "d1-taxes",
      Users: [AGENTS["ana@villa.example"]],
      RoutingMethod: "LongestIdle",
      OverflowAction: "Forward",
      // A queue reaches an attendant through its resource account (New-CsCallQueue.md -OverflowActionTarget).
      OverflowActionTarget: id("account", "ra-d1-switchboard@villa.example"),
    });
    const read = await readPhoneServices(admin);
    const line = read.autoAttendants.find((a) => a.spec.name === "d1-citizen-line")!;
    expect(line.spec.defaultFlow.options.map((o) => o.target)).toEqual([
      { type: "callQueue", id: id("queue", "d1-taxes") },
      { type: "autoAttendant", id: id("attendant", "d1-switchboard") },
      { type: "user", id: AGENTS["luis@villa.example"] },
    ]);
    expect(line.spec.afterHours?.scheduleId).toBe(id("schedule", "d1-citizen-line"));
    expect(line.resourceAccounts).toEqual([id("account", "ra-d1-line@villa.example")]);
    const taxes = read.resourceAccounts.find(
      (r) => r.spec.userPrincipalName === "ra-d1-taxes@villa.example",
    )!;
    expect(taxes).toMatchObject({
      phoneNumber: "+34915550012",
      association: { configurationId: id("queue", "d1-taxes"), type: "callQueue" },
    });
    // State: one short line per object, nothing the diff does not need.
    expect(encodeHeld(held).split("\n")).toHaveLength(1 + 2 + 1 + 3 + 3 + 2);
    expect(decodeHeld(encodeHeld(held))).toEqual(held);
  });

  it("sends nothing when nothing changed, and only the edited object's cmdlet for a one-field edit", async () => {
    const d = district("d2", 2);
    const first = await apply(d);
    expect(first.failed).toEqual([]);
    expect(describeDiff(diffItems(phoneServicesItems(d), first.held))).toEqual([]);
    const mark = ps.calls.length;
    const again = await apply(d, first.held);
    expect(ps.since(mark)).toEqual([]);
    expect(again.held).toEqual(first.held);

    const edited: PhoneServicesInputs = {
      ...d,
      callQueues: [{ ...d.callQueues[0], agentAlertTime: 20 }],
    };
    expect(describeDiff(diffItems(phoneServicesItems(edited), first.held))).toEqual(["~ queue d2-taxes"]);
    const at = ps.calls.length;
    const { failed } = await apply(edited, first.held);
    expect(failed).toEqual([]);
    expect(ps.since(at)).toEqual(["Set-CsCallQueue"]);
    expect(ps.calls[at].parameters).toMatchObject({ AgentAlertTime: 20 });

    const greeting = structuredClone(edited);
    greeting.autoAttendants[1].open.greeting = "Junta municipal";
    expect(describeDiff(diffItems(phoneServicesItems(greeting), first.held))).toContain(
      "~ attendant d2-switchboard",
    );
  });

  it("retries a throttled cmdlet and goes on", async () => {
    ps.faults = [{ when: (c) => c.cmdlet === "New-CsCallQueue", kind: "throttle", times: 2 }];
    const sleeps: number[] = [];
    const retrying = retryingThrottled(ps, { sleep: async (ms) => void sleeps.push(ms) });
    const { failed } = await applyPhoneServices(testBackend(retrying).backend, district("d3", 3), new Map());
    expect(failed).toEqual([]);
    expect(sleeps).toEqual([2000, 4000]);
    expect(ps.since(0).filter((c) => c === "New-CsCallQueue")).toHaveLength(3);
  });

  it("keeps what was applied when a call fails mid-apply, and a re-run finishes the rest", async () => {
    const d = district("d4", 4);
    ps.faults = [
      {
        when: (c) => c.cmdlet === "New-CsAutoAttendant" && c.parameters.Name === "d4-switchboard",
        kind: "fail",
      },
    ];
    const first = await apply(d);
    // The switchboard failed; the citizen line (its menu needs the switchboard's id) and the switchboard's
    // association fail with it, and the line's public number waits for its association; the rest went through.
    expect(first.failed.map((f) => `${f.kind} ${f.key} ${f.action}`).sort()).toEqual([
      "assoc ra-d4-line@villa.example create",
      "assoc ra-d4-switchboard@villa.example create",
      "attendant d4-citizen-line create",
      "attendant d4-switchboard create",
      "number ra-d4-line@villa.example create",
    ]);
    expect(first.failed.find((f) => f.key === "d4-citizen-line")?.reason).toMatch(
      /auto attendant 'd4-switchboard' has no id/,
    );
    expect(first.held.has("queue d4-taxes")).toBe(true);
    expect(first.held.has("number ra-d4-taxes@villa.example")).toBe(true);

    expect(describeDiff(diffItems(phoneServicesItems(d), first.held)).sort()).toEqual([
      "+ assoc ra-d4-line@villa.example",
      "+ assoc ra-d4-switchboard@villa.example",
      "+ attendant d4-citizen-line",
      "+ attendant d4-switchboard",
      "+ number ra-d4-line@villa.example",
    ]);
    const mark = ps.calls.length;
    const second = await apply(d, first.held);
    expect(second.failed).toEqual([]);
    expect(ps.writesSince(mark)).toEqual([
      "New-CsAutoAttendant",
      "New-CsAutoAttendant",
      "New-CsOnlineApplicationInstanceAssociation",
      "New-CsOnlineApplicationInstanceAssociation",
      "Set-CsPhoneNumberAssignment",
    ]);
    expect(describeDiff(diffItems(phoneServicesItems(d), second.held))).toEqual([]);
  });

  it("adopts an object whose create went through but whose answer was lost (no duplicate)", async () => {
    const d = district("d5", 5);
    ps.faults = [{ when: (c) => c.cmdlet === "New-CsCallQueue", kind: "lose" }];
    const first = await apply(d);
    expect(first.failed.map((f) => `${f.kind} ${f.key}`)).toContain("queue d5-taxes");
    const second = await apply(d, first.held);
    expect(second.failed).toEqual([]);
    expect(area().callQueues.filter((q) => q.settings.Name === "d5-taxes")).toHaveLength(1);
    expect(ps.since(0).filter((c) => c === "New-CsCallQueue")).toHaveLength(1);
  });

  it("refuses to delete while a resource account holds a number, and deletes once the numbers are gone", async () => {
    const d = district("d6", 6);
    const { held } = await apply(d);
    const before = area().autoAttendants.length;
    const refusal = await removePhoneServices(testBackend(ps).backend, "d6", held).catch((e) => e);
    expect(refusal).toBeInstanceOf(StillAssignedError);
    expect(refusal.message).toMatch(/ra-d6-line@villa\.example holds \+34915550061/);
    expect(refusal.message).toMatch(/ra-d6-taxes@villa\.example holds \+34915550062/);
    expect(area().autoAttendants).toHaveLength(before);

    // Removing an account that still has its number is refused in an update too.
    const withoutLine = {
      ...d,
      resourceAccounts: d.resourceAccounts.filter((r) => !r.userPrincipalName.includes("line")),
    };
    const refused = await apply(withoutLine, held);
    expect(refused.failed).toEqual([
      expect.objectContaining({ kind: "account", key: "ra-d6-line@villa.example", action: "remove" }),
    ]);
    expect(refused.failed[0].reason).toMatch(/still has the number \+34915550061/);

    const unnumbered = { ...d, resourceAccounts: d.resourceAccounts.map(({ number: _n, ...r }) => r) };
    const mark = ps.calls.length;
    const off = await apply(unnumbered, refused.held);
    expect(off.failed).toEqual([]);
    expect(ps.writesSince(mark)).toEqual([
      "Remove-CsPhoneNumberAssignment",
      "Remove-CsPhoneNumberAssignment",
    ]);
    const { backend, deleted } = testBackend(ps);
    await removePhoneServices(backend, "d6", off.held);
    expect(deleted).toHaveLength(3);
    expect(area().autoAttendants.some((a) => a.name.startsWith("d6-"))).toBe(false);
    expect(area().callQueues.some((q) => String(q.settings.Name).startsWith("d6-"))).toBe(false);
    expect(
      area().associations.filter((a) => off.held.get("account ra-d6-line@villa.example")?.id === a.id),
    ).toEqual([]);
  });

  it("moves a resource account to another attendant with one dissociation and one association", async () => {
    const d = district("d7", 7);
    const { held } = await apply(d);
    const moved = structuredClone(d);
    moved.resourceAccounts[1].answers = { type: "autoAttendant", name: "d7-citizen-line" };
    expect(describeDiff(diffItems(phoneServicesItems(moved), held))).toEqual([
      "~ assoc ra-d7-switchboard@villa.example",
    ]);
    const mark = ps.calls.length;
    const { failed } = await apply(moved, held);
    expect(failed).toEqual([]);
    expect(ps.since(mark)).toEqual([
      "Remove-CsOnlineApplicationInstanceAssociation",
      "New-CsOnlineApplicationInstanceAssociation",
    ]);
    const line = (await readPhoneServices(admin)).autoAttendants.find(
      (a) => a.spec.name === "d7-citizen-line",
    )!;
    expect(line.resourceAccounts.sort()).toEqual(
      [
        held.get("account ra-d7-line@villa.example")!.id,
        held.get("account ra-d7-switchboard@villa.example")!.id,
      ].sort(),
    );
  });

  it("fails only the queue whose agent does not resolve, with the lookup's reason", async () => {
    const d = district("d8", 8);
    d.callQueues[0].agents = ["nobody@villa.example"];
    const { failed } = await apply(d);
    expect(failed.find((f) => f.kind === "queue")).toEqual({
      kind: "queue",
      key: "d8-taxes",
      action: "create",
      reason:
        'agent nobody@villa.example could not be resolved to a user: no user has the principal name "nobody@villa.example" (404)',
    });
    // The citizen line's menu needs the queue; both accounts' associations and numbers wait for them.
    expect(failed.map((f) => `${f.kind} ${f.key}`).sort()).toEqual([
      "assoc ra-d8-line@villa.example",
      "assoc ra-d8-taxes@villa.example",
      "attendant d8-citizen-line",
      "number ra-d8-line@villa.example",
      "number ra-d8-taxes@villa.example",
      "queue d8-taxes",
    ]);
  });

  it("removes an attendant and its account after what pointed at them is changed, in reverse order", async () => {
    const d = district("d9", 9);
    const { held } = await apply(d);
    const smaller = structuredClone(d);
    smaller.autoAttendants = smaller.autoAttendants.filter((a) => a.name !== "d9-switchboard");
    smaller.autoAttendants[0].open.options = smaller.autoAttendants[0].open.options.filter(
      (o) => o.key !== "2",
    );
    smaller.callQueues[0].overflow = { action: "DisconnectWithBusy" };
    smaller.resourceAccounts = smaller.resourceAccounts.filter(
      (r) => !r.userPrincipalName.includes("switchboard"),
    );
    expect(describeDiff(diffItems(phoneServicesItems(smaller), held)).sort()).toEqual([
      "- account ra-d9-switchboard@villa.example",
      "- assoc ra-d9-switchboard@villa.example",
      "- attendant d9-switchboard",
      "~ attendant d9-citizen-line",
      "~ queue d9-taxes",
    ]);
    const { backend, deleted } = testBackend(ps);
    const mark = ps.calls.length;
    const result = await applyPhoneServices(backend, smaller, held);
    expect(result.failed).toEqual([]);
    expect(ps.since(mark)).toEqual([
      "Set-CsCallQueue",
      "Set-CsAutoAttendant",
      "Get-CsOnlineApplicationInstance",
      "Remove-CsOnlineApplicationInstanceAssociation",
      "Remove-CsAutoAttendant",
    ]);
    expect(deleted).toEqual([held.get("account ra-d9-switchboard@villa.example")!.id]);
    expect(area().autoAttendants.some((a) => a.name === "d9-switchboard")).toBe(false);
    expect(describeDiff(diffItems(phoneServicesItems(smaller), result.held))).toEqual([]);
  });

  it("creates a cycle of attendants (each other's and its own menu) without them first, then whole", async () => {
    const d = district("d10", 10);
    const switchboard = d.autoAttendants[1];
    switchboard.open.options.push(
      { key: "9", action: "transfer", target: { type: "autoAttendant", name: "d10-citizen-line" } },
      { key: "8", action: "transfer", target: { type: "autoAttendant", name: "d10-switchboard" } },
    );
    const { held, failed } = await apply(d);
    expect(failed).toEqual([]);
    expect(ps.writesSince(0).filter((c) => c.includes("AutoAttendant"))).toEqual([
      "New-CsAutoAttendant",
      "New-CsAutoAttendant",
      "Set-CsAutoAttendant",
      "Set-CsAutoAttendant",
    ]);
    const read = await readPhoneServices(admin);
    const targets = (name: string) =>
      read.autoAttendants
        .find((a) => a.spec.name === name)!
        .spec.defaultFlow.options.map((o) => o.target?.id);
    const line = held.get("attendant d10-citizen-line")!.id;
    const board = held.get("attendant d10-switchboard")!.id;
    expect(targets("d10-citizen-line")).toContain(board);
    expect(targets("d10-switchboard")).toEqual([undefined, line, board]);
    expect(describeDiff(diffItems(phoneServicesItems(d), held))).toEqual([]);
  });
});
