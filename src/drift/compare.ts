/**
 * `compareTenant(definition, live)`: every difference between what the definition implies and what the
 * tenant holds, in a stable order. Pure: the CLI reads the tenant, this decides.
 */
import type { TenantDefinition } from "../config/definition";
import type { LiveTenant } from "../live/snapshot";
import { departmentGroupName } from "../naming";
import { departmentGrants } from "../teams/layer";
import { compareAdministrativeUnits } from "./administrativeUnits";
import { compareBreakGlass } from "./breakGlass";
import { compareAssignments, compareRankOrder, type RankedGrant } from "./assignments";
import { compareConditionalAccess } from "./conditionalAccess";
import { compareHeadcount } from "./headcount";
import { compareLicences } from "./licences";
import { indexLive, type LiveIndex } from "./liveIndex";
import { compareNumbers } from "./numbers";
import { comparePhoneServices } from "./phoneServices";
import type { PhoneDriftContext } from "./phoneServicesLive";
import { compareTeamsConfig } from "./teamsConfig";
import { DRIFT_AREAS, type DriftEntry, type DriftReport } from "./types";

export function compareTenant(definition: TenantDefinition, live: LiveTenant): DriftReport {
  const index = indexLive(definition, live);
  const org = definition.tenant.organization.shortName;
  const entries: DriftEntry[] = [
    ...compareTeamsConfig(definition, index),
    ...compareConditionalAccess(definition, live.conditionalAccess, live.groups),
    ...compareAdministrativeUnits(definition, live.administrativeUnits),
    ...compareBreakGlass(definition, live.userConfigurations, live.groups, live.teams.globalPolicies),
    ...(live.phoneServices
      ? comparePhoneServices(definition, live.phoneServices, phoneDriftContext(definition, live))
      : []),
  ];
  // Resource accounts' public numbers are the definition's too (phoneServices compares who holds them).
  const definedNumbers = new Set([
    ...Object.values(definition.numbers).flatMap((rows) => rows.map((r) => r.number)),
    ...definition.departments.flatMap((d) =>
      (d.phoneServices?.resourceAccounts ?? []).flatMap((r) => (r.number ? [r.number] : [])),
    ),
  ]);
  const reportedUnexpected = new Set<string>();
  const ranked: RankedGrant[] = [];

  for (const department of definition.departments) {
    const rows = definition.numbers[department.id] ?? [];
    // A number in a range two departments share is reported once, under the first.
    const numberEntries = compareNumbers(definition, department, index, definedNumbers).filter((e) => {
      if (e.kind !== "number-not-in-definition") return true;
      if (reportedUnexpected.has(e.subject)) return false;
      reportedUnexpected.add(e.subject);
      return true;
    });
    entries.push(...numberEntries);

    const needsGroup = department.licences.length > 0 || departmentGrants(department).length > 0;
    const groupName = departmentGroupName(org, department.id);
    const group = index.groupByName.get(groupName.toLowerCase());
    if (!group) {
      if (needsGroup)
        entries.push({
          area: "groups",
          kind: "group-missing",
          department: department.id,
          subject: groupName,
          expected: groupName,
          actual: null,
          message: `group ${groupName} does not exist, so its licences and policy grants cannot be compared`,
        });
      continue;
    }
    entries.push(...compareHeadcount(department, group));
    entries.push(...compareLicences(definition, department, group, index));
    for (const grant of departmentGrants(department)) {
      const live = liveGrant(index, group.id, grant.policyType, grant.policyName);
      if (live)
        ranked.push({
          department: department.id,
          groupName: group.displayName,
          policyType: grant.policyType,
          policyName: grant.policyName,
          definitionRank: grant.rank,
          liveRank: live.rank,
        });
    }
    entries.push(
      ...compareAssignments(
        department,
        group,
        index,
        rows.map((r) => r.userPrincipalName),
      ),
    );
  }
  entries.push(...compareRankOrder(ranked));
  return {
    organization: org,
    graphEndpoint: live.graphEndpoint,
    readAt: live.readAt,
    entries: sortEntries(entries),
  };
}

/** The group's live grant of that type and policy, if any. */
function liveGrant(index: LiveIndex, groupId: string, policyType: string, policyName: string) {
  return index.live.teams.groupPolicyAssignments.find(
    (a) =>
      a.groupId.toLowerCase() === groupId.toLowerCase() &&
      a.policyType === policyType &&
      a.policyName.toLowerCase() === policyName.toLowerCase(),
  );
}

/** The department group ids the report's entries refer to, for attaching audit records. */
export function departmentGroupIds(definition: TenantDefinition, live: LiveTenant): Map<string, string> {
  const org = definition.tenant.organization.shortName;
  const byName = new Map(live.groups.map((g) => [g.displayName.toLowerCase(), g.id]));
  const out = new Map<string, string>();
  for (const d of definition.departments) {
    const id = byName.get(departmentGroupName(org, d.id).toLowerCase());
    if (id) out.set(d.id, id);
  }
  return out;
}

const areaOrder = (a: DriftEntry["area"]) => DRIFT_AREAS.indexOf(a);

export function sortEntries(entries: readonly DriftEntry[]): DriftEntry[] {
  return [...entries].sort(
    (a, b) =>
      (a.department ?? "").localeCompare(b.department ?? "") ||
      areaOrder(a.area) - areaOrder(b.area) ||
      a.subject.localeCompare(b.subject) ||
      a.kind.localeCompare(b.kind),
  );
}

/** Group ids by the toolkit's group names and UPNs by object id, for the phone services' full comparison. */
function phoneDriftContext(definition: TenantDefinition, live: LiveTenant): PhoneDriftContext {
  const org = definition.tenant.organization.shortName;
  const groupByName = new Map(live.groups.map((g) => [g.displayName, g.id]));
  const upnById = new Map(live.users.map((u) => [u.id.toLowerCase(), u.userPrincipalName]));
  return {
    // A department whose group is gone still renders `department` the same on both sides.
    groupIdOf: (d) => groupByName.get(departmentGroupName(org, d)) ?? `(the group of ${d})`,
    upnOf: (id) => upnById.get(id.toLowerCase()),
  };
}
