/**
 * Phone services in the plan's words (src/plan/phoneServices.ts), on the example city's desired sets: each
 * everyday edit reads as one line saying what callers get, and the edits that leave callers unanswered are risks.
 */
import * as path from "node:path";
import { loadValidDefinition } from "../../src/stackConfig";
import {
  describeWeekly,
  phoneSchedulesLines,
  phoneServicesLines,
  scheduleUsers,
} from "../../src/plan/phoneServices";
import { phoneSchedulesOf, phoneServicesOf } from "../../src/teams/phoneServices/fromDefinition";
import type {
  DesiredCallFlow,
  DesiredHours,
  PhoneServicesDesired,
} from "../../src/teams/phoneServices/desired";

const definition = loadValidDefinition(path.join(__dirname, "..", "..", "stacks", "example"));
const services = phoneServicesOf(definition, (d) => `group-of-${d}`);
const schedules = phoneSchedulesOf(definition);
const line010 = services["atencion-ciudadania"];
const copy = <T>(x: T): T => structuredClone(x);

describe("phone services in words", () => {
  it("an opening-hours change of a shared schedule names who uses it", () => {
    const after = copy(schedules);
    const hours = after.schedules.find((s) => s.name === "horario-010")!;
    for (const day of ["monday", "tuesday", "wednesday", "thursday", "friday"] as const)
      hours.weekly[day] = [{ start: "08:00", end: "21:00" }];
    expect(phoneSchedulesLines(schedules, after, scheduleUsers([line010]))).toEqual([
      {
        text: "schedule horario-010 (010 Línea Ciudadana): opening hours Mon–Fri 08:30–20:00; Sat 09:00–14:00 → Mon–Fri 08:00–21:00; Sat 09:00–14:00",
      },
    ]);
  });

  it("a holiday added to the city's calendar", () => {
    const before = copy(schedules);
    before.holidayCalendars[0].entries = before.holidayCalendars[0].entries.filter(
      (e) => e.date !== "2027-05-15",
    );
    expect(phoneSchedulesLines(before, schedules)).toEqual([
      { text: "holiday calendar madrid-2027: holiday 2027-05-15 added (San Isidro Labrador)" },
    ]);
  });

  it("a menu option sent to another queue", () => {
    const after = copy(line010);
    after.autoAttendants[0].open.options[0].target = {
      type: "callQueue",
      name: "atencion-ciudadania-cita-previa",
    };
    expect(phoneServicesLines(line010, after)).toEqual([
      {
        text: "010 Línea Ciudadana (atencion-ciudadania-linea-010): key 1: queue atencion-ciudadania-informacion → queue atencion-ciudadania-cita-previa",
      },
    ]);
  });

  it("a queue's music on hold from Teams' default to an uploaded file", () => {
    const before = services["agencia-tributaria"];
    const after = copy(before);
    after.callQueues[0].useDefaultMusicOnHold = false;
    after.callQueues[0].musicOnHoldAudioFileId = "1e81adaf-7c3e-4db1-9d61-5d135abb1bcc";
    expect(phoneServicesLines(before, after)).toEqual([
      {
        text: "Agencia Tributaria: ayuda al contribuyente (agencia-tributaria-ayuda-tributaria): music on hold Teams' default → 1e81adaf-7c3e-4db1-9d61-5d135abb1bcc",
      },
    ]);
  });

  it("a queue left without agents is a risk", () => {
    const before = services["agencia-tributaria"];
    const after = copy(before);
    after.callQueues[0].agentGroupIds = [];
    expect(phoneServicesLines(before, after)).toEqual([
      {
        text: "Agencia Tributaria: ayuda al contribuyente (agencia-tributaria-ayuda-tributaria): agents a group → none",
      },
      {
        text: "Agencia Tributaria: ayuda al contribuyente (agencia-tributaria-ayuda-tributaria): the queue is left without agents",
        risk: "queue-no-agents",
      },
    ]);
  });

  it("an attendant with a public number losing its after-hours flow is a risk", () => {
    const after = copy(line010);
    delete after.autoAttendants[0].afterHours;
    const number = line010.resourceAccounts[0].number;
    expect(phoneServicesLines(line010, after)).toEqual([
      { text: "010 Línea Ciudadana (atencion-ciudadania-linea-010): after hours: greeting removed" },
      {
        text: `010 Línea Ciudadana (atencion-ciudadania-linea-010): out of hours ${number} no longer plays the after-hours flow`,
        risk: "phone-unanswered",
      },
    ]);
  });

  it("out of hours: a flow that ends the call at once, or new hours with no flow, is a risk; a closing greeting is not", () => {
    const police = services["policia-municipal"];
    const number = police.resourceAccounts[0].number;
    const label = "Policía Municipal: línea no urgente (policia-municipal-no-urgente)";
    const hours: DesiredHours = { weekly: { monday: [{ start: "08:00", end: "15:00" }] } };
    const withHours = (afterHours?: DesiredCallFlow) => {
      const after = copy(police);
      after.autoAttendants[0].hours = hours;
      if (afterHours) after.autoAttendants[0].afterHours = afterHours;
      return phoneServicesLines(police, after).filter((l) => l.risk);
    };
    expect(withHours()).toEqual([
      {
        text: `${label}: out of hours ${number} is left unanswered: business hours without an after-hours flow`,
        risk: "phone-unanswered",
      },
    ]);
    expect(withHours({ options: [{ key: "automatic", action: "disconnect" }] })).toEqual([
      {
        text: `${label}: out of hours ${number} is left unanswered: the after-hours flow ends the call at once`,
        risk: "phone-unanswered",
      },
    ]);
    expect(withHours({ greeting: "Llame al 092 si es urgente", options: [] })).toEqual([]);
  });

  it("a new department line, and a removed one whose number is left unanswered", () => {
    const police = services["policia-municipal"];
    const number = police.resourceAccounts[0].number;
    expect(phoneServicesLines(undefined, police).map((l) => l.text)).toEqual([
      "Policía Municipal: línea no urgente (policia-municipal-no-urgente): auto attendant added (always open)",
      "policia-municipal-oficina-denuncias: call queue added (agents: a group)",
      `resource account ra-policia-municipal-no-urgente@capital.example added (Policía Municipal: línea no urgente, ${number}, answers policia-municipal-no-urgente)`,
    ]);
    const gone: PhoneServicesDesired = { ...police, autoAttendants: [], resourceAccounts: [] };
    expect(phoneServicesLines(police, gone)).toEqual([
      { text: "Policía Municipal: línea no urgente (policia-municipal-no-urgente): auto attendant removed" },
      {
        text: `Policía Municipal: línea no urgente (policia-municipal-no-urgente): ${number} is left unanswered`,
        risk: "phone-unanswered",
      },
      {
        text: `resource account ra-policia-municipal-no-urgente@capital.example removed (${number} released)`,
      },
    ]);
  });

  it("reads weekly hours as spans of days", () => {
    expect(
      describeWeekly({
        monday: [{ start: "09:00", end: "14:00" }],
        tuesday: [{ start: "09:00", end: "14:00" }],
      }),
    ).toBe("Mon–Tue 09:00–14:00");
    expect(describeWeekly({})).toBe("closed");
  });
});
