import {
  autoAttendantParameters,
  callQueueFrom,
  callQueueParameters,
  dateIn,
  dateOut,
  scheduleParameters,
} from "../../../src/teams/phoneServices/wire";

/**
 * The mapping onto the cmdlets' parameters (office-docs-powershell at 93336da2): New-CsOnlineDateTimeRange's
 * `d/m/yyyy H:mm`, New-CsOnlineTimeRange's `1.00:00` for midnight, New-CsAutoAttendantMenuOption's Tone names,
 * New-CsAutoAttendantCallableEntity's types, and a call flow named by CallFlowId within the one request.
 */
describe("phone-services wire mapping", () => {
  it("writes dates as d/m/yyyy [H:mm] and reads them back as ISO", () => {
    expect(dateOut("2027-05-05")).toBe("5/5/2027");
    expect(dateOut("2027-12-24T09:00")).toBe("24/12/2027 09:00");
    expect(() => dateOut("05/05/2027")).toThrow("is not yyyy-mm-dd");
    expect(dateIn("24/12/2027 9:00")).toBe("2027-12-24T09:00");
    expect(dateIn("5/5/2027")).toBe("2027-05-05T00:00");
  });

  it("writes weekly hours per day, 24:00 as the TimeSpan 1.00:00, and days without hours not at all", () => {
    expect(
      scheduleParameters({
        name: "H",
        kind: "weekly",
        hours: { monday: [{ start: "08:00", end: "24:00" }], tuesday: [] },
        complement: true,
      }),
    ).toEqual({
      Name: "H",
      WeeklyRecurrentSchedule: true,
      MondayHours: [{ Start: "08:00", End: "1.00:00" }],
      Complement: true,
    });
  });

  it("maps keys, actions and targets, and names handled call flows by name", () => {
    const p = autoAttendantParameters({
      name: "AA",
      language: "es-ES",
      timeZone: "UTC",
      defaultFlow: {
        name: "Open",
        options: [
          { key: "*", action: "transfer", target: { type: "resourceAccount", id: "r" } },
          { key: "automatic", action: "disconnect" },
        ],
      },
      afterHours: { scheduleId: "s", flow: { name: "Closed", options: [] } },
      operator: { type: "sharedVoicemail", id: "g", transcription: true },
    });
    expect(p).toEqual({
      Name: "AA",
      LanguageId: "es-ES",
      TimeZoneId: "UTC",
      DefaultCallFlow: {
        Name: "Open",
        Menu: {
          Name: "Open menu",
          MenuOptions: [
            {
              Action: "TransferCallToTarget",
              DtmfResponse: "ToneStar",
              CallTarget: { Identity: "r", Type: "ApplicationEndpoint" },
            },
            { Action: "DisconnectCall", DtmfResponse: "Automatic" },
          ],
        },
      },
      CallFlows: [{ Name: "Closed", Menu: { Name: "Closed menu", MenuOptions: [] } }],
      CallHandlingAssociations: [{ Type: "AfterHours", ScheduleId: "s", CallFlowId: "Closed" }],
      Operator: { Identity: "g", Type: "SharedVoicemail", EnableTranscription: true },
    });
  });

  it("sends only the queue settings given", () => {
    expect(callQueueParameters({ agentAlertTime: 20 })).toEqual({ AgentAlertTime: 20 });
    expect(
      callQueueParameters({ name: "Q", agents: [], overflow: { action: "Voicemail", target: "u" } }),
    ).toEqual({
      Name: "Q",
      Users: [],
      OverflowAction: "Voicemail",
      OverflowActionTarget: "u",
    });
  });

  it("says a queue's shared-voicemail transcription, off as well as on, and reads it back", () => {
    const on = callQueueParameters({
      overflow: { action: "SharedVoicemail", target: "g", transcription: true },
      timeout: { action: "SharedVoicemail", target: "g" },
    });
    expect(on).toMatchObject({
      EnableOverflowSharedVoicemailTranscription: true,
      EnableTimeoutSharedVoicemailTranscription: false,
    });
    // Not a shared voicemail: the switch is not sent at all.
    expect(callQueueParameters({ overflow: { action: "Forward", target: "u" } })).not.toHaveProperty(
      "EnableOverflowSharedVoicemailTranscription",
    );
    const read = callQueueFrom({
      Identity: "q",
      Name: "Q",
      OverflowAction: "SharedVoicemail",
      OverflowActionTarget: "g",
      EnableOverflowSharedVoicemailTranscription: true,
      TimeoutAction: "SharedVoicemail",
      TimeoutActionTarget: "g",
      EnableTimeoutSharedVoicemailTranscription: false,
    });
    expect(read.spec.overflow).toEqual({ action: "SharedVoicemail", target: "g", transcription: true });
    expect(read.spec.timeout).toEqual({ action: "SharedVoicemail", target: "g" });
  });
});
