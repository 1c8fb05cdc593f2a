import { teamsPhoneAreaOf } from "../../../src/emulator/state/teamsPhone";
import type { PowerShellTeamsAdmin } from "../../../src/teams/powershell/adapter";
import { TeamsPowerShellError } from "../../../src/teams/powershell/errors";
import {
  assignResourceAccountNumber,
  associate,
  createAutoAttendant,
  createCallQueue,
  createResourceAccount,
  createSchedule,
  dissociate,
  listAutoAttendants,
  listCallQueues,
  listResourceAccounts,
  listSchedules,
  readPhoneServices,
  removeAutoAttendant,
  removeCallQueue,
  removeResourceAccountNumber,
  removeSchedule,
  updateAutoAttendant,
  updateCallQueue,
  updateResourceAccount,
  updateSchedule,
  type AutoAttendantSpec,
  type ScheduleSpec,
} from "../../../src/teams/phoneServices";
import { fakeAdmin, startTestEmulator, type TestEmulator } from "../powershell/helpers/fakeSession";

/**
 * The phone-services adapter through the real protocol: typed call → PowerShellTeamsAdmin → fake `pwsh` (child
 * process) → emulator. Pins which cmdlets each function sends (counted by the emulator) and that what is written
 * reads back as the same spec.
 */
describe("phone services through the PowerShell adapter", () => {
  let t: TestEmulator;
  let admin: PowerShellTeamsAdmin;
  const agent = "11111111-1111-4111-8111-111111111111";
  const writes = (cmdlet: string) => t.emu.counters.snapshot().byRoute[`POWERSHELL ${cmdlet}`]?.writes ?? 0;

  beforeAll(async () => {
    t = await startTestEmulator();
    admin = fakeAdmin(t);
  });
  afterAll(async () => {
    await admin.close();
    await t.stop();
  });

  const hours: ScheduleSpec = {
    name: "010 opening hours",
    kind: "weekly",
    hours: {
      monday: [{ start: "08:30", end: "20:00" }],
      friday: [{ start: "08:30", end: "14:00" }],
      sunday: [{ start: "00:00", end: "24:00" }],
    },
  };
  const holidays: ScheduleSpec = {
    name: "City holidays 2027",
    kind: "fixed",
    dates: [{ start: "2027-05-15T00:00", end: "2027-05-16T00:00" }],
  };

  it("creates, reads back, changes and removes schedules", async () => {
    const id = await createSchedule(admin, hours);
    const holidayId = await createSchedule(admin, holidays);
    expect(await listSchedules(admin)).toEqual([
      { id, spec: hours },
      { id: holidayId, spec: holidays },
    ]);
    const later: ScheduleSpec = { ...hours, hours: { monday: [{ start: "08:00", end: "21:00" }] } };
    await updateSchedule(admin, id, later);
    expect((await listSchedules(admin)).find((s) => s.id === id)?.spec).toEqual(later);
    await removeSchedule(admin, holidayId);
    expect((await listSchedules(admin)).map((s) => s.id)).toEqual([id]);
  });

  it("builds a whole attendant in one New-CsAutoAttendant request and reads it back as the same spec", async () => {
    const queueId = await createCallQueue(admin, { name: "Taxes", agents: [agent] });
    const scheduleId = (await listSchedules(admin))[0].id;
    const holidayId = await createSchedule(admin, holidays);
    const spec: AutoAttendantSpec = {
      name: "010 Línea Ciudadana",
      language: "es-ES",
      timeZone: "Romance Standard Time",
      defaultFlow: {
        name: "Open",
        greeting: "Bienvenido al 010",
        menuPrompt: "Para impuestos pulse 1",
        options: [
          { key: "1", action: "transfer", target: { type: "callQueue", id: queueId } },
          { key: "0", action: "operator" },
          { key: "#", action: "announcement", prompt: "Horario de 8:30 a 20:00" },
        ],
        dialByName: true,
      },
      afterHours: { scheduleId, flow: { name: "Closed", greeting: "Estamos cerrados", options: [] } },
      holidays: [{ scheduleId: holidayId, flow: { name: "Holiday", greeting: "Festivo", options: [] } }],
      operator: { type: "externalNumber", id: "tel:+34910000000" },
      dialScopeGroupIds: ["22222222-2222-4222-8222-222222222222"],
    };
    const before = writes("New-CsAutoAttendant");
    const id = await createAutoAttendant(admin, spec);
    expect(writes("New-CsAutoAttendant") - before).toBe(1);
    const read = await readPhoneServices(admin);
    expect(read.autoAttendants).toEqual([{ id, spec, resourceAccounts: [] }]);

    const changed: AutoAttendantSpec = { ...spec, language: "ca-ES", holidays: [] };
    await updateAutoAttendant(admin, id, changed);
    expect((await listAutoAttendants(admin, () => "callQueue"))[0].spec).toEqual({
      ...changed,
      holidays: undefined,
    });
    await removeAutoAttendant(admin, id);
    expect(await listAutoAttendants(admin)).toEqual([]);
  });

  it("creates a queue, changes only the settings given, and reads the service's defaults back", async () => {
    const id = await createCallQueue(admin, {
      name: "Social services",
      agents: [agent],
      routing: "LongestIdle",
      timeoutSeconds: 600,
      timeout: { action: "Forward", target: "tel:+34910000001" },
    });
    await updateCallQueue(admin, id, { agentAlertTime: 20 });
    const q = (await listCallQueues(admin)).find((x) => x.id === id)!;
    expect(q.spec).toEqual({
      name: "Social services",
      agents: [agent],
      agentGroups: [],
      routing: "LongestIdle",
      presenceBasedRouting: true,
      allowOptOut: true,
      agentAlertTime: 20,
      overflowThreshold: 50,
      overflow: { action: "DisconnectWithBusy" },
      timeoutSeconds: 600,
      timeout: { action: "Forward", target: "tel:+34910000001" },
      useDefaultMusicOnHold: true, // New must name one music on hold: the default, as the spec named none
    });
    // Music on hold: an uploaded file, then Teams' default again; the agent alert time set above stays.
    const file = "1e81adaf-7c3e-4db1-9d61-5d135abb1bcc";
    await updateCallQueue(admin, id, { musicOnHoldAudioFileId: file });
    expect((await listCallQueues(admin)).find((x) => x.id === id)!.spec).toMatchObject({
      useDefaultMusicOnHold: false,
      musicOnHoldAudioFileId: file,
      agentAlertTime: 20,
    });
    await updateCallQueue(admin, id, { useDefaultMusicOnHold: true });
    expect((await listCallQueues(admin)).find((x) => x.id === id)!.spec).not.toHaveProperty(
      "musicOnHoldAudioFileId",
    );
    const before = writes("Set-CsCallQueue");
    await updateCallQueue(admin, id, {});
    expect(writes("Set-CsCallQueue")).toBe(before);
    await removeCallQueue(admin, id);
    expect((await listCallQueues(admin)).some((x) => x.id === id)).toBe(false);
  });

  it("creates resource accounts, gives one a number, associates it and reads the association back", async () => {
    const queueId = await createCallQueue(admin, { name: "Police non-emergency", agents: [agent] });
    const objectId = await createResourceAccount(admin, {
      userPrincipalName: "ra-police@villa.example",
      displayName: "Police",
      kind: "callQueue",
    });
    await updateResourceAccount(admin, objectId, { displayName: "Policía Municipal" });
    await assignResourceAccountNumber(admin, objectId, "+34915550092", "DirectRouting");
    await associate(admin, [objectId], queueId, "callQueue");
    const ra = (await readPhoneServices(admin)).resourceAccounts.find((r) => r.objectId === objectId);
    expect(ra).toEqual({
      objectId,
      spec: {
        userPrincipalName: "ra-police@villa.example",
        displayName: "Policía Municipal",
        kind: "callQueue",
      },
      phoneNumber: "+34915550092",
      association: { configurationId: queueId, type: "callQueue" },
    });
    await dissociate(admin, [objectId]);
    await removeResourceAccountNumber(admin, objectId, "+34915550092", "DirectRouting");
    expect((await listResourceAccounts(admin)).find((r) => r.objectId === objectId)).toMatchObject({
      phoneNumber: null,
      association: null,
    });
    expect(teamsPhoneAreaOf(t.emu.state.doc).associations).toEqual([]);
  });

  it("raises the module's refusal as a TeamsPowerShellError naming the cmdlet", async () => {
    const err = await createCallQueue(admin, { name: "Bad", agents: [agent], agentAlertTime: 5 }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(TeamsPowerShellError);
    expect(err).toMatchObject({ cmdlet: "New-CsCallQueue" });
    expect(err.message).toContain("AgentAlertTime must be between 15 and 180");
  });
});
