import { validateDefinition } from "../../../src/config/validate";
import { ManualClock } from "../../../src/emulator";
import { createTenantState } from "../../../src/emulator/state";
import { seedFromDefinition } from "../../../src/emulator/state/seed";
import { teamsPhoneAreaOf } from "../../../src/emulator/state/teamsPhone";
import { runCmdlet } from "../../../src/emulator/state/teamsPowerShell";
import { AUTO_ATTENDANT_APP_ID, CALL_QUEUE_APP_ID } from "../../../src/emulator/state/teamsPsPhone";
import { MINIMAL_FIXTURE } from "../../helpers/definitionFixture";

/**
 * Phone services on the emulator's PowerShell surface, through the same binding as a driver request (the
 * vendored contract; pages: office-docs-powershell teams/teams-ps/MicrosoftTeams/<cmdlet>.md at 93336da2):
 * schedules, a whole attendant in one request (nested builder objects bound against the builders' pages), call
 * queues with the page's limits and defaults, resource accounts and their associations.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- driver results are arbitrary JSON */
function bed() {
  const result = validateDefinition(MINIMAL_FIXTURE);
  if (!result.definition) throw new Error(JSON.stringify(result.diagnostics));
  const state = createTenantState(seedFromDefinition(result.definition).doc, new ManualClock());
  let seq = 0;
  const ps = (cmdlet: string, parameters: Record<string, unknown> = {}) =>
    runCmdlet(state, { id: ++seq, cmdlet, parameters }, 0);
  const ok = (cmdlet: string, parameters: Record<string, unknown> = {}): any => {
    const out = ps(cmdlet, parameters);
    if (!out.ok) throw new Error(`${cmdlet}: ${out.error.message}`);
    return out.result;
  };
  const fails = (cmdlet: string, parameters: Record<string, unknown>) => {
    const out = ps(cmdlet, parameters);
    if (out.ok) throw new Error(`${cmdlet} succeeded`);
    return { code: out.error.errorId!.split(",")[0], message: out.error.message };
  };
  return { state, ok, fails, area: () => teamsPhoneAreaOf(state.doc) };
}

const hours = (...pairs: [string, string][]) => pairs.map(([Start, End]) => ({ Start, End }));
const tts = (text: string) => ({ TextToSpeechPrompt: text });
const flow = (name: string, options: unknown[] = []) => ({
  Name: name,
  Greetings: [tts(`${name} greeting`)],
  Menu: { Name: `${name} menu`, MenuOptions: options },
});

describe("schedules", () => {
  it("creates a weekly schedule from time ranges, sorted and shown as TimeSpans", () => {
    const { ok } = bed();
    const s = ok("New-CsOnlineSchedule", {
      Name: "Office hours",
      WeeklyRecurrentSchedule: true,
      MondayHours: hours(["13:00", "17:00"], ["09:00", "12:00"]),
      SaturdayHours: hours(["00:00", "1.00:00"]),
    });
    expect(s).toMatchObject({
      Name: "Office hours",
      Type: "WeeklyRecurrence",
      WeeklyRecurrentSchedule: {
        MondayHours: hours(["09:00:00", "12:00:00"], ["13:00:00", "17:00:00"]),
        SaturdayHours: hours(["00:00:00", "1.00:00:00"]),
        TuesdayHours: [],
        ComplementEnabled: false,
      },
      FixedSchedule: null,
    });
    expect(ok("Get-CsOnlineSchedule")).toEqual([s]);
    expect(ok("Get-CsOnlineSchedule", { Id: s.Id })).toEqual([s]);
  });

  it.each([
    ["start after end", hours(["17:00", "09:00"]), "must be less than its end"],
    ["off the 15-minute grid", hours(["09:10", "17:00"]), "15-minute boundaries"],
    ["overlapping", hours(["09:00", "12:00"], ["11:00", "13:00"]), "overlaps"],
    ["not a time", hours(["nine", "17:00"]), "not a time range"],
  ])("refuses a time range %s", (_why, MondayHours, text) => {
    const { fails } = bed();
    expect(
      fails("New-CsOnlineSchedule", { Name: "x", WeeklyRecurrentSchedule: true, MondayHours }),
    ).toMatchObject({ code: "BadRequest", message: expect.stringContaining(text) });
  });

  it("refuses a weekly schedule without hours and a time range with a parameter the builder lacks", () => {
    const { fails } = bed();
    expect(fails("New-CsOnlineSchedule", { Name: "x", WeeklyRecurrentSchedule: true }).message).toContain(
      "at least one day",
    );
    expect(
      fails("New-CsOnlineSchedule", {
        Name: "x",
        WeeklyRecurrentSchedule: true,
        MondayHours: [{ Start: "09:00", End: "10:00", Day: "Monday" }],
      }),
    ).toEqual({
      code: "NamedParameterNotFound",
      message:
        "MondayHours[0] (New-CsOnlineTimeRange): A parameter cannot be found that matches parameter name 'Day'.",
    });
  });

  it("creates a fixed schedule of holidays (End defaults to the next midnight), at most 10 ranges", () => {
    const { ok, fails } = bed();
    const s = ok("New-CsOnlineSchedule", {
      Name: "Holidays 2027",
      FixedSchedule: true,
      DateTimeRanges: [{ Start: "15/5/2027" }, { Start: "24/12/2027 09:00", End: "27/12/2027 00:00" }],
    });
    expect(s.FixedSchedule).toEqual({
      DateTimeRanges: [
        { Start: "15/5/2027 0:00", End: "16/5/2027 0:00" },
        { Start: "24/12/2027 9:00", End: "27/12/2027 0:00" },
      ],
    });
    expect(
      fails("New-CsOnlineSchedule", {
        Name: "x",
        FixedSchedule: true,
        DateTimeRanges: [{ Start: "31/2/2027" }],
      }).message,
    ).toContain("not d/m/yyyy");
    const eleven = Array.from({ length: 11 }, (_, i) => ({ Start: `${i + 1}/1/2027` }));
    expect(
      fails("New-CsOnlineSchedule", { Name: "x", FixedSchedule: true, DateTimeRanges: eleven }).message,
    ).toContain("at most 10");
  });

  it("Set replaces the hours but never the type; Remove refuses a schedule an attendant uses", () => {
    const { ok, fails } = bed();
    const s = ok("New-CsOnlineSchedule", {
      Name: "Hours",
      WeeklyRecurrentSchedule: true,
      MondayHours: hours(["08:00", "20:00"]),
    });
    expect(
      ok("Set-CsOnlineSchedule", {
        Instance: { ...s, WeeklyRecurrentSchedule: { MondayHours: hours(["08:00", "21:00"]) } },
      }),
    ).toBeNull();
    expect(ok("Get-CsOnlineSchedule", { Id: s.Id })[0].WeeklyRecurrentSchedule.MondayHours).toEqual(
      hours(["08:00:00", "21:00:00"]),
    );
    expect(
      fails("Set-CsOnlineSchedule", { Instance: { Id: s.Id, FixedSchedule: { DateTimeRanges: [] } } })
        .message,
    ).toContain("cannot be altered");
    ok("New-CsAutoAttendant", {
      Name: "AA",
      LanguageId: "es-ES",
      TimeZoneId: "Romance Standard Time",
      DefaultCallFlow: flow("Open"),
      CallFlows: [flow("Closed")],
      CallHandlingAssociations: [{ Type: "AfterHours", ScheduleId: s.Id, CallFlowId: "Closed" }],
    });
    expect(fails("Remove-CsOnlineSchedule", { Id: s.Id })).toMatchObject({
      code: "BadRequest",
      message: expect.stringContaining("in use by auto attendant 'AA'"),
    });
  });
});

describe("auto attendants", () => {
  function withTargets() {
    const b = bed();
    const queue = b.ok("New-CsCallQueue", { Name: "Taxes", UseDefaultMusicOnHold: true });
    const ra = b.ok("New-CsOnlineApplicationInstance", {
      UserPrincipalName: "ra-taxes@villa.example",
      DisplayName: "Taxes",
      ApplicationId: CALL_QUEUE_APP_ID,
    });
    const holidays = b.ok("New-CsOnlineSchedule", {
      Name: "Holidays",
      FixedSchedule: true,
      DateTimeRanges: [{ Start: "1/1/2027" }],
    });
    return { ...b, queue, ra, holidays };
  }

  it("creates the whole attendant in one request: menus, targets, holiday handling, operator, dial scope", () => {
    const { ok, queue, ra, holidays } = withTargets();
    const aa = ok("New-CsAutoAttendant", {
      Name: "010 Línea Ciudadana",
      LanguageId: "es-ES",
      TimeZoneId: "Romance Standard Time",
      DefaultCallFlow: flow("Open", [
        {
          Action: "TransferCallToTarget",
          DtmfResponse: "Tone1",
          CallTarget: { Identity: queue.Id, Type: "ConfigurationEndpoint" },
        },
        {
          Action: "TransferCallToTarget",
          DtmfResponse: "Tone2",
          CallTarget: { Identity: ra.ObjectId, Type: "ApplicationEndpoint" },
        },
        { Action: "DisconnectCall", DtmfResponse: "Tone9", Prompt: tts("Adiós") },
      ]),
      CallFlows: [flow("Holiday")],
      CallHandlingAssociations: [{ Type: "Holiday", ScheduleId: holidays.Id, CallFlowId: "Holiday" }],
      Operator: { Identity: "tel:+34910000000", Type: "ExternalPstn" },
      InclusionScope: { GroupScope: true, GroupIds: ["5d0e6d8a-0000-4000-8000-000000000001"] },
    });
    expect(aa.DefaultCallFlow.Menu.MenuOptions.map((o: any) => o.DtmfResponse)).toEqual([
      "Tone1",
      "Tone2",
      "Tone9",
    ]);
    expect(aa.DefaultCallFlow.Greetings).toEqual([
      { ActiveType: "TextToSpeech", TextToSpeechPrompt: "Open greeting" },
    ]);
    expect(aa.CallHandlingAssociations).toEqual([
      {
        Type: "Holiday",
        ScheduleId: holidays.Id,
        CallFlowId: aa.CallFlows[0].Id,
        Enabled: true,
        Priority: 1,
      },
    ]);
    expect(aa.Schedules.map((s: any) => s.Name)).toEqual(["Holidays"]);
    expect(aa.DirectoryLookupScope.InclusionScope).toEqual({
      GroupScope: { GroupIds: ["5d0e6d8a-0000-4000-8000-000000000001"] },
    });
    expect(ok("Get-CsAutoAttendant", { NameFilter: "línea" })).toEqual([aa]);
  });

  it.each([
    [
      "a transfer without target",
      [{ Action: "TransferCallToTarget", DtmfResponse: "Tone1" }],
      "InvalidArgument",
      "CallTarget is required",
    ],
    [
      "an action off the page's list",
      [{ Action: "AgentsAndQueues", DtmfResponse: "Tone1" }],
      "BadRequest",
      "not valid for Action",
    ],
    [
      "two options on one key",
      [
        { Action: "DisconnectCall", DtmfResponse: "Tone1" },
        { Action: "Announcement", DtmfResponse: "Tone1", Prompt: tts("x") },
      ],
      "BadRequest",
      "already used",
    ],
    [
      "a queue that does not exist",
      [
        {
          Action: "TransferCallToTarget",
          DtmfResponse: "Tone1",
          CallTarget: { Identity: "00000000-0000-4000-8000-000000000000", Type: "ConfigurationEndpoint" },
        },
      ],
      "NotFound",
      "no auto attendant or call queue",
    ],
    [
      "an audio-file prompt (not emulated)",
      [{ Action: "Announcement", DtmfResponse: "Tone1", Prompt: { AudioFilePrompt: "x" } }],
      "EmulatorNotImplemented",
      "AudioFilePrompt",
    ],
  ])("refuses %s, saying where in the request", (_why, options, code, text) => {
    const { fails } = bed();
    const out = fails("New-CsAutoAttendant", {
      Name: "x",
      LanguageId: "es-ES",
      TimeZoneId: "UTC",
      DefaultCallFlow: flow("Open", options),
    });
    expect(out.code).toBe(code === "InvalidArgument" ? "BadRequest" : code);
    expect(out.message).toContain("DefaultCallFlow.Menu.MenuOptions[");
    expect(out.message).toContain(text);
  });

  it("refuses a missing mandatory parameter of New and a handling association to an unknown flow", () => {
    const { fails, holidays } = withTargets();
    expect(
      fails("New-CsAutoAttendant", { Name: "x", LanguageId: "es-ES", DefaultCallFlow: flow("Open") }).message,
    ).toContain("TimeZoneId");
    expect(
      fails("New-CsAutoAttendant", {
        Name: "x",
        LanguageId: "es-ES",
        TimeZoneId: "UTC",
        DefaultCallFlow: flow("Open"),
        CallHandlingAssociations: [{ Type: "Holiday", ScheduleId: holidays.Id, CallFlowId: "Nope" }],
      }).message,
    ).toContain("no call flow of this attendant is 'Nope'");
  });

  it("Set replaces the attendant whole, keeping call-flow ids by name; Remove drops its associations", () => {
    const { ok, fails, area } = bed();
    const aa = ok("New-CsAutoAttendant", {
      Name: "AA",
      LanguageId: "es-ES",
      TimeZoneId: "UTC",
      DefaultCallFlow: flow("Open"),
      CallFlows: [flow("Closed")],
    });
    const instance = {
      Identity: aa.Id,
      Name: "AA 2",
      LanguageId: "ca-ES",
      TimeZoneId: "UTC",
      DefaultCallFlow: flow("Open"),
      CallFlows: [flow("Closed")],
    };
    expect(ok("Set-CsAutoAttendant", { Instance: instance })).toBeNull();
    const after = ok("Get-CsAutoAttendant", { Identity: aa.Id })[0];
    expect(after).toMatchObject({ Name: "AA 2", LanguageId: "ca-ES" });
    expect(after.CallFlows[0].Id).toBe(aa.CallFlows[0].Id);
    expect(fails("Set-CsAutoAttendant", { Instance: { ...instance, Colour: "red" } }).message).toContain(
      "Instance: A parameter cannot be found that matches parameter name 'Colour'",
    );
    const ra = ok("New-CsOnlineApplicationInstance", {
      UserPrincipalName: "ra-aa@villa.example",
      ApplicationId: AUTO_ATTENDANT_APP_ID,
    });
    ok("New-CsOnlineApplicationInstanceAssociation", {
      Identities: [ra.ObjectId],
      ConfigurationId: aa.Id,
      ConfigurationType: "AutoAttendant",
    });
    expect(ok("Get-CsAutoAttendant", { Identity: aa.Id })[0].ApplicationInstances).toEqual([ra.ObjectId]);
    expect(ok("Remove-CsAutoAttendant", { Identity: aa.Id })).toBeNull();
    expect(area().associations).toEqual([]);
    expect(fails("Get-CsAutoAttendant", { Identity: aa.Id }).code).toBe("NotFound");
  });

  it("lists at most 100 at a time and refuses -First above 100 (Get-CsAutoAttendant.md, -First)", () => {
    const { ok, fails } = bed();
    for (let i = 0; i < 3; i++)
      ok("New-CsAutoAttendant", {
        Name: `AA${i}`,
        LanguageId: "es-ES",
        TimeZoneId: "UTC",
        DefaultCallFlow: flow("Open"),
      });
    expect(ok("Get-CsAutoAttendant", { First: 1, Skip: 1 }).map((a: any) => a.Name)).toEqual(["AA1"]);
    expect(fails("Get-CsAutoAttendant", { First: 101 }).message).toContain("at most 100");
  });
});

describe("call queues", () => {
  it("shows the page's defaults, rounds the timeout to 15 s and lists agents", () => {
    const { ok } = bed();
    const agent = "11111111-1111-4111-8111-111111111111";
    const q = ok("New-CsCallQueue", {
      Name: "Taxes",
      UseDefaultMusicOnHold: true,
      Users: [agent],
      TimeoutThreshold: 47,
      RoutingMethod: "longestidle",
    });
    expect(q).toMatchObject({
      Name: "Taxes",
      AgentAlertTime: 30,
      OverflowThreshold: 50,
      OverflowAction: "DisconnectWithBusy",
      TimeoutThreshold: 45,
      TimeoutAction: "Disconnect",
      RoutingMethod: "LongestIdle",
      PresenceBasedRouting: true,
      Agents: [{ ObjectId: agent, OptIn: true }],
    });
    expect(ok("Set-CsCallQueue", { Identity: q.Id, AgentAlertTime: 20 })).toBeNull();
    expect(ok("Get-CsCallQueue", { Identity: q.Id })[0]).toMatchObject({
      AgentAlertTime: 20,
      TimeoutThreshold: 45,
    });
    expect(ok("Get-CsCallQueue")).toHaveLength(1);
  });

  it.each([
    [{ AgentAlertTime: 10 }, "AgentAlertTime must be between 15 and 180"],
    [{ OverflowThreshold: 201 }, "OverflowThreshold must be between 0 and 200"],
    [{ TimeoutThreshold: 2701 }, "TimeoutThreshold must be between 0 and 2700"],
    [{ OverflowAction: "Forward", OverflowActionTarget: "+34910000000" }, "mandatory 'tel:' prefix"],
    [{ TimeoutAction: "SharedVoicemail" }, "must be a group ID"],
    [{ Users: ["ana@villa.example"] }, "Users expects GUIDs"],
  ])("refuses %j", (params, text) => {
    expect(
      bed().fails("New-CsCallQueue", { Name: "Q", UseDefaultMusicOnHold: true, ...params }).message,
    ).toContain(text);
  });

  it("plays one music on hold: default or an audio file, never both, and New must say which", () => {
    const { ok, fails } = bed();
    const file = "1e81adaf-7c3e-4db1-9d61-5d135abb1bcc";
    expect(fails("New-CsCallQueue", { Name: "Q" }).message).toBe(
      "MusicOnHoldAudioFileId is required if UseDefaultMusicOnHold is not specified.",
    );
    expect(
      fails("New-CsCallQueue", { Name: "Q", UseDefaultMusicOnHold: false, MusicOnHoldAudioFileId: file })
        .message,
    ).toBe("UseDefaultMusicOnHold cannot be specified together with MusicOnHoldAudioFileId.");
    const q = ok("New-CsCallQueue", { Name: "Q", MusicOnHoldAudioFileId: file });
    expect(q).toMatchObject({ UseDefaultMusicOnHold: false, MusicOnHoldAudioFileId: file });
    expect(ok("Set-CsCallQueue", { Identity: q.Id, AgentAlertTime: 20 })).toBeNull();
    expect(ok("Set-CsCallQueue", { Identity: q.Id, UseDefaultMusicOnHold: true })).toBeNull();
    expect(ok("Get-CsCallQueue", { Identity: q.Id })[0]).toMatchObject({
      UseDefaultMusicOnHold: true,
      MusicOnHoldAudioFileId: null,
    });
  });

  it("requires -Identity as a Guid on Get and Remove (the page's type)", () => {
    const { fails } = bed();
    expect(fails("Remove-CsCallQueue", { Identity: "Taxes" }).code).toBe("CannotConvertArgumentNoMessage");
  });
});

describe("application instances and associations", () => {
  it("creates resource accounts with unique UPNs and finds them by UPN or object id", () => {
    const { ok, fails } = bed();
    const ra = ok("New-CsOnlineApplicationInstance", {
      UserPrincipalName: "ra-010@villa.example",
      DisplayName: "010",
      ApplicationId: AUTO_ATTENDANT_APP_ID,
    });
    expect(ra).toEqual({
      ObjectId: expect.any(String),
      UserPrincipalName: "ra-010@villa.example",
      DisplayName: "010",
      ApplicationId: AUTO_ATTENDANT_APP_ID,
      PhoneNumber: null,
    });
    expect(ok("Get-CsOnlineApplicationInstance", { Identity: "RA-010@villa.example" })).toEqual([ra]);
    expect(ok("Get-CsOnlineApplicationInstance", { Identities: [ra.ObjectId] })).toEqual([ra]);
    expect(fails("New-CsOnlineApplicationInstance", { UserPrincipalName: "ra-010@villa.example" }).code).toBe(
      "Conflict",
    );
    expect(
      ok("Set-CsOnlineApplicationInstance", { Identity: ra.ObjectId, DisplayName: "010 Ciudad" }),
    ).toBeNull();
    expect(ok("Get-CsOnlineApplicationInstance")[0].DisplayName).toBe("010 Ciudad");
  });

  it("associates an instance with one configuration of its application's type, and removes it", () => {
    const { ok, fails } = bed();
    const q = ok("New-CsCallQueue", { Name: "Q", UseDefaultMusicOnHold: true });
    const aaRa = ok("New-CsOnlineApplicationInstance", {
      UserPrincipalName: "aa@villa.example",
      ApplicationId: AUTO_ATTENDANT_APP_ID,
    });
    const cqRa = ok("New-CsOnlineApplicationInstance", {
      UserPrincipalName: "cq@villa.example",
      ApplicationId: CALL_QUEUE_APP_ID,
    });
    expect(
      fails("New-CsOnlineApplicationInstanceAssociation", {
        Identities: [aaRa.ObjectId],
        ConfigurationId: q.Id,
        ConfigurationType: "CallQueue",
      }).message,
    ).toContain("not the CallQueue application");
    expect(
      ok("New-CsOnlineApplicationInstanceAssociation", {
        Identities: [cqRa.ObjectId],
        ConfigurationId: q.Id,
        ConfigurationType: "CallQueue",
      }).Results,
    ).toEqual([
      { Id: cqRa.ObjectId, ConfigurationId: q.Id, ConfigurationType: "CallQueue", Result: "Success" },
    ]);
    expect(
      fails("New-CsOnlineApplicationInstanceAssociation", {
        Identities: [cqRa.ObjectId],
        ConfigurationId: q.Id,
        ConfigurationType: "CallQueue",
      }).code,
    ).toBe("Conflict");
    expect(ok("Get-CsOnlineApplicationInstanceAssociation", { Identity: cqRa.ObjectId })).toEqual([
      { Id: cqRa.ObjectId, ConfigurationId: q.Id, ConfigurationType: "CallQueue", CallPriority: 3 },
    ]);
    expect(ok("Get-CsCallQueue", { Identity: q.Id })[0].ApplicationInstances).toEqual([cqRa.ObjectId]);
    ok("Remove-CsOnlineApplicationInstanceAssociation", { Identities: [cqRa.ObjectId] });
    expect(fails("Get-CsOnlineApplicationInstanceAssociation", { Identity: cqRa.ObjectId }).code).toBe(
      "NotFound",
    );
  });
});
