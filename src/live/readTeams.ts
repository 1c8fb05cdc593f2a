/**
 * The PowerShell half of the live read (what Graph v1.0 does not have: policy definitions, routing, LIS and
 * group grants), and the tenant defaults inferred from the users' effective policies.
 */
import { TEAMS_POLICY_TYPES, type TeamsPolicyType, type TeamsPowerShellAdmin } from "../teams/admin/port";
import { mostCommon } from "./readGraph";
import type {
  LiveCivicAddress,
  LivePolicy,
  LiveTenant,
  LiveUserConfiguration,
  LiveVoiceRoute,
} from "./snapshot";

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
 * Per policy type, the name users fall back to when no group assignment reaches them (Graph shows the tenant
 * default as a `direct` assignment). The majority of those users carry the default; the rest are per-user
 * grants. `Global` (the built-in default) is left out: it is what an empty definition means.
 */
export function inferGlobalPolicies(
  configurations: readonly LiveUserConfiguration[],
): Partial<Record<TeamsPolicyType, string>> {
  const out: Partial<Record<TeamsPolicyType, string>> = {};
  for (const type of TEAMS_POLICY_TYPES) {
    const names = configurations.flatMap((c) =>
      c.effectivePolicyAssignments
        .filter((e) => e.policyType.toLowerCase() === type.toLowerCase() && e.assignmentType !== "group")
        .map((e) => e.policyName),
    );
    const name = mostCommon(names);
    if (name && name.toLowerCase() !== "global") out[type] = name;
  }
  return out;
}

export type LiveTeams = LiveTenant["teams"];
