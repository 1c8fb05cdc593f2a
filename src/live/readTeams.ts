/**
 * The PowerShell half of the live read (what Graph v1.0 does not have: policy definitions, routing, LIS and
 * group grants), and the tenant defaults inferred from the users' effective policies.
 */
import { TEAMS_POLICY_TYPES, type TeamsPolicyType, type TeamsPowerShellAdmin } from "../teams/admin/port";
import { canonical, sameValue } from "../teams/provider/canonical";
import type { LiveCivicAddress, LivePolicy, LiveTenant, LiveVoiceRoute } from "./snapshot";

export async function readPolicies(ps: TeamsPowerShellAdmin): Promise<LivePolicy[]> {
  const out: LivePolicy[] = [];
  for (const type of TEAMS_POLICY_TYPES) out.push(...(await ps.listPolicies(type)));
  return out;
}

export async function readVoiceRoutes(ps: TeamsPowerShellAdmin): Promise<LiveVoiceRoute[]> {
  return (await ps.listVoiceRoutes()).map((r) => ({ name: r.name, settings: { ...r.settings } }));
}

export async function readCivicAddresses(ps: TeamsPowerShellAdmin): Promise<LiveCivicAddress[]> {
  const out: LiveCivicAddress[] = [];
  for (const a of await ps.listCivicAddresses()) {
    const locations = await ps.listLocations(a.civicAddressId);
    out.push({
      civicAddressId: a.civicAddressId,
      key: a.key === "" ? null : a.key,
      fields: { ...a.fields },
      defaultLocationId: a.defaultLocationId,
      locations: locations.map((l) => ({
        locationId: l.locationId,
        location: l.location,
        ...(l.elin ? { elin: l.elin } : {}),
      })),
    });
  }
  return out;
}

/**
 * Per policy type, the named policy whose settings the Global instance holds: `Grant-Cs… -Global` COPIES the
 * named instance's settings into Global (office-docs-powershell Grant-Cs*Policy.md @ 93336da, -Global), so users
 * fall back to "Global" and only the settings show which policy was granted. Exactly one named policy with the
 * same (non-empty) settings is taken as granted; none, or several alike, infers nothing.
 */
export function inferGlobalPolicies(
  policies: readonly LivePolicy[],
): Partial<Record<TeamsPolicyType, string>> {
  const out: Partial<Record<TeamsPolicyType, string>> = {};
  for (const type of TEAMS_POLICY_TYPES) {
    const ofType = policies.filter((p) => p.type === type);
    const global = ofType.find((p) => p.name.toLowerCase() === "global");
    if (!global || Object.keys(canonical(global.settings) as object).length === 0) continue;
    const same = ofType.filter((p) => p !== global && sameValue(p.settings, global.settings));
    if (same.length === 1) out[type] = same[0].name;
  }
  return out;
}

export type LiveTeams = LiveTenant["teams"];
