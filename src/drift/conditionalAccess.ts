/**
 * Conditional access (issue #16): tenant.yaml's baseline policies and named locations against what Graph v1.0 holds,
 * matched by display name. The definition side is the identity layer's own pure functions (baselinePolicies,
 * then graphShape.ts: the Graph words for what the azuread resources send), so a tenant `pulumi up` left behind has
 * no drift, and a policy switched on, an exclusion removed or a control changed by hand in the portal is named
 * with both sides. Policies named with the organisation's prefix (`CDE CA: …`) that tenant.yaml does not have are
 * extra; anyone else's policies are left alone.
 */
import type { TenantDefinition } from "../config/definition";
import { graphNamedLocation, graphPolicy } from "../identity/conditionalAccess/graphShape";
import { policyGroupsOf } from "../identity/conditionalAccess/policyGroups";
import { baselinePolicies } from "../identity/conditionalAccess/policies";
import type { LiveTenant } from "../live/snapshot";
import type { DriftEntry } from "./types";

type Json = Record<string, unknown>;

const sorted = (v: unknown) => (Array.isArray(v) ? [...v].map(String).sort() : (v ?? null));

/** The settings a baseline policy sets, in one comparable shape (collections as sorted lists). */
function policySettings(p: Json): Json {
  const c = (p.conditions ?? {}) as Json;
  const users = (c.users ?? {}) as Json;
  const apps = (c.applications ?? {}) as Json;
  const locations = c.locations as Json | null | undefined;
  const grant = (p.grantControls ?? {}) as Json;
  const frequency = ((p.sessionControls as Json | null | undefined)?.signInFrequency ?? null) as Json | null;
  return {
    state: p.state ?? null,
    "conditions.users": Object.fromEntries(
      ["includeUsers", "excludeUsers", "includeGroups", "excludeGroups", "includeRoles", "excludeRoles"].map(
        (k) => [k, sorted(users[k] ?? [])],
      ),
    ),
    "conditions.applications": {
      includeApplications: sorted(apps.includeApplications ?? []),
      excludeApplications: sorted(apps.excludeApplications ?? []),
    },
    "conditions.clientAppTypes": sorted(c.clientAppTypes ?? []),
    "conditions.signInRiskLevels": sorted(c.signInRiskLevels ?? []),
    "conditions.userRiskLevels": sorted(c.userRiskLevels ?? []),
    "conditions.locations": locations
      ? {
          include: sorted(locations.includeLocations ?? []),
          exclude: sorted(locations.excludeLocations ?? []),
        }
      : null,
    grantControls: { operator: grant.operator ?? null, builtInControls: sorted(grant.builtInControls ?? []) },
    "sessionControls.signInFrequency": frequency
      ? { isEnabled: frequency.isEnabled ?? null, frequencyInterval: frequency.frequencyInterval ?? null }
      : null,
  };
}

function locationSettings(l: Json): Json {
  return {
    "@odata.type": l["@odata.type"] ?? null,
    isTrusted: l.isTrusted ?? null,
    ipRanges: sorted(((l.ipRanges as Json[] | undefined) ?? []).map((r) => r.cidrAddress)),
    countriesAndRegions: sorted(l.countriesAndRegions ?? []),
    includeUnknownCountriesAndRegions: l.includeUnknownCountriesAndRegions ?? null,
  };
}

function differences(desired: Json, live: Json): string[] {
  return Object.keys(desired).filter((k) => JSON.stringify(desired[k]) !== JSON.stringify(live[k]));
}

/** The settings in which a policy Entra holds differs from the one the baseline renders (export reports them). */
export const policySettingDifferences = (desired: Json, live: Json): string[] =>
  differences(policySettings(desired), policySettings(live));

const pick = (o: Json, keys: readonly string[]) =>
  JSON.stringify(Object.fromEntries(keys.map((k) => [k, o[k]])));

function entry(
  kind: DriftEntry["kind"],
  subject: string,
  expected: string | null,
  actual: string | null,
  message: string,
): DriftEntry {
  return { area: "identity", kind, department: null, subject, expected, actual, message };
}

export function compareConditionalAccess(
  definition: TenantDefinition,
  live: LiveTenant["conditionalAccess"],
  groups: LiveTenant["groups"] = [],
): DriftEntry[] {
  const identity = definition.tenant.identity;
  if (!identity || !live) return [];
  const entries: DriftEntry[] = [];
  const byName = <T extends Json>(items: readonly T[]) =>
    new Map(items.map((i) => [String(i.displayName ?? "").toLowerCase(), i]));

  const liveLocations = byName(live.namedLocations);
  const locationIdOf = new Map<string, string>();
  for (const location of identity.namedLocations) {
    const found = liveLocations.get(location.displayName.toLowerCase());
    if (!found) {
      entries.push(
        entry(
          "named-location-missing",
          location.displayName,
          location.id,
          null,
          `named location ${location.displayName} is not in Entra — \`pulumi up\` creates it again`,
        ),
      );
      continue;
    }
    locationIdOf.set(location.id, String(found.id));
    const want = locationSettings(graphNamedLocation(location) as unknown as Json);
    const have = locationSettings(found);
    const keys = differences(want, have);
    if (keys.length > 0)
      entries.push(
        entry(
          "named-location-settings",
          location.displayName,
          pick(want, keys),
          pick(have, keys),
          `named location ${location.displayName} differs from tenant.yaml in ${keys.join(", ")}: changed outside the toolkit — \`pulumi up\` sets it back, or change identity.namedLocations`,
        ),
      );
  }

  const shortName = definition.tenant.organization.shortName;
  const livePolicies = byName(live.policies);
  const desired = baselinePolicies(
    shortName,
    identity,
    definition.tenant.licensing.skus,
    policyGroupsOf(definition),
  );
  const groupIdOf = new Map(groups.map((g) => [g.displayName.toLowerCase(), g.id]));
  const wanted = new Set<string>();
  for (const spec of desired) {
    wanted.add(spec.displayName.toLowerCase());
    const found = livePolicies.get(spec.displayName.toLowerCase());
    if (!found) {
      entries.push(
        entry(
          "ca-policy-missing",
          spec.displayName,
          spec.state,
          null,
          `conditional access policy ${spec.displayName} is not in Entra — \`pulumi up\` creates it again (${spec.rollout})`,
        ),
      );
      continue;
    }
    // A named location the tenant lacks keeps its tenant.yaml id, so the policy shows the difference too.
    const want = policySettings(
      graphPolicy(
        spec,
        (id) => locationIdOf.get(id) ?? `(named location ${id})`,
        (name) => groupIdOf.get(name.toLowerCase()) ?? `(group ${name})`,
      ) as unknown as Json,
    );
    const have = policySettings(found);
    const keys = differences(want, have);
    if (keys.length > 0)
      entries.push(
        entry(
          "ca-policy-settings",
          spec.displayName,
          pick(want, keys),
          pick(have, keys),
          `conditional access policy ${spec.displayName} differs from tenant.yaml in ${keys.join(", ")}: changed outside the toolkit — \`pulumi up\` sets it back, or change identity.conditionalAccess`,
        ),
      );
  }
  const prefix = `${shortName.toUpperCase()} CA: `.toLowerCase();
  for (const [name, p] of livePolicies)
    if (name.startsWith(prefix) && !wanted.has(name))
      entries.push(
        entry(
          "ca-policy-extra",
          String(p.displayName),
          null,
          String(p.state ?? ""),
          `conditional access policy ${String(p.displayName)} carries the organisation's prefix but tenant.yaml has no such policy — add it to identity.conditionalAccess, or delete it in Entra`,
        ),
      );
  return entries;
}
