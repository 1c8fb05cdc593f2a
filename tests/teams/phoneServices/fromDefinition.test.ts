/**
 * The definition's phone services as the resources' desired shape (src/teams/phoneServices/fromDefinition.ts),
 * on the example city: names get the department's prefix, targets keep their kind, the department group stands in
 * for `department`, a number takes its range's type, and every department's set passes the provider's own check.
 */
import * as path from "node:path";
import { loadValidDefinition } from "../../../src/stackConfig";
import { checkPhoneSchedules, checkPhoneServices } from "../../../src/teams/phoneServices/check";
import { phoneSchedulesOf, phoneServicesOf } from "../../../src/teams/phoneServices/fromDefinition";

const definition = loadValidDefinition(path.join(__dirname, "..", "..", "..", "stacks", "example"));
const groupId = (department: string) => `group-of-${department}`;
const services = phoneServicesOf(definition, groupId);

describe("phoneServicesOf on the example city", () => {
  it("has the citizen line, 21 district switchboards, the non-emergency lines and the tax and social queues", () => {
    const districts = definition.departments.filter((d) => d.kind === "district").map((d) => d.id);
    expect(districts).toHaveLength(21);
    expect(Object.keys(services).sort()).toEqual(
      [
        ...districts,
        "atencion-ciudadania",
        "policia-municipal",
        "bomberos",
        "samur",
        "agencia-tributaria",
        "politicas-sociales",
      ].sort(),
    );
  });

  it("names every object after its department and maps the 010 menu", () => {
    const line = services["atencion-ciudadania"];
    const attendant = line.autoAttendants[0];
    expect(attendant.name).toBe("atencion-ciudadania-linea-010");
    expect(attendant.open.options).toEqual([
      {
        key: "1",
        action: "transfer",
        target: { type: "callQueue", name: "atencion-ciudadania-informacion" },
      },
      {
        key: "2",
        action: "transfer",
        target: { type: "callQueue", name: "atencion-ciudadania-cita-previa" },
      },
      { key: "3", action: "transfer", target: { type: "externalNumber", number: "+34915550699" } },
      { key: "0", action: "operator" },
    ]);
    expect(attendant.open.dialByName).toBe(true);
    expect(attendant.hours).toEqual({ schedule: "horario-010" });
    expect(attendant.holidays?.map((h) => h.calendar)).toEqual(["madrid-2027"]);
    expect(attendant.dialScopeGroupIds).toEqual(["group-of-atencion-ciudadania"]);
    expect(line.resourceAccounts[0]).toEqual({
      userPrincipalName: "ra-atencion-ciudadania-010@capital.example",
      displayName: "010 Línea Ciudadana",
      answers: { type: "autoAttendant", name: "atencion-ciudadania-linea-010" },
      number: line.resourceAccounts[0].number,
      numberType: "directRouting",
      usageLocation: "ES",
    });
  });

  it("takes agents and shared voicemail from the department's group, and exits in the cmdlets' words", () => {
    const queue = services["agencia-tributaria"].callQueues[0];
    expect(queue).toMatchObject({
      name: "agencia-tributaria-ayuda-tributaria",
      agents: [],
      agentGroupIds: ["group-of-agencia-tributaria"],
      overflowThreshold: 50,
      overflow: {
        action: "SharedVoicemail",
        target: { type: "sharedVoicemail", groupId: "group-of-agencia-tributaria", transcription: true },
      },
      timeoutSeconds: 900,
      timeout: { action: "SharedVoicemail" },
      useDefaultMusicOnHold: true,
    });
    const citaPrevia = services["atencion-ciudadania"].callQueues[1];
    expect(citaPrevia.overflow).toEqual({
      action: "Forward",
      target: { type: "callQueue", name: "atencion-ciudadania-informacion" },
    });
  });

  it("plays an uploaded audio file on hold when the queue names one, Teams' default otherwise", () => {
    const edited = structuredClone(definition);
    const department = edited.departments.find((d) => d.id === "agencia-tributaria")!;
    department.phoneServices!.callQueues[0].musicOnHold = {
      audioFileId: "1e81adaf-7c3e-4db1-9d61-5d135abb1bcc",
    };
    expect(phoneServicesOf(edited, groupId)["agencia-tributaria"].callQueues[0]).toMatchObject({
      useDefaultMusicOnHold: false,
      musicOnHoldAudioFileId: "1e81adaf-7c3e-4db1-9d61-5d135abb1bcc",
    });
    expect(services["agencia-tributaria"].callQueues[0]).not.toHaveProperty("musicOnHoldAudioFileId");
  });

  it("gives the provider inputs its own check accepts, for every department", () => {
    // What PhoneSchedules outputs: an id list per calendar and schedule name.
    const { holidayCalendars, schedules } = phoneSchedulesOf(definition);
    const scheduleIds = Object.fromEntries(
      [...holidayCalendars, ...schedules].map((s, i) => [s.name, [`schedule-${i}`]]),
    );
    for (const [department, desired] of Object.entries(services)) {
      expect({ department, failures: checkPhoneServices({ ...desired, scheduleIds }) }).toEqual({
        department,
        failures: [],
      });
    }
  });
});

describe("phoneSchedulesOf on the example city", () => {
  const schedules = phoneSchedulesOf(definition);

  it("carries the 2027 holidays and the weekly hours as ranges", () => {
    expect(schedules.holidayCalendars.map((c) => c.name)).toEqual(["madrid-2027"]);
    expect(schedules.holidayCalendars[0].entries).toContainEqual({
      date: "2027-05-15",
      name: "San Isidro Labrador",
    });
    const hours010 = schedules.schedules.find((s) => s.name === "horario-010");
    expect(hours010?.weekly.saturday).toEqual([{ start: "09:00", end: "14:00" }]);
    expect(hours010?.weekly.sunday).toBeUndefined();
    expect(checkPhoneSchedules(schedules as unknown as Record<string, unknown>)).toEqual([]);
  });
});
