/**
 * Teams policies, routes and usages as the live tenant has them → the definition's `teamsVoice` catalogue.
 * The inverse of the providers' `*Settings` functions (src/teams/policies/specs): PascalCase cmdlet settings
 * back to camelCase fields, `a;b` strings back to lists. A setting the schema has no field for, or whose value
 * the schema refuses, is dropped and reported; a policy the schema refuses as a whole is dropped and reported.
 */
import type { z } from "zod";
import {
  callingPolicySchema,
  dialPlanSchema,
  emergencyCallRoutingPolicySchema,
  emergencyCallingPolicySchema,
  voiceRouteSchema,
  voiceRoutingPolicySchema,
  type TeamsVoice,
} from "../config/schema/teamsVoice";
import type { TeamsPolicyType } from "../teams/admin/port";
import type { LivePolicy, LiveTenant, LiveVoiceRoute } from "../live/snapshot";
import type { ReportCollector } from "./report";

type Obj = Record<string, unknown>;

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const list = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map(String)
    : typeof v === "string" && v !== ""
      ? v
          .split(";")
          .map((s) => s.trim())
          .filter(Boolean)
      : [];

/**
 * The settings whose cmdlet parameter is the schema field in PascalCase, read back as they are: every field of
 * `schema` but `name` and those the type maps by hand (`mapped`). A setting added to a policy's schema is exported
 * with no change here.
 */
function plainFields(
  schema: z.ZodObject,
  mapped: readonly string[],
  s: Obj,
): { fields: Obj; used: string[] } {
  const fields: Obj = {};
  const used: string[] = [];
  for (const key of Object.keys(schema.shape)) {
    if (key === "name" || mapped.includes(key)) continue;
    const parameter = pascal(key);
    if (parameter in s) {
      fields[key] = s[parameter];
      used.push(parameter);
    }
  }
  return { fields, used };
}

/** Per type: the settings it maps by hand (lists in another shape, renamed parameters) and how. */
const MAPPERS: Record<
  TeamsPolicyType,
  { schema: z.ZodObject; mapped: readonly string[]; map: (s: Obj) => { fields: Obj; used: string[] } }
> = {
  TeamsCallingPolicy: {
    schema: callingPolicySchema,
    mapped: [],
    map: () => ({ fields: {}, used: [] }),
  },
  TeamsEmergencyCallingPolicy: {
    schema: emergencyCallingPolicySchema,
    mapped: ["notificationGroup"],
    map: (s) => ({
      fields: {
        notificationGroup: s.NotificationGroup === undefined ? undefined : list(s.NotificationGroup),
      },
      used: ["NotificationGroup"],
    }),
  },
  TeamsEmergencyCallRoutingPolicy: {
    schema: emergencyCallRoutingPolicySchema,
    mapped: ["emergencyNumbers"],
    map: (s) => ({
      fields: {
        emergencyNumbers: Array.isArray(s.EmergencyNumbers)
          ? (s.EmergencyNumbers as Obj[]).map((n) => ({
              emergencyDialString: n.EmergencyDialString,
              ...(list(n.EmergencyDialMask).length > 0
                ? { emergencyDialMask: list(n.EmergencyDialMask) }
                : {}),
              onlinePstnUsage: n.OnlinePSTNUsage ?? n.OnlinePstnUsage,
            }))
          : undefined,
      },
      used: ["EmergencyNumbers"],
    }),
  },
  OnlineVoiceRoutingPolicy: {
    schema: voiceRoutingPolicySchema,
    mapped: ["pstnUsages"],
    map: (s) => ({ fields: { pstnUsages: list(s.OnlinePstnUsages) }, used: ["OnlinePstnUsages"] }),
  },
  TenantDialPlan: {
    schema: dialPlanSchema,
    mapped: ["normalizationRules"],
    map: (s) => ({
      fields: {
        normalizationRules: Array.isArray(s.NormalizationRules)
          ? (s.NormalizationRules as Obj[]).map((r) => ({
              name: r.Name,
              ...(r.Description ? { description: r.Description } : {}),
              pattern: r.Pattern,
              translation: r.Translation,
              ...(r.IsInternalExtension === true ? { isInternalExtension: true } : {}),
            }))
          : undefined,
      },
      used: ["NormalizationRules"],
    }),
  },
};

/** Drops undefined, and empty strings the cmdlets print for unset text settings. */
function defined(o: Obj): Obj {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ""));
}

/**
 * `fields` checked against `schema`; each field the schema refuses is dropped and reported, then the whole
 * object is checked again. Undefined when it still does not validate (a required field is missing or wrong).
 */
function validated(schema: z.ZodObject, fields: Obj, what: string, report: ReportCollector): Obj | undefined {
  let current = { ...fields };
  for (let round = 0; round < 3; round += 1) {
    const parsed = schema.safeParse(current);
    if (parsed.success) return current;
    const bad = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")));
    if (
      bad.has("name") ||
      [...bad].some((k) => schema.shape[k] && !schema.shape[k].safeParse(undefined).success)
    ) {
      const why = parsed.error.issues
        .map((i) => `${i.path.join(".") || "(policy)"}: ${i.message}`)
        .join("; ");
      report.add("policy", what, `the schema refuses it (${why}); not exported`);
      return undefined;
    }
    for (const key of bad) {
      report.add(
        "policy-setting",
        `${what}.${key}`,
        `value ${JSON.stringify(current[key])} is not valid for the schema; not exported`,
      );
      delete current[key];
    }
    current = { ...current };
  }
  return undefined;
}

export function exportPolicy(p: LivePolicy, report: ReportCollector): Obj | undefined {
  const what = `${p.type}:${p.name}`;
  const mapper = MAPPERS[p.type];
  const plain = plainFields(mapper.schema, mapper.mapped, p.settings);
  const byHand = mapper.map(p.settings);
  const fields = { ...plain.fields, ...byHand.fields };
  const used = [...plain.used, ...byHand.used];
  for (const [k, v] of Object.entries(p.settings)) {
    const unset = v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
    if (!used.includes(k) && !unset)
      report.add(
        "policy-setting",
        `${what}.${k}`,
        `${JSON.stringify(v)}: the schema has no field for it; not exported`,
      );
  }
  return validated(mapper.schema, { name: p.name, ...defined(fields) }, what, report);
}

export function exportVoiceRoute(r: LiveVoiceRoute, report: ReportCollector): Obj | undefined {
  const s = r.settings;
  for (const k of Object.keys(s)) {
    if (
      !["Description", "NumberPattern", "OnlinePstnGatewayList", "OnlinePstnUsages", "Priority"].includes(k)
    )
      report.add(
        "policy-setting",
        `voiceRoute:${r.name}.${k}`,
        "the schema has no field for it; not exported",
      );
  }
  const fields = defined({
    name: r.name,
    description: s.Description,
    numberPattern: s.NumberPattern,
    gateways: list(s.OnlinePstnGatewayList).map((g) => g.toLowerCase()),
    pstnUsages: list(s.OnlinePstnUsages),
    priority: typeof s.Priority === "number" ? s.Priority : Number(s.Priority),
  });
  return validated(voiceRouteSchema, fields, `voiceRoute:${r.name}`, report);
}

const CATALOGUE_KEY: Record<TeamsPolicyType, keyof TeamsVoice> = {
  TeamsCallingPolicy: "callingPolicies",
  TeamsEmergencyCallingPolicy: "emergencyCallingPolicies",
  TeamsEmergencyCallRoutingPolicy: "emergencyCallRoutingPolicies",
  OnlineVoiceRoutingPolicy: "voiceRoutingPolicies",
  TenantDialPlan: "dialPlans",
};

/** The whole `teamsVoice` section, plus the names of policies exported per type (for department grants). */
export function exportTeamsVoice(
  teams: LiveTenant["teams"],
  report: ReportCollector,
): { teamsVoice: Obj; exported: Record<TeamsPolicyType, Set<string>> } {
  const exported = Object.fromEntries(
    Object.keys(CATALOGUE_KEY).map((t) => [t, new Set<string>()]),
  ) as Record<TeamsPolicyType, Set<string>>;
  const out: Record<string, unknown[]> = {
    callingPolicies: [],
    emergencyCallingPolicies: [],
    emergencyCallRoutingPolicies: [],
    voiceRoutingPolicies: [],
    dialPlans: [],
  };
  const byName = (a: LivePolicy, b: LivePolicy) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const p of [...teams.policies].sort(byName)) {
    if (p.name.toLowerCase() === "global") {
      report.add(
        "builtin-default",
        `${p.type}:Global`,
        "the built-in tenant default; its settings are not exported",
      );
      continue;
    }
    const policy = exportPolicy(p, report);
    if (!policy) continue;
    out[CATALOGUE_KEY[p.type]].push(policy);
    exported[p.type].add(p.name);
  }
  const voiceRoutes = [...teams.voiceRoutes]
    .sort((a, b) => Number(a.settings.Priority) - Number(b.settings.Priority) || (a.name < b.name ? -1 : 1))
    .flatMap((r) => exportVoiceRoute(r, report) ?? []);

  const teamsVoice: Obj = { pstnUsages: [...teams.pstnUsages], voiceRoutes, ...out };
  const globals = teams.globalPolicies ?? {};
  for (const [type, name] of Object.entries(globals) as [TeamsPolicyType, string][]) {
    if (type === "TeamsEmergencyCallRoutingPolicy" && exported[type].has(name)) {
      teamsVoice.globalEmergencyCallRoutingPolicy = name;
    } else {
      report.add(
        "global-policy",
        `${type}:${name}`,
        type === "TeamsEmergencyCallRoutingPolicy"
          ? "granted tenant-wide, but the policy itself was not exported"
          : "granted tenant-wide (-Global); the definition grants this type per department only",
      );
    }
  }
  return { teamsVoice, exported };
}
