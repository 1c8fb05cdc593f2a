/**
 * The end-to-end test's expectations (helpers/tenantExpectations.ts) checked where they are cheap: on the example
 * city applied in process by the REAL providers (`applyDefinition`), they find nothing, and each kind of
 * difference a broken provider would leave (a setting, a list order, a nested field) is found and named.
 */
import * as path from "node:path";
import type { TenantDefinition } from "../../src/config/definition";
import type { StateDocument } from "../../src/emulator";
import { applyDefinition } from "../../src/emulator/state/applied";
import { seedFromDefinition } from "../../src/emulator/state/seed";
import { loadValidDefinition } from "../../src/stackConfig";
import {
  differencesFromDefinition,
  expectedTeamsSettings,
  teamsAreaOf,
  phoneServiceProblems,
  teamsSettingProblems,
} from "./helpers/tenantExpectations";
import { teamsPhoneAreaOf } from "../../src/emulator/state/teamsPhone";

let definition: TenantDefinition;
let applied: StateDocument;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

beforeAll(async () => {
  definition = loadValidDefinition(path.join(__dirname, "..", "..", "stacks", "example"));
  const now = Date.parse("2026-11-02T09:00:00Z");
  const { doc } = seedFromDefinition(definition, { now });
  const result = await applyDefinition(doc, definition, { now });
  expect(result.warnings).toEqual([]);
  applied = doc;
});

const policy = (doc: StateDocument, type: string, name: string) => {
  const found = teamsAreaOf(doc).policies.find((p) => p.type === type && p.name === name);
  if (!found) throw new Error(`the applied example has no ${type} '${name}'`);
  return found;
};

describe("the end-to-end expectations of the Teams catalogue", () => {
  it("cover every setting of every policy, dial plan and voice route of the example", () => {
    const tv = definition.tenant.teamsVoice;
    const expected = expectedTeamsSettings(definition);
    expect(expected).toHaveLength(
      tv.callingPolicies.length +
        tv.emergencyCallingPolicies.length +
        tv.emergencyCallRoutingPolicies.length +
        tv.voiceRoutingPolicies.length +
        tv.dialPlans.length +
        tv.voiceRoutes.length,
    );
    const calling = expected.find((e) => e.name === tv.callingPolicies[0].name);
    // Every setting the YAML gives (all keys but the name) is expected, none dropped on the way.
    expect(Object.keys(calling?.settings ?? {}).length).toBe(Object.keys(tv.callingPolicies[0]).length - 1);
  });

  it("find nothing on the example applied by the real providers", () => {
    expect(differencesFromDefinition(applied, definition)).toEqual([]);
  });

  it("name a calling-policy setting that differs, and one that is missing", () => {
    const doc = clone(applied);
    const name = definition.tenant.teamsVoice.callingPolicies[0].name;
    const settings = policy(doc, "TeamsCallingPolicy", name).settings;
    settings.AllowPrivateCalling = !settings.AllowPrivateCalling;
    delete settings.AllowVoicemail;
    expect(teamsSettingProblems(teamsAreaOf(doc), definition)).toEqual([
      `TeamsCallingPolicy '${name}': AllowPrivateCalling is ${String(settings.AllowPrivateCalling)}, expected ${String(!settings.AllowPrivateCalling)}`,
      `TeamsCallingPolicy '${name}': AllowVoicemail is undefined, expected "UserOverride"`,
    ]);
  });

  it("name reordered dial-plan rules, a changed emergency number and a changed notification group", () => {
    const doc = clone(applied);
    const tv = definition.tenant.teamsVoice;
    const plan = policy(doc, "TenantDialPlan", tv.dialPlans[0].name).settings;
    (plan.NormalizationRules as unknown[]).reverse();
    const routing = policy(doc, "TeamsEmergencyCallRoutingPolicy", tv.emergencyCallRoutingPolicies[0].name);
    (routing.settings.EmergencyNumbers as Record<string, unknown>[])[0].EmergencyDialMask = "911";
    const calling = policy(doc, "TeamsEmergencyCallingPolicy", tv.emergencyCallingPolicies[0].name);
    calling.settings.NotificationGroup = String(calling.settings.NotificationGroup).split(";")[0];
    expect(teamsSettingProblems(teamsAreaOf(doc), definition).map((p) => p.split(" is ")[0])).toEqual([
      `TeamsEmergencyCallingPolicy '${tv.emergencyCallingPolicies[0].name}': NotificationGroup`,
      `TeamsEmergencyCallRoutingPolicy '${tv.emergencyCallRoutingPolicies[0].name}': EmergencyNumbers`,
      `TenantDialPlan '${tv.dialPlans[0].name}': NormalizationRules`,
    ]);
  });

  it("name a voice route whose gateways differ, and a policy that is missing", () => {
    const doc = clone(applied);
    const area = teamsAreaOf(doc);
    const route = area.voiceRoutes[0];
    (route.settings.OnlinePstnGatewayList as string[]).reverse();
    const gone = definition.tenant.teamsVoice.voiceRoutingPolicies[0].name;
    area.policies = area.policies.filter((p) => p.name !== gone);
    expect(teamsSettingProblems(area, definition)).toEqual([
      `OnlineVoiceRoutingPolicy '${gone}' is missing in the tenant`,
      expect.stringMatching(new RegExp(`^OnlineVoiceRoute '${route.name}': OnlinePstnGatewayList is `)),
    ]);
  });
});

describe("the end-to-end expectations of phone services", () => {
  it("name every attendant, queue and account the tenant lacks", () => {
    const problems = phoneServiceProblems(applied, definition);
    const services = definition.departments.flatMap((d) => (d.phoneServices ? [d.phoneServices] : []));
    const objects = services.reduce(
      (n, s) => n + s.autoAttendants.length + s.callQueues.length + s.resourceAccounts.length,
      0,
    );
    expect(problems).toHaveLength(objects);
    expect(problems).toContain(
      "department atencion-ciudadania: auto attendant atencion-ciudadania-linea-010 missing",
    );
  });

  it("name a number an account holds that the definition does not give it", () => {
    const doc = clone(applied);
    teamsPhoneAreaOf(doc).applicationInstances.push({
      objectId: "00000000-0000-4000-8000-000000000001",
      userPrincipalName: "ra-stray@capital.example",
      displayName: "stray",
      applicationId: "ce933385-9390-45d1-9512-c8d228074e07",
      phoneNumber: "+34915559999",
    });
    expect(phoneServiceProblems(doc, definition)).toContain(
      "ra-stray@capital.example: holds +34915559999, which the definition does not give it",
    );
  });
});
