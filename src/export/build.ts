/**
 * `buildExport(live, options)`: a live tenant snapshot → the definition it implies (tenant.yaml, one
 * department per grouping-attribute value, numbers per department) and the report of everything it could not
 * express. Pure: no I/O, so every rule below is tested with hand-built snapshots.
 */
import type { NumberAssignment } from "../config/schema/numbers";
import { skuPartNumber } from "../config/schema/licensing";
import { RESOURCE_ACCOUNT_SKU } from "../config/schema/phoneServices";
import { phonePlan } from "../config/rules/phone";
import { departmentAdminGroupName, departmentGroupName } from "../naming";
import type { TeamsPolicyType } from "../teams/admin/port";
import type { LiveGroup, LiveTenant, LiveUser } from "../live/snapshot";
import { exportAddresses, slugText } from "./addresses";
import { parseMembershipRule } from "./membership";
import {
  PLACEHOLDER_BUDGET,
  PLACEHOLDER_COST_CENTER,
  PLACEHOLDER_COUNTRY,
  placeholderLandingZone,
  placeholderOwner,
  placeholderSpoke,
} from "./placeholders";
import { inferRanges, type RangeInput } from "./ranges";
import { CHOOSABLE_RANKS, MAX_RANK, mergeRanks, type TypedRank } from "./ranks";
import { ReportCollector, type ExportReport } from "./report";
import type { Sku } from "../config/schema/licensing";
import { exportIdentity } from "./identity";
import { exportPhoneServices } from "./phoneServices";
import { exportTeamsVoice } from "./teams";

export interface ExportOptions {
  /** The user attribute departments are grouped by (default `department`). */
  departmentsBy?: string;
}

export interface ExportedDefinition {
  tenant: Record<string, unknown>;
  /** Sorted by id. */
  departments: Record<string, unknown>[];
  numbers: Record<string, NumberAssignment[]>;
  report: ExportReport;
}

interface Dept {
  id: string;
  values: string[];
  group?: LiveGroup;
  users: LiveUser[];
  rows: NumberAssignment[];
}

const DEPT_ID = /^[a-z][a-z0-9-]{1,23}$/;
const SHORT_NAME = /^[a-z][a-z0-9-]{1,7}$/;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const TEAMS_FIELD: Partial<Record<TeamsPolicyType, string>> = {
  TeamsCallingPolicy: "callingPolicy",
  TeamsEmergencyCallingPolicy: "emergencyCallingPolicy",
  OnlineVoiceRoutingPolicy: "voiceRoutingPolicy",
  TenantDialPlan: "dialPlan",
};

/** Grants in the order the department schema lists them, whatever order Teams returned them in. */
function orderedTeams(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.values(TEAMS_FIELD).flatMap((f) => (f && fields[f] ? [[f, fields[f]]] : [])),
  );
}

/** The `<short>` of `grp-<short>-<dept>` names most department groups share (the toolkit's naming). */
export function inferShortName(groups: readonly LiveGroup[]): string | undefined {
  const counts = new Map<string, number>();
  for (const g of groups) {
    const m = /^grp-([a-z][a-z0-9]{1,7})-[a-z]/.exec(g.displayName);
    if (m && parseMembershipRule(g.membershipRule)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  return [...counts].sort(([a, x], [b, y]) => y - x || byText(a, b))[0]?.[0];
}

export function buildExport(live: LiveTenant, options: ExportOptions = {}): ExportedDefinition {
  const by = options.departmentsBy ?? "department";
  const report = new ReportCollector();
  const org = live.organization;

  // --- organisation ---------------------------------------------------------------------------------------
  const domains = org.verifiedDomains.filter((d) => DOMAIN.test(d));
  for (const d of org.verifiedDomains.filter((d) => !DOMAIN.test(d)))
    report.add("placeholder", `organization.verifiedDomains: ${d}`, "not a lower-case DNS domain; left out");
  if (domains.length === 0) {
    domains.push("to-complete.example");
    report.add(
      "placeholder",
      "organization.verifiedDomains",
      "the tenant lists no verified domain; write yours",
    );
  }
  let shortName = inferShortName(live.groups);
  if (!shortName) {
    shortName = (slugText(org.displayName).replace(/-/g, "").slice(0, 8) || "tenant").replace(/^[^a-z]+/, "");
    if (!SHORT_NAME.test(shortName)) shortName = "tenant";
    report.add(
      "placeholder",
      "organization.shortName",
      `no group is named grp-<short>-<department>; '${shortName}' is made from the tenant's name — check it, every resource name starts with it`,
    );
  }
  const country = org.countryLetterCode ?? org.defaultUsageLocation ?? PLACEHOLDER_COUNTRY;
  if (!org.countryLetterCode && !org.defaultUsageLocation)
    report.add("placeholder", "organization.country", `the tenant says no country; '${country}' written`);
  const defaultUsageLocation = org.defaultUsageLocation ?? country;

  // --- departments: groups whose rule tests the attribute, then attribute values without a group ------------
  const userById = new Map(live.users.map((u) => [u.id.toLowerCase(), u]));
  const depts = new Map<string, Dept>();
  const deptOfValue = new Map<string, Dept>();
  const takenIds = new Set<string>();
  const freshId = (wanted: string) => {
    let base = slugText(wanted).slice(0, 24).replace(/-+$/, "");
    if (!/^[a-z]/.test(base)) base = `d-${base}`.slice(0, 24);
    if (base.length < 2) base = "department";
    let id = base;
    for (let n = 2; takenIds.has(id) || !DEPT_ID.test(id); n += 1)
      id = `${base.slice(0, 24 - String(n).length - 1)}-${n}`;
    takenIds.add(id);
    return id;
  };
  const groupsSorted = [...live.groups].sort(
    (a, b) => byText(a.displayName, b.displayName) || byText(a.id, b.id),
  );
  const adminGroupNames = new Set<string>();
  for (const g of groupsSorted) {
    const rule = parseMembershipRule(g.membershipRule);
    const named = new RegExp(`^grp-${shortName}-([a-z][a-z0-9-]*)$`).exec(g.displayName);
    // A department's conditional access exception group is read with the policies (caExceptions.ts).
    if (named && /-exc-[a-z]+$/.test(named[1])) continue;
    if (!rule || rule.attribute !== by) {
      if (named && !named[1].endsWith("-admins") && g.membershipRule)
        report.add(
          "group-rule",
          g.id,
          `${g.displayName}: rule ${g.membershipRule} does not test user.${by} as the toolkit writes it; not a department`,
        );
      continue;
    }
    const id = freshId(named && DEPT_ID.test(named[1]) ? named[1] : rule.values[0]);
    const dept: Dept = { id, values: rule.values, group: g, users: [], rows: [] };
    depts.set(id, dept);
    adminGroupNames.add(departmentAdminGroupName(shortName, id));
    for (const v of rule.values) if (!deptOfValue.has(v)) deptOfValue.set(v, dept);
  }
  // --- identity: conditional access, named locations, break-glass accounts ------------------------------------
  // The catalogue's part numbers and plans are what decides the risk policies (Entra ID P2), as tenant.yaml's would.
  const catalogue = live.skus.map((s) => ({
    partNumber: s.skuPartNumber,
    seats: s.seats,
    servicePlans: s.servicePlans.map((p) => p.servicePlanName),
  })) as unknown as Sku[];
  const identity = exportIdentity(live, shortName, catalogue, report, [...adminGroupNames]);

  // Resource accounts are users in Entra; they are exported with their department's phone services.
  const accountIds = new Set(
    (live.phoneServices?.resourceAccounts ?? []).map((r) => r.objectId.toLowerCase()),
  );
  for (const u of [...live.users].sort((a, b) => byText(a.userPrincipalName, b.userPrincipalName))) {
    if (accountIds.has(u.id.toLowerCase())) continue;
    // Break-glass accounts belong to no department on purpose (tenant.yaml `identity.breakGlass`).
    if (identity.breakGlassIds.has(u.id.toLowerCase())) continue;
    const value = u.attributes[by];
    if (!value) {
      report.add("user-without-attribute", u.userPrincipalName, `${u.id}: no ${by}; in no department`);
      continue;
    }
    let dept = deptOfValue.get(value);
    if (!dept) {
      dept = { id: freshId(value), values: [value], users: [], rows: [] };
      depts.set(dept.id, dept);
      deptOfValue.set(value, dept);
      report.add(
        "department-without-group",
        dept.id,
        `users with ${by} '${value}' have no group whose rule tests it; deploying creates ${departmentGroupName(shortName, dept.id)}`,
      );
    }
    dept.users.push(u);
  }
  const deptOfUser = new Map<string, Dept>();
  for (const d of depts.values()) for (const u of d.users) deptOfUser.set(u.id.toLowerCase(), d);
  const deptOfGroup = new Map(
    [...depts.values()].flatMap((d) => (d.group ? [[d.group.id.toLowerCase(), d]] : [])),
  );

  // --- things no definition can say --------------------------------------------------------------------------
  for (const u of live.users)
    for (const l of u.directLicences ?? []) {
      // A resource account's own licence is the phone services' to give (docs/phone-services.md), not a stray.
      if (accountIds.has(u.id.toLowerCase()) && l.skuPartNumber === RESOURCE_ACCOUNT_SKU) continue;
      report.add(
        "direct-licence",
        u.userPrincipalName,
        `${l.skuPartNumber ?? l.skuId} assigned directly to ${u.id}`,
      );
    }
  for (const g of groupsSorted) {
    if (deptOfGroup.has(g.id.toLowerCase()) || g.assignedLicenses.length === 0) continue;
    const skus = g.assignedLicenses.map((l) => l.skuPartNumber ?? l.skuId).join(", ");
    report.add("group-not-department", g.id, `${g.displayName} holds licences ${skus}`);
  }

  // --- Teams catalogue, addresses ---------------------------------------------------------------------------
  const { teamsVoice, exported } = exportTeamsVoice(live.teams, report);
  const { emergencyAddresses, locationIds } = exportAddresses(live.teams.civicAddresses, report);

  // --- phone services: attendants, queues, resource accounts, schedules -------------------------------------
  const phone = exportPhoneServices(
    live.phoneServices ?? { schedules: [], autoAttendants: [], callQueues: [], resourceAccounts: [] },
    {
      departments: [...depts.values()].map((d) => ({ id: d.id, groupId: d.group?.id })),
      upnOf: (id) => userById.get(id.toLowerCase())?.userPrincipalName,
      usageLocationOf: (id) => userById.get(id.toLowerCase())?.usageLocation ?? undefined,
      defaultUsageLocation,
    },
    report,
  );

  // --- group policy assignments → department teams ------------------------------------------------------------
  const teamsOf = new Map<string, { fields: Record<string, string> }>();
  const typedRanks: TypedRank[] = [];
  for (const a of [...live.teams.groupPolicyAssignments].sort(
    (x, y) => byText(x.groupId, y.groupId) || byText(x.policyType, y.policyType),
  )) {
    const dept = deptOfGroup.get(a.groupId.toLowerCase());
    const what = `${a.groupId}:${a.policyType}`;
    if (!dept) {
      const g = live.groups.find((x) => x.id.toLowerCase() === a.groupId.toLowerCase());
      report.add(
        "group-not-department",
        a.groupId,
        `${g?.displayName ?? "(unknown group)"} is granted ${a.policyType} ${a.policyName}`,
      );
      continue;
    }
    const field = TEAMS_FIELD[a.policyType];
    if (!field) {
      report.add(
        "group-policy-assignment",
        what,
        `${dept.id}: ${a.policyType} ${a.policyName} granted to the group; the definition grants this type tenant-wide only`,
      );
      continue;
    }
    if (!exported[a.policyType].has(a.policyName)) {
      report.add(
        "group-policy-assignment",
        what,
        `${dept.id}: ${a.policyName} was not exported (see policies)`,
      );
      continue;
    }
    const t = teamsOf.get(dept.id) ?? { fields: {} };
    t.fields[field] = a.policyName;
    typedRanks.push({ department: dept.id, policyType: a.policyType, rank: a.rank });
    teamsOf.set(dept.id, t);
  }

  const merged = mergeRanks(typedRanks);
  if (merged.conflicts.length > 0)
    report.add(
      "group-policy-assignment",
      "teams.rank",
      `the groups of ${merged.conflicts.join(", ")} come in a different order for different policy types, so the ` +
        "live ranks set no precedence; every department gets the default rank 10 — set ranks where one department must win",
    );
  if (merged.ranks.size > CHOOSABLE_RANKS)
    report.add(
      "group-policy-assignment",
      "teams.rank",
      `${merged.ranks.size} departments hold grants but a department may choose only ${CHOOSABLE_RANKS} ranks ` +
        `(${MAX_RANK - CHOOSABLE_RANKS + 1} to ${MAX_RANK}); the last share rank ${MAX_RANK}`,
    );

  // --- per-user grants --------------------------------------------------------------------------------------
  // A -Global grant copies settings into the Global instance (Grant-Cs*Policy.md @ 93336da, -Global), so a user
  // falling back to the tenant default shows "Global"; any other direct name is a per-user grant.
  for (const c of live.userConfigurations) {
    for (const e of c.effectivePolicyAssignments) {
      if (e.assignmentType !== "direct") continue;
      if (e.policyName.toLowerCase() === "global") continue;
      report.add(
        "direct-policy-grant",
        c.userPrincipalName ?? c.id,
        `${e.policyType} ${e.policyName} granted to the user directly`,
      );
    }
  }

  // --- numbers ---------------------------------------------------------------------------------------------
  const plan = phonePlan(country);
  const rangeInputs: RangeInput[] = [];
  for (const n of [...live.numbers].sort((a, b) => byText(a.telephoneNumber, b.telephoneNumber))) {
    const problem = plan ? plan.problem(n.telephoneNumber) : `no numbering plan for ${country}`;
    if (problem) {
      report.add("number-invalid", n.telephoneNumber, `${problem}; left out of the ranges`);
      continue;
    }
    const input: RangeInput = { telephoneNumber: n.telephoneNumber, numberType: n.numberType };
    rangeInputs.push(input);
    if (n.assignmentStatus === "unassigned") continue;
    const account = n.assignmentTargetId && phone.accountDepartment.get(n.assignmentTargetId.toLowerCase());
    if (n.assignmentStatus === "voiceApplicationAssigned" && account) {
      input.department = account; // its range is the department's (validate checks the account's number)
      continue;
    }
    const user = n.assignmentTargetId ? userById.get(n.assignmentTargetId.toLowerCase()) : undefined;
    if (n.assignmentStatus !== "userAssigned" || !user) {
      report.add(
        "number-not-user",
        n.telephoneNumber,
        `${n.assignmentStatus} to ${n.assignmentTargetId ?? "(nobody)"}`,
      );
      continue;
    }
    const dept = deptOfUser.get(user.id.toLowerCase());
    if (!dept) {
      report.add(
        "number-no-department",
        n.telephoneNumber,
        `assigned to ${user.userPrincipalName}, who has no ${by}`,
      );
      continue;
    }
    const location = n.locationId ? locationIds.get(n.locationId) : undefined;
    if (!location) {
      report.add(
        "number-no-location",
        n.telephoneNumber,
        `assigned to ${user.userPrincipalName} with ${n.locationId ? `location ${n.locationId}, which is not an exported location` : "no emergency location"}`,
      );
      continue;
    }
    input.department = dept.id;
    dept.rows.push({
      userPrincipalName: user.userPrincipalName,
      number: n.telephoneNumber,
      emergencyLocation: location,
      category: n.assignmentCategory ?? "primary",
    });
  }
  const ranges = inferRanges(rangeInputs);

  // --- SKUs ------------------------------------------------------------------------------------------------
  const plansDisabled = new Map<string, Set<string>>();
  const skuNames = new Set<string>();
  const skus = [...live.skus]
    .sort((a, b) => byText(a.skuPartNumber, b.skuPartNumber))
    .flatMap((s) => {
      if (!skuPartNumber.safeParse(s.skuPartNumber).success) {
        report.add("sku", s.skuId, `part number '${s.skuPartNumber}' is not one the schema accepts`);
        return [];
      }
      skuNames.add(s.skuPartNumber);
      plansDisabled.set(s.skuPartNumber, new Set());
      return [s];
    });

  // --- department files ------------------------------------------------------------------------------------
  const departments: Record<string, unknown>[] = [];
  const displayNames = new Set<string>();
  const sortedDepts = [...depts.values()].sort((a, b) => byText(a.id, b.id));
  for (const [index, d] of sortedDepts.entries()) {
    const fromDescription = /^(.+): everyone in the department/.exec(d.group?.description ?? "")?.[1];
    let displayName = (fromDescription ?? d.values[0]).slice(0, 120);
    if (displayNames.has(displayName)) displayName = `${displayName} (${d.id})`.slice(0, 120);
    displayNames.add(displayName);

    const owners = (d.group?.ownerUpns ?? []).filter((o) =>
      domains.some((dom) => o.toLowerCase().endsWith(`@${dom}`)),
    );
    for (const o of (d.group?.ownerUpns ?? []).filter((x) => !owners.includes(x)))
      report.add(
        "placeholder",
        `departments/${d.id}.yaml: owners`,
        `group owner ${o} is outside the verified domains; left out`,
      );
    const placeholders = ["costCenter", "network.addressSpace", "budget"];
    if (owners.length === 0) {
      owners.push(placeholderOwner(domains[0]));
      placeholders.push("owners");
    }
    if (live.groups.some((g) => g.displayName === departmentAdminGroupName(shortName, d.id)))
      placeholders.push("admins (the admin group's members are not read)");
    report.add("placeholder", `departments/${d.id}.yaml`, placeholders.join(", "));

    const licences = (d.group?.assignedLicenses ?? []).flatMap((l) => {
      if (!l.skuPartNumber || !skuNames.has(l.skuPartNumber)) {
        report.add(
          "licence",
          `${d.group?.id}:${l.skuId}`,
          `${d.id}: the tenant no longer lists SKU ${l.skuId}`,
        );
        return [];
      }
      const unnamed = l.disabledPlanIds.length - l.disabledPlanNames.length;
      if (unnamed > 0)
        report.add(
          "licence",
          `${d.group?.id}:${l.skuId}`,
          `${d.id}: ${unnamed} disabled plan id(s) the SKU does not list`,
        );
      for (const p of l.disabledPlanNames) plansDisabled.get(l.skuPartNumber)?.add(p);
      return [
        {
          sku: l.skuPartNumber,
          ...(l.disabledPlanNames.length > 0 ? { disabledPlans: [...l.disabledPlanNames].sort(byText) } : {}),
        },
      ];
    });
    const teams = teamsOf.get(d.id);
    const numberRanges = ranges.filter((r) => r.departments.includes(d.id)).map((r) => r.id);
    const phoneServices = phone.byDepartment.get(d.id);

    departments.push({
      id: d.id,
      displayName,
      costCenter: PLACEHOLDER_COST_CENTER,
      owners,
      membership: { attribute: by, values: d.values },
      ...(identity.exceptions.has(d.id)
        ? {
            conditionalAccessExceptions: identity.exceptions
              .get(d.id)!
              .map((e) => ({ policy: e.policy, members: e.members, reason: e.reason })),
          }
        : {}),
      headcount: d.users.length,
      ...(licences.length > 0 ? { licences } : {}),
      ...(teams ? { teams: { ...orderedTeams(teams.fields), rank: merged.ranks.get(d.id) ?? 10 } } : {}),
      ...(numberRanges.length > 0 ? { numberRanges } : {}),
      ...(phoneServices ? { phoneServices } : {}),
      network: { addressSpace: placeholderSpoke(index) },
      budget: { monthlyAmount: PLACEHOLDER_BUDGET, contacts: [owners[0]] },
    });
  }

  // --- seats: the definition refuses more demand than seats, the tenant may hold it ------------------------
  for (const s of skus) {
    const demand = departments
      .filter((d) =>
        ((d.licences as { sku: string }[] | undefined) ?? []).some((l) => l.sku === s.skuPartNumber),
      )
      .reduce((sum, d) => sum + (d.headcount as number), 0);
    if (demand > s.seats)
      report.add(
        "sku",
        s.skuId,
        `${s.skuPartNumber}: departments taking it have ${demand} users but ${s.seats} seats are owned; the folder will not validate until seats are raised`,
      );
  }

  const tenant: Record<string, unknown> = {
    organization: {
      name: org.displayName || shortName,
      shortName,
      tenantId: org.tenantId,
      verifiedDomains: domains,
      country,
      defaultUsageLocation,
    },
    landingZone: placeholderLandingZone(shortName),
    licensing: {
      skus: skus.map((s) => {
        const plans = [...(plansDisabled.get(s.skuPartNumber) ?? [])].sort(byText);
        return {
          partNumber: s.skuPartNumber,
          seats: s.seats,
          ...(plans.length > 0 ? { servicePlans: plans } : {}),
        };
      }),
    },
    teamsVoice,
    emergencyAddresses,
    ...(identity.identity ? { identity: identity.identity } : {}),
    ...(phone.phoneSchedules ? { phoneSchedules: phone.phoneSchedules } : {}),
    numberRanges: ranges.map((r) => ({
      id: r.id,
      type: r.type,
      start: r.start,
      end: r.end,
      description: `Inferred from the inventory: ${r.size} numbers${r.departments.length === 0 ? ", none assigned" : ""}`,
    })),
  };
  report.add(
    "placeholder",
    "tenant.yaml: landingZone",
    "management groups, regions, address plan, hub and log retention are placeholders",
  );

  const numbers = Object.fromEntries(sortedDepts.filter((d) => d.rows.length > 0).map((d) => [d.id, d.rows]));
  return {
    tenant,
    departments,
    numbers,
    report: {
      source: { graphEndpoint: live.graphEndpoint, readAt: live.readAt, departmentsBy: by },
      counts: {
        users: live.users.length,
        groups: live.groups.length,
        departments: departments.length,
        "numbers in the inventory": live.numbers.length,
        "numbers exported": Object.values(numbers).reduce((s, r) => s + r.length, 0),
        "number ranges": ranges.length,
        "emergency addresses": emergencyAddresses.length,
        "phone services": [...phone.byDepartment.values()].reduce(
          (sum, p) =>
            sum +
            ["resourceAccounts", "autoAttendants", "callQueues"].reduce(
              (n, k) => n + ((p[k] as unknown[] | undefined)?.length ?? 0),
              0,
            ),
          0,
        ),
        "report entries": report.entries.length,
      },
      entries: report.entries,
    },
  };
}
