/**
 * `tenant drift` for phone services (src/drift/phoneServices.ts): the example city's 010 line against what Teams
 * holds, matched by name and UPN, comparing only what the definition sets.
 */
import * as path from "node:path";
import { comparePhoneServices } from "../../src/drift/phoneServices";
import { loadValidDefinition } from "../../src/stackConfig";
import { phoneServicesOf } from "../../src/teams/phoneServices/fromDefinition";
import type { PhoneServicesState } from "../../src/teams/phoneServices/types";

const definition = loadValidDefinition(path.join(__dirname, "..", "..", "stacks", "example"));
const line010 = phoneServicesOf(definition, () => "group")["atencion-ciudadania"];

/** What Teams holds when the 010 line was applied as defined (ids made up; defaults filled in as a read does). */
function applied(): PhoneServicesState {
  const [attendant] = line010.autoAttendants;
  return {
    schedules: [],
    autoAttendants: [
      {
        id: "aa-010",
        spec: {
          name: attendant.name,
          language: attendant.language,
          timeZone: attendant.timeZone,
          defaultFlow: { name: "default", greeting: attendant.open.greeting, options: [] },
        },
        resourceAccounts: ["ra-010"],
      },
    ],
    callQueues: line010.callQueues.map((q, i) => ({
      id: `cq-${i}`,
      spec: {
        name: q.name,
        agents: [],
        agentGroups: ["group"],
        routing: q.routing,
        presenceBasedRouting: q.presenceBasedRouting,
        allowOptOut: q.allowOptOut,
        agentAlertTime: q.agentAlertTime,
        overflowThreshold: q.overflowThreshold,
        timeoutSeconds: q.timeoutSeconds,
        useDefaultMusicOnHold: true,
      },
      resourceAccounts: q.name.endsWith("informacion") ? ["ra-info"] : [],
    })),
    resourceAccounts: line010.resourceAccounts.map((r) => ({
      objectId: r.answers.type === "autoAttendant" ? "ra-010" : "ra-info",
      spec: { userPrincipalName: r.userPrincipalName, displayName: r.displayName, kind: r.answers.type },
      phoneNumber: r.number ?? null,
      association: {
        configurationId: r.answers.type === "autoAttendant" ? "aa-010" : "cq-0",
        type: r.answers.type,
      },
    })),
  };
}

const of010 = (live: PhoneServicesState) =>
  comparePhoneServices(definition, live).filter((e) => e.department === "atencion-ciudadania");

describe("phone-services drift", () => {
  it("reports nothing for a line applied as defined", () => {
    expect(of010(applied())).toEqual([]);
  });

  it("names a queue setting changed by hand, with both sides", () => {
    const live = applied();
    live.callQueues[0].spec.agentAlertTime = 60;
    expect(of010(live)).toEqual([
      {
        area: "phoneServices",
        kind: "phone-object-settings",
        department: "atencion-ciudadania",
        subject: "atencion-ciudadania-informacion",
        expected: '{"agentAlertTime":20}',
        actual: '{"agentAlertTime":60}',
        message:
          "call queue atencion-ciudadania-informacion differs from the definition in agentAlertTime: changed outside the toolkit — `pulumi up` sets it back, or put the change in the department's file",
      },
    ]);
  });

  it("names a missing attendant, an account without its number, and an object made by hand under the department's name", () => {
    const live = applied();
    live.autoAttendants[0].spec.name = "atencion-ciudadania-prueba";
    live.resourceAccounts[0].phoneNumber = null;
    expect(of010(live).map((e) => `${e.kind} ${e.subject}: ${e.message}`)).toEqual([
      "phone-object-missing atencion-ciudadania-linea-010: auto attendant atencion-ciudadania-linea-010 is not in Teams — `pulumi up` creates it again",
      "phone-object-settings ra-atencion-ciudadania-010@capital.example: resource account ra-atencion-ciudadania-010@capital.example differs from the definition in answers: changed outside the toolkit — `pulumi up` sets it back, or put the change in the department's file",
      `phone-number ra-atencion-ciudadania-010@capital.example: resource account ra-atencion-ciudadania-010@capital.example has no number, the definition gives it ${line010.resourceAccounts[0].number} — set its usage location if \`pulumi up\` asked for it, then run \`pulumi up\``,
      "phone-object-extra atencion-ciudadania-prueba: auto attendant atencion-ciudadania-prueba is named as atencion-ciudadania's but its file does not have it — add it to the file, or remove it in Teams",
    ]);
  });

  it("leaves alone what no department's name claims", () => {
    const live = applied();
    live.autoAttendants.push({
      id: "aa-x",
      spec: {
        name: "Recepción general",
        language: "es-ES",
        timeZone: "UTC",
        defaultFlow: { name: "d", options: [] },
      },
      resourceAccounts: [],
    });
    expect(of010(live)).toEqual([]);
    expect(comparePhoneServices(definition, live).filter((e) => e.subject === "Recepción general")).toEqual(
      [],
    );
  });
});
