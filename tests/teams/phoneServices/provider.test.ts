import { teamsPhoneAreaOf } from "../../../src/emulator/state/teamsPhone";
import { UNKNOWN_VALUE } from "../../../src/m365/licensing/inputs";
import { checkPhoneServices, decodeHeld, type PhoneSchedulesDesired } from "../../../src/teams/phoneServices";
import { createTeamsProvider } from "../../../src/teams/provider";
import { StillAssignedError } from "../../../src/teams/provider/errors";
import type { PowerShellTeamsAdmin } from "../../../src/teams/powershell/adapter";
import { fakeAdmin, startTestEmulator, type TestEmulator } from "../powershell/helpers/fakeSession";
import { district, RecordingRunner, testBackend } from "./helpers/backend";

/**
 * The PhoneServices and PhoneSchedules kinds through the one Teams dispatcher, as the engine calls them: check,
 * diff, create/update (a partial failure carries the applied state), delete.
 */
describe("PhoneServices / PhoneSchedules providers", () => {
  let t: TestEmulator;
  let admin: PowerShellTeamsAdmin;
  let ps: RecordingRunner;
  let provider: ReturnType<typeof createTeamsProvider>;

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
    provider = createTeamsProvider({ phoneServices: () => testBackend(ps).backend });
  });

  const calendar = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      date: `2027-${String(1 + Math.floor(i / 2)).padStart(2, "0")}-${i % 2 ? "15" : "06"}`,
      name: `Holiday ${i + 1}`,
    }));
  const schedules: PhoneSchedulesDesired = {
    holidayCalendars: [{ name: "Madrid 2027", entries: calendar(14) }],
    schedules: [{ name: "Office hours", weekly: { monday: [{ start: "08:00", end: "15:00" }] } }],
  };

  it("PhoneSchedules: one fixed schedule per 10 holidays, ids by name, and no removal while an attendant uses one", async () => {
    const inputs = { ...schedules, kind: "PhoneSchedules" };
    expect((await provider.check!({}, inputs)).failures).toEqual([]);
    const { id, outs } = await provider.create(inputs);
    expect(id).toBe("phone-schedules");
    expect(outs.scheduleIds["Madrid 2027"]).toHaveLength(2);
    expect(outs.scheduleIds["Office hours"]).toHaveLength(1);
    const fixed = teamsPhoneAreaOf(t.emu.state.doc).schedules.filter((s) => s.name.startsWith("Madrid 2027"));
    expect(fixed.map((s) => s.name).sort()).toEqual(["Madrid 2027", "Madrid 2027 (2)"]);

    // A department whose attendant uses the calendar and the shared hours.
    const d = district("s1", 11, outs.scheduleIds);
    d.autoAttendants[0].hours = { schedule: "Office hours" };
    d.autoAttendants[0].holidays = [{ calendar: "Madrid 2027", flow: { greeting: "Festivo", options: [] } }];
    const dept = await provider.create({ ...d, kind: "PhoneServices" });
    expect(dept.outs.failed).toEqual([]);
    const line = teamsPhoneAreaOf(t.emu.state.doc).autoAttendants.find((a) => a.name === "s1-citizen-line");
    expect(JSON.stringify(line)).toContain(outs.scheduleIds["Madrid 2027"][1]);

    // One holiday added: one chunk changes, one Set.
    const more = { ...inputs, holidayCalendars: [{ name: "Madrid 2027", entries: calendar(15) }] };
    expect((await provider.diff!(id, outs, more)).changes).toBe(true);
    const mark = ps.calls.length;
    const updated = await provider.update!(id, outs, more);
    expect(ps.since(mark)).toEqual(["Set-CsOnlineSchedule"]);
    expect((await provider.diff!(id, updated.outs, more)).changes).toBe(false);

    const refusal = await provider.delete!(id, updated.outs).catch((e) => e);
    expect(refusal).toBeInstanceOf(StillAssignedError);
    expect(refusal.message).toMatch(/in use by auto attendant 's1-citizen-line'/);
  });

  it("PhoneServices: a failed object fails the up with the applied state attached; the next diff and up finish it", async () => {
    const inputs = { ...district("p1", 21), kind: "PhoneServices" };
    ps.faults = [{ when: (c) => c.cmdlet === "New-CsCallQueue", kind: "fail" }];
    const error = await provider.create(inputs).catch((e) => e);
    expect(error.message).toMatch(/change\(s\) of the phone services of department p1 were not applied/);
    expect(error.message).toMatch(
      /queue "p1-taxes" \(create\): New-CsCallQueue failed \(InvalidOperation\): Injected failure/,
    );
    expect(error.id).toBe("phone-services:p1");
    const partial = error.properties;
    expect(decodeHeld(partial.held).has("attendant p1-switchboard")).toBe(true);
    expect(decodeHeld(partial.held).has("queue p1-taxes")).toBe(false);
    // A public number is not given to an account that answers for nothing yet.
    expect(decodeHeld(partial.held).has("number ra-p1-taxes@villa.example")).toBe(false);
    expect(decodeHeld(partial.held).has("number ra-p1-line@villa.example")).toBe(false);

    expect(await provider.diff!(error.id, partial, inputs)).toMatchObject({ changes: true, replaces: [] });
    const { outs } = await provider.update!(error.id, partial, inputs);
    expect(outs.failed).toEqual([]);
    expect(await provider.diff!(error.id, outs, inputs)).toMatchObject({ changes: false });
    // Another build of the provider (a different __provider) is not a change.
    expect(await provider.diff!(error.id, outs, { ...inputs, __provider: "other" })).toMatchObject({
      changes: false,
    });
    // A preview while PhoneSchedules changes (its ids unknown) assumes the ids used last time.
    expect(await provider.diff!(error.id, outs, { ...inputs, scheduleIds: UNKNOWN_VALUE })).toMatchObject({
      changes: false,
    });
    expect(await provider.diff!(error.id, outs, { ...inputs, department: "p2" })).toMatchObject({
      replaces: ["department"],
    });
  });

  it("check names the object and field of what cannot be applied", () => {
    const d = district("c1", 31);
    d.autoAttendants[0].open.options[0].target = { type: "callQueue", name: "c1-nowhere" };
    d.resourceAccounts[0].numberType = undefined;
    d.callQueues[0].name = "other-taxes";
    expect(checkPhoneServices(d as unknown as Record<string, unknown>)).toEqual(
      expect.arrayContaining([
        {
          property: "autoAttendants[0].open.options[0].target",
          reason: "call queue 'c1-nowhere' is not one of the department's call queues",
        },
        {
          property: "resourceAccounts[0].numberType",
          reason: expect.stringMatching(/needs its range's numberType/),
        },
        {
          property: "callQueues[0].name",
          reason: "call queue 'other-taxes' must be named 'c1-…' (its department)",
        },
      ]),
    );
    expect(checkPhoneServices(district("c2", 32) as unknown as Record<string, unknown>)).toEqual([]);
  });
});
