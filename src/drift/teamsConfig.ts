/**
 * Tenant-wide Teams voice configuration the definition owns: policies and dial plans (only the settings the
 * definition sets, in the exact form the providers send them), voice routes, the PSTN usages it adds to the
 * tenant's list, and emergency addresses with their locations. Objects the definition does not name belong
 * to someone else and are not reported.
 */
import type { TenantDefinition } from "../config/definition";
import type { LiveCivicAddress, LivePolicy } from "../live/snapshot";
import type { TeamsPolicyType } from "../teams/admin/port";
import { addressFields } from "../teams/addresses/fields";
import { teamsVoiceInputs } from "../teams/layerInputs";
import { canonical, sameValue } from "../teams/provider/canonical";
import { callingPolicySettings } from "../teams/policies/specs/callingPolicy";
import { dialPlanSettings } from "../teams/policies/specs/dialPlan";
import { emergencyCallingPolicySettings } from "../teams/policies/specs/emergencyCallingPolicy";
import { emergencyCallRoutingPolicySettings } from "../teams/policies/specs/emergencyCallRoutingPolicy";
import { voiceRouteSettings } from "../teams/policies/specs/voiceRoute";
import { voiceRoutingPolicySettings } from "../teams/policies/specs/voiceRoutingPolicy";
import type { LiveIndex } from "./liveIndex";
import type { DriftEntry } from "./types";

const base = { area: "teamsConfig" as const, department: null };

/** The differing owned settings, each side as compact JSON. */
function settingsDiff(
  desired: Record<string, unknown>,
  live: Record<string, unknown>,
): { expected: string; actual: string; keys: string[] } | undefined {
  const keys = Object.keys(desired)
    .filter((k) => !sameValue(desired[k], live[k]))
    .sort();
  if (keys.length === 0) return undefined;
  const pick = (o: Record<string, unknown>) =>
    JSON.stringify(Object.fromEntries(keys.map((k) => [k, canonical(o[k]) ?? null])));
  return { expected: pick(desired), actual: pick(live), keys };
}

function comparePolicy(
  type: TeamsPolicyType,
  name: string,
  desired: Record<string, unknown>,
  policies: readonly LivePolicy[],
): DriftEntry[] {
  const subject = `${type}:${name}`;
  const live = policies.find((p) => p.type === type && p.name.toLowerCase() === name.toLowerCase());
  if (!live) {
    return [
      {
        ...base,
        kind: "policy-missing",
        subject,
        expected: JSON.stringify(canonical(desired)),
        actual: null,
        message: `${type} ${name} does not exist in the tenant`,
      },
    ];
  }
  const diff = settingsDiff(desired, live.settings);
  if (!diff) return [];
  return [
    {
      ...base,
      kind: "policy-settings",
      subject,
      expected: diff.expected,
      actual: diff.actual,
      message: `${type} ${name} differs in ${diff.keys.join(", ")}`,
    },
  ];
}

/** `[key] text` → `text`: the adapter keeps our address id in Description; the definition's text has none. */
function withoutKey(fields: LiveCivicAddress["fields"], key: string): Record<string, unknown> {
  const description = fields.Description;
  if (description === undefined) return fields;
  const stripped = description.startsWith(`[${key}]`)
    ? description.slice(key.length + 2).trimStart()
    : description;
  return { ...fields, Description: stripped === "" ? undefined : stripped };
}

export function compareTeamsConfig(definition: TenantDefinition, index: LiveIndex): DriftEntry[] {
  const out: DriftEntry[] = [];
  const inputs = teamsVoiceInputs(definition.tenant);
  const policies = index.live.teams.policies;
  const desiredPolicies: [TeamsPolicyType, string, Record<string, unknown>][] = [
    ...inputs.callingPolicies.map((p) => ["TeamsCallingPolicy", p.name, callingPolicySettings(p)] as const),
    ...inputs.emergencyCallingPolicies.map(
      (p) => ["TeamsEmergencyCallingPolicy", p.name, emergencyCallingPolicySettings(p)] as const,
    ),
    ...inputs.emergencyCallRoutingPolicies.map(
      (p) => ["TeamsEmergencyCallRoutingPolicy", p.name, emergencyCallRoutingPolicySettings(p)] as const,
    ),
    ...inputs.voiceRoutingPolicies.map(
      (p) => ["OnlineVoiceRoutingPolicy", p.name, voiceRoutingPolicySettings(p)] as const,
    ),
    ...inputs.dialPlans.map((p) => ["TenantDialPlan", p.name, dialPlanSettings(p)] as const),
  ].map(([type, name, settings]) => [type, name, settings]);
  for (const [type, name, settings] of desiredPolicies)
    out.push(...comparePolicy(type, name, settings, policies));

  // `Grant-Cs… -Global` copies the named policy's settings into the Global instance (Grant-Cs*.md @ 93336da,
  // -Global): the tenant default is right when Global holds the named policy's desired settings, whatever the
  // named policy holds now.
  const globalName = definition.tenant.teamsVoice.globalEmergencyCallRoutingPolicy;
  const granted = globalName
    ? inputs.emergencyCallRoutingPolicies.find((p) => p.name.toLowerCase() === globalName.toLowerCase())
    : undefined;
  if (granted) {
    const global = policies.find((p) => p.type === "TeamsEmergencyCallRoutingPolicy" && p.name === "Global");
    const diff = global && settingsDiff(emergencyCallRoutingPolicySettings(granted), global.settings);
    if (diff) {
      out.push({
        ...base,
        kind: "policy-settings",
        subject: "TeamsEmergencyCallRoutingPolicy:Global",
        expected: diff.expected,
        actual: diff.actual,
        message: `the Global emergency call routing policy no longer holds ${granted.name}'s settings (${diff.keys.join(", ")}): grant it again`,
      });
    }
  }

  for (const route of inputs.voiceRoutes) {
    const desired = voiceRouteSettings(route);
    const live = index.live.teams.voiceRoutes.find((r) => r.name.toLowerCase() === route.name.toLowerCase());
    if (!live) {
      out.push({
        ...base,
        kind: "voice-route-missing",
        subject: route.name,
        expected: JSON.stringify(canonical(desired)),
        actual: null,
        message: `voice route ${route.name} does not exist in the tenant`,
      });
      continue;
    }
    const diff = settingsDiff(desired, live.settings);
    if (diff)
      out.push({
        ...base,
        kind: "voice-route-settings",
        subject: route.name,
        expected: diff.expected,
        actual: diff.actual,
        message: `voice route ${route.name} differs in ${diff.keys.join(", ")}`,
      });
  }

  const usages = new Set(index.live.teams.pstnUsages.map((u) => u.toLowerCase()));
  for (const usage of inputs.pstnUsages.usages) {
    if (usages.has(usage.toLowerCase())) continue;
    out.push({
      ...base,
      kind: "pstn-usage-missing",
      subject: usage,
      expected: usage,
      actual: null,
      message: `PSTN usage ${usage} is not in the tenant's list`,
    });
  }

  for (const address of inputs.emergencyAddresses) {
    const live = index.addressByKey.get(address.key);
    if (!live) {
      out.push({
        ...base,
        kind: "address-missing",
        subject: address.key,
        expected: `${address.streetName} ${address.houseNumber}, ${address.city}`,
        actual: null,
        message: `emergency address ${address.key} is not registered in the LIS`,
      });
      continue;
    }
    const diff = settingsDiff(addressFields(address), withoutKey(live.fields, address.key));
    if (diff)
      out.push({
        ...base,
        kind: "address-fields",
        subject: address.key,
        expected: diff.expected,
        actual: diff.actual,
        message: `emergency address ${address.key} differs in ${diff.keys.join(", ")}`,
      });
    for (const loc of address.locations) {
      const locationId = index.liveLocationOf.get(loc.id);
      const liveLoc = live.locations.find((l) => l.locationId === locationId);
      if (!liveLoc) {
        out.push({
          ...base,
          kind: "location-missing",
          subject: loc.id,
          expected: `${loc.name} at ${address.key}`,
          actual: null,
          message: `emergency location ${loc.id} (${loc.name}) is missing from address ${address.key}`,
        });
      } else if (loc.elin !== undefined && (liveLoc.elin ?? "") !== loc.elin) {
        out.push({
          ...base,
          kind: "location-elin",
          subject: loc.id,
          expected: loc.elin,
          actual: liveLoc.elin ?? null,
          message: `emergency location ${loc.id} has ELIN ${liveLoc.elin ?? "none"}; the definition says ${loc.elin}`,
        });
      }
    }
  }
  return out;
}
