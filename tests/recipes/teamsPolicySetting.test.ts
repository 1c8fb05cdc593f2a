/**
 * CONTRIBUTING "Add a setting to a Teams policy": a setting added to a policy's schema
 * (src/config/schema/teamsVoice.ts) must reach Teams and come back, with nothing else to remember. For every
 * setting of every policy schema (a sample value made from the schema itself), this follows the definition through
 * the Teams layer's inputs and the spec that maps it to cmdlet parameters, checks each parameter against the
 * generated cmdlet contract (the driver's allow-list for New- and Set-Cs<Noun>) and the emulator, and reads it back
 * with the export. A setting the recipe's steps missed fails here, naming the step.
 */
import { z } from "zod";
import type { Tenant } from "../../src/config/schema/tenant";
import {
  callingPolicySchema,
  dialPlanSchema,
  emergencyCallingPolicySchema,
  emergencyCallRoutingPolicySchema,
  voiceRoutingPolicySchema,
} from "../../src/config/schema/teamsVoice";
import { POLICY_SETTINGS } from "../../src/emulator/state/teamsCmdlets";
import { exportPolicy } from "../../src/export/teams";
import { ReportCollector } from "../../src/export/report";
import type { TeamsPolicyType } from "../../src/teams/admin/port";
import { teamsVoiceInputs, type TeamsVoiceInputs } from "../../src/teams/layerInputs";
import { callingPolicySpec } from "../../src/teams/policies/specs/callingPolicy";
import { dialPlanSpec } from "../../src/teams/policies/specs/dialPlan";
import { emergencyCallingPolicySpec } from "../../src/teams/policies/specs/emergencyCallingPolicy";
import { emergencyCallRoutingPolicySpec } from "../../src/teams/policies/specs/emergencyCallRoutingPolicy";
import { voiceRoutingPolicySpec } from "../../src/teams/policies/specs/voiceRoutingPolicy";
import { DRIVER_ALLOW_LIST } from "../../src/teams/powershell/contract";

type Obj = Record<string, unknown>;

/** Each policy schema, the catalogue it sits in, its cmdlet noun and the spec that maps it. */
const POLICIES: {
  type: TeamsPolicyType;
  catalogue: keyof Omit<TeamsVoiceInputs, "pstnUsages" | "voiceRoutes" | "emergencyAddresses">;
  noun: string;
  schema: z.ZodObject;
  settingsOf: (inputs: never) => Obj;
}[] = [
  {
    type: "TeamsCallingPolicy",
    catalogue: "callingPolicies",
    noun: "CsTeamsCallingPolicy",
    schema: callingPolicySchema,
    settingsOf: callingPolicySpec.settingsOf,
  },
  {
    type: "TeamsEmergencyCallingPolicy",
    catalogue: "emergencyCallingPolicies",
    noun: "CsTeamsEmergencyCallingPolicy",
    schema: emergencyCallingPolicySchema,
    settingsOf: emergencyCallingPolicySpec.settingsOf,
  },
  {
    type: "TeamsEmergencyCallRoutingPolicy",
    catalogue: "emergencyCallRoutingPolicies",
    noun: "CsTeamsEmergencyCallRoutingPolicy",
    schema: emergencyCallRoutingPolicySchema,
    settingsOf: emergencyCallRoutingPolicySpec.settingsOf,
  },
  {
    type: "OnlineVoiceRoutingPolicy",
    catalogue: "voiceRoutingPolicies",
    noun: "CsOnlineVoiceRoutingPolicy",
    schema: voiceRoutingPolicySchema,
    settingsOf: voiceRoutingPolicySpec.settingsOf,
  },
  {
    type: "TenantDialPlan",
    catalogue: "dialPlans",
    noun: "CsTenantDialPlan",
    schema: dialPlanSchema,
    settingsOf: dialPlanSpec.settingsOf,
  },
];

/** Values the schema's JSON form cannot suggest (formats, patterns, nested objects). */
const SAMPLES: Obj = {
  name: "Sample",
  notificationGroup: ["seguridad@example.org", "guardia@example.org"],
  notificationDialOutNumber: "+34915550112",
  emergencyNumbers: [
    { emergencyDialString: "112", emergencyDialMask: ["911"], onlinePstnUsage: "Emergencias" },
    { emergencyDialString: "091", emergencyDialMask: [], onlinePstnUsage: "Emergencias" },
  ],
  pstnUsages: ["Madrid", "Emergencias"],
  simpleName: "ES-Sample",
  normalizationRules: [
    { name: "Ext", pattern: "^(\\d{4})$", translation: "+3491555$1", isInternalExtension: true },
    { name: "National", description: "9 digits", pattern: "^(\\d{9})$", translation: "+34$1" },
  ],
};

interface JsonProperty {
  type?: string;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  items?: JsonProperty;
}

/** A value for one setting, different from its default where it has one, so that it shows in the settings. */
function sampleFor(key: string, p: JsonProperty, where: string): unknown {
  if (key in SAMPLES) return SAMPLES[key];
  if (p.enum) return p.enum.find((v) => v !== p.default) ?? p.enum[0];
  if (p.type === "boolean") return p.default !== true;
  if (p.type === "integer" || p.type === "number") {
    const value = (p.minimum ?? 0) + 7;
    return p.maximum !== undefined ? Math.min(value, p.maximum) : value;
  }
  if (p.type === "string" && !p.pattern && !p.format) return `Sample ${key}`;
  throw new Error(
    `${where}.${key}: add a sample value to SAMPLES in tests/recipes/teamsPolicySetting.test.ts`,
  );
}

/** One policy that sets every setting its schema has. */
function everySetting(schema: z.ZodObject, where: string): Obj {
  const json = z.toJSONSchema(schema, { io: "input" }) as { properties: Record<string, JsonProperty> };
  return Object.fromEntries(
    Object.keys(schema.shape).map((k) => [k, sampleFor(k, json.properties[k], where)]),
  );
}

const EMPTY_TEAMS_VOICE = {
  pstnUsages: [],
  voiceRoutes: [],
  callingPolicies: [],
  emergencyCallingPolicies: [],
  emergencyCallRoutingPolicies: [],
  voiceRoutingPolicies: [],
  dialPlans: [],
};

describe.each(POLICIES)("a setting of $type", ({ type, catalogue, noun, schema, settingsOf }) => {
  const definition = schema.parse(everySetting(schema, type)) as Obj;
  const tenant = { teamsVoice: { ...EMPTY_TEAMS_VOICE, [catalogue]: [definition] }, emergencyAddresses: [] };
  const inputs = teamsVoiceInputs(tenant as unknown as Tenant)[catalogue][0];
  const settings = settingsOf(inputs as never);

  it("reaches the provider: every setting of the schema is mapped to a cmdlet parameter (step: the spec)", () => {
    expect(Object.keys(settings).length).toBeGreaterThan(0);
    // The export reads back exactly the definition (defaults as the schema fills them), so a setting the spec
    // dropped, or the export cannot read, does not come back.
    const report = new ReportCollector();
    const exported = exportPolicy({ type, name: definition.name as string, settings }, report);
    expect(report.entries).toEqual([]);
    expect(schema.parse(exported)).toEqual(definition);
  });

  it("is a parameter the generated contract lets the driver send to New- and Set-" + noun, () => {
    for (const verb of ["New", "Set"]) {
      const allowed = DRIVER_ALLOW_LIST[`${verb}-${noun}`];
      expect(allowed).toBeDefined();
      expect(Object.keys(settings).filter((p) => !allowed.includes(p))).toEqual([]);
    }
  });

  it("is emulated (src/emulator/state/teamsCmdlets.ts POLICY_SETTINGS)", () => {
    const emulated = Object.keys(POLICY_SETTINGS[noun] ?? {});
    expect(Object.keys(settings).filter((p) => !emulated.includes(p))).toEqual([]);
  });
});
