/**
 * Conditional access and named locations → tenant.yaml `identity` (issue #16), the inverse of the identity layer's
 * baseline (src/identity/conditionalAccess/policies.ts, graphShape.ts). A policy is exported when its display name
 * is one of the baseline's (`<SHORT> CA: <title>`): its rollout state, risk levels and excluded locations come back;
 * the accounts excluded from every exported policy are the break-glass accounts. Each exported policy is then
 * rendered again and compared with what Entra holds (the drift's own comparison): a setting the baseline would not
 * reproduce is reported, so nothing is changed silently. Anything else is reported under `conditional-access`.
 */
import type { LiveTenant } from "../live/snapshot";
import { identitySchema, ROLLOUT_STATES, type RolloutState } from "../config/schema/identity";
import type { Sku } from "../config/schema/licensing";
import { policySettingDifferences } from "../drift/conditionalAccess";
import { graphPolicy } from "../identity/conditionalAccess/graphShape";
import {
  baselinePolicies,
  policyDisplayName,
  TITLES,
  type BaselinePolicyKey,
} from "../identity/conditionalAccess/policies";
import { DEFAULT_SCOPED_ROLES } from "../identity/delegation/scopedRoles";
import { slugText } from "./addresses";
import { placeholderSecurityContact } from "./placeholders";
import { exportExceptions, type ExportedException } from "./caExceptions";
import type { ReportCollector } from "./report";

type Json = Record<string, unknown>;

const STATE_TO_ROLLOUT = Object.fromEntries(Object.entries(ROLLOUT_STATES).map(([k, v]) => [v, k])) as Record<
  string,
  RolloutState
>;

export interface IdentityExport {
  identity?: Record<string, unknown>;
  /** Lower-cased object ids of the break-glass accounts (in no department, on purpose). */
  breakGlassIds: Set<string>;
  /** Department id → its conditional access exceptions (department file `conditionalAccessExceptions`). */
  exceptions: Map<string, ExportedException[]>;
}

export function exportIdentity(
  live: LiveTenant,
  shortName: string,
  skus: readonly Sku[],
  report: ReportCollector,
  /** The exported departments' admin groups, by display name: the administrators' policy includes them. */
  adminGroupNames: readonly string[] = [],
): IdentityExport {
  const none: IdentityExport = { breakGlassIds: new Set(), exceptions: new Map() };
  const ca = live.conditionalAccess;
  if (!ca || ca.policies.length + ca.namedLocations.length === 0) return none;

  // --- named locations: ids made from their display names ----------------------------------------------------
  const taken = new Set<string>();
  const exportIdOf = new Map<string, string>();
  const namedLocations = ca.namedLocations.flatMap((l): Json[] => {
    const displayName = String(l.displayName ?? "");
    let id = slugText(displayName).slice(0, 40).replace(/-+$/, "") || "location";
    if (!/^[a-z]/.test(id)) id = `l-${id}`.slice(0, 40);
    for (let n = 2; taken.has(id); n++) id = `${id.slice(0, 37)}-${n}`;
    const type = String(l["@odata.type"] ?? "");
    if (type === "#microsoft.graph.ipNamedLocation") {
      const ranges = ((l.ipRanges as Json[] | undefined) ?? []).filter(
        (r) => r["@odata.type"] !== "#microsoft.graph.iPv6CidrRange",
      );
      if (ranges.length === 0) {
        report.add(
          "conditional-access",
          String(l.id),
          `named location ${displayName}: IPv6 ranges only, which tenant.yaml cannot say; not exported`,
        );
        return [];
      }
      taken.add(id);
      exportIdOf.set(String(l.id).toLowerCase(), id);
      return [
        {
          id,
          displayName,
          ipRanges: ranges.map((r) => String(r.cidrAddress)),
          trusted: l.isTrusted === true,
        },
      ];
    }
    if (type === "#microsoft.graph.countryNamedLocation") {
      taken.add(id);
      exportIdOf.set(String(l.id).toLowerCase(), id);
      return [
        {
          id,
          displayName,
          countries: (l.countriesAndRegions as string[] | undefined) ?? [],
          includeUnknownCountries: l.includeUnknownCountriesAndRegions === true,
        },
      ];
    }
    report.add(
      "conditional-access",
      String(l.id),
      `named location ${displayName}: type ${type || "(none)"} is not exported`,
    );
    return [];
  });

  // --- the baseline's policies, by display name --------------------------------------------------------------
  const keyOf = new Map(
    (Object.keys(TITLES) as BaselinePolicyKey[]).map((k) => [
      policyDisplayName(shortName, k).toLowerCase(),
      k,
    ]),
  );
  const conditionalAccess: Record<string, Json> = {};
  const exported: Json[] = [];
  for (const p of ca.policies) {
    const name = String(p.displayName ?? "");
    const key = keyOf.get(name.toLowerCase());
    const rollout = STATE_TO_ROLLOUT[String(p.state)];
    if (!key || !rollout) {
      report.add(
        "conditional-access",
        String(p.id),
        `policy ${name}: not one of the toolkit's baseline policies; not exported`,
      );
      continue;
    }
    const c = (p.conditions ?? {}) as Json;
    const entry: Json = { state: rollout };
    if (key === "signInRisk") entry.levels = c.signInRiskLevels;
    if (key === "userRisk") entry.levels = c.userRiskLevels;
    if (key === "allowedLocations") {
      const excluded = ((c.locations as Json | null)?.excludeLocations as string[] | undefined) ?? [];
      entry.locations = excluded.flatMap((id) => exportIdOf.get(id.toLowerCase()) ?? []);
    }
    conditionalAccess[key] = entry;
    exported.push(p);
  }

  // --- break-glass: excluded from every exported policy --------------------------------------------------------
  const excludedBy = exported.map(
    (p) =>
      new Set(
        ((((p.conditions as Json).users as Json)?.excludeUsers as string[]) ?? []).map((u) =>
          u.toLowerCase(),
        ),
      ),
  );
  const common =
    excludedBy.length > 0 ? [...excludedBy[0]].filter((id) => excludedBy.every((s) => s.has(id))) : [];
  const userById = new Map(live.users.map((u) => [u.id.toLowerCase(), u]));
  const breakGlass = common.flatMap((id) => {
    const user = userById.get(id);
    if (!user) {
      report.add(
        "conditional-access",
        id,
        "excluded from every policy but not among the tenant's users; not a break-glass account",
      );
      return [];
    }
    return [{ userPrincipalName: user.userPrincipalName, objectId: user.id }];
  });
  // --- department exceptions: the groups each exported policy excludes ------------------------------------------
  const excludedGroups = new Map<BaselinePolicyKey, string[]>();
  for (const p of exported) {
    const key = keyOf.get(String(p.displayName).toLowerCase())!;
    const ids = (((p.conditions as Json).users as Json)?.excludeGroups as string[] | undefined) ?? [];
    if (ids.length > 0) excludedGroups.set(key, ids);
  }
  const exceptions = exportExceptions(excludedGroups, live.groups, shortName, report);
  const allowed = new Set([...exceptions.values()].flat().map((e) => e.policy));
  const exceptionsAllowed = (Object.keys(TITLES) as BaselinePolicyKey[]).filter((k) => allowed.has(k));
  const delegatedAdministration = exportDelegation(live, shortName, report);
  // The sign-in alert's recipients live in an Azure action group, not in Graph: a placeholder, reported.
  const domain =
    live.organization.verifiedDomains.find((d) => !d.endsWith(".onmicrosoft.com")) ??
    live.organization.verifiedDomains[0] ??
    "to-complete.example";
  const identity = {
    breakGlass,
    breakGlassAlerts: [placeholderSecurityContact(domain)],
    namedLocations,
    conditionalAccess,
    ...(exceptionsAllowed.length > 0 ? { exceptionsAllowed } : {}),
    ...(delegatedAdministration ? { delegatedAdministration } : {}),
  };
  const parsed = identitySchema.safeParse(identity);
  if (!parsed.success || breakGlass.length < 2) {
    report.add(
      "conditional-access",
      "tenant.yaml: identity",
      `${breakGlass.length} account(s) are excluded from every conditional access policy; tenant.yaml needs at least two break-glass accounts, so identity is not exported${parsed.success ? "" : ` (${parsed.error.issues[0]?.message ?? "invalid"})`}`,
    );
    return none;
  }

  // --- what the baseline would render, against what Entra holds ------------------------------------------------
  const liveIdOf = new Map([...exportIdOf].map(([liveId, id]) => [id, liveId]));
  const byName = new Map(exported.map((p) => [String(p.displayName).toLowerCase(), p]));
  const groupNames = new Map<BaselinePolicyKey, string[]>();
  const groupIdOf = new Map<string, string>();
  for (const e of [...exceptions.values()].flat()) {
    groupNames.set(e.policy, [...(groupNames.get(e.policy) ?? []), e.displayName].sort());
    groupIdOf.set(e.displayName, e.groupId);
  }
  // An admin group Entra lacks keeps its name, so the policy shows the difference.
  for (const g of live.groups)
    if (adminGroupNames.includes(g.displayName)) groupIdOf.set(g.displayName, g.id);
  const groups = { exceptions: groupNames, admins: adminGroupNames };
  for (const spec of baselinePolicies(shortName, parsed.data, skus, groups)) {
    const held = byName.get(spec.displayName.toLowerCase());
    if (!held) continue;
    const keys = policySettingDifferences(
      graphPolicy(
        spec,
        (id) => liveIdOf.get(id) ?? id,
        (name) => groupIdOf.get(name) ?? name,
      ) as unknown as Json,
      held,
    );
    if (keys.length > 0)
      report.add(
        "conditional-access",
        String(held.id),
        `policy ${spec.displayName}: ${keys.join(", ")} differ from the baseline tenant.yaml renders; deploying writes the baseline`,
      );
  }
  report.add(
    "placeholder",
    "tenant.yaml: identity.breakGlassAlerts",
    "who is mailed when a break-glass account signs in",
  );
  return {
    identity,
    breakGlassIds: new Set(breakGlass.map((b) => b.objectId.toLowerCase())),
    exceptions,
  };
}

/**
 * Administrative units named as the identity layer names them (`au-<short>-<department>`) mean delegated
 * administration is on. Who is eligible for which scoped role lives in PIM, which the export does not read: the
 * default roles are written and the report says so, so nothing is silently assumed.
 */
function exportDelegation(
  live: LiveTenant,
  shortName: string,
  report: ReportCollector,
): { roles: string[] } | undefined {
  const prefix = `au-${shortName}-`;
  const units = (live.administrativeUnits ?? []).filter((u) =>
    String(u.displayName ?? "").startsWith(prefix),
  );
  if (units.length === 0) return undefined;
  report.add(
    "delegated-administration",
    "tenant.yaml: identity.delegatedAdministration",
    `${units.length} administrative unit(s) named ${prefix}<department> exist, so delegated administration is written with the default roles (${DEFAULT_SCOPED_ROLES.join(", ")}); the scoped roles each admin group is eligible for, and whether admins are eligible members of their admin group (identity.adminGroupMembership), are not read — check them in Privileged Identity Management before deploying`,
  );
  return { roles: [...DEFAULT_SCOPED_ROLES] };
}
