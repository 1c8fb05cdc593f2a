/**
 * The Graph half of the live read: wire shapes (only the `$select`ed properties) → the snapshot's records.
 * Pure mapping functions, so the reader's loops stay thin and the mapping is tested without HTTP.
 */
import { ADMINISTRATIVE_UNIT_SELECT } from "../identity/delegation/administrativeUnit/desired";
import type { AssignmentCategory } from "../teams/admin/port";
import { MEMBERSHIP_ATTRIBUTES } from "../config/schema/department";
import { withPlus } from "../teams/graph/inventory";
import type {
  LiveGroup,
  LiveLicence,
  LiveSku,
  LiveTenant,
  LiveUser,
  LiveUserConfiguration,
} from "./snapshot";

export const USERS_PAGE = 999;
export const NUMBERS_PAGE = 1000;

/**
 * The user properties `--departments-by` may name: the membership attributes of the department schema, less the
 * extension attributes, which Graph returns inside `onPremisesExtensionAttributes` (kept only when set).
 */
export const USER_ATTRIBUTES = MEMBERSHIP_ATTRIBUTES.filter((a) => !a.startsWith("extensionAttribute"));

export const ORGANIZATION_PATH = "/organization?$select=id,displayName,verifiedDomains,countryLetterCode";
export const SKUS_PATH =
  "/subscribedSkus?$select=skuId,skuPartNumber,prepaidUnits,consumedUnits,servicePlans";
export const GROUPS_PATH =
  "/groups?$select=id,displayName,description,groupTypes,membershipRule,securityEnabled,mailEnabled," +
  `assignedLicenses&$top=${USERS_PAGE}`;
export const USERS_PATH =
  "/users?$select=id,userPrincipalName,displayName,accountEnabled,usageLocation," +
  `${USER_ATTRIBUTES.join(",")},onPremisesExtensionAttributes,licenseAssignmentStates&$top=${USERS_PAGE}`;
export const NUMBERS_PATH = "/admin/teams/telephoneNumberManagement/numberAssignments";
/** conditionalaccessroot-list-policies.md / -list-namedlocations.md: Policy.Read.All. */
export const CA_POLICIES_PATH = "/identity/conditionalAccess/policies";
export const CA_NAMED_LOCATIONS_PATH = "/identity/conditionalAccess/namedLocations";
/** No `$top`: directory-list-administrativeunits.md documents $count, $select, $search, $filter and $expand only. */
export const ADMINISTRATIVE_UNITS_PATH = `/directory/administrativeUnits?$select=${ADMINISTRATIVE_UNIT_SELECT}`;
export const USER_CONFIGURATIONS_PATH =
  "/admin/teams/userConfigurations?$select=id,userPrincipalName,telephoneNumbers,effectivePolicyAssignments" +
  `&$top=${USERS_PAGE}`;
/** Only ids: drift needs the count, and a department group of thousands is read in pages of 999. */
export const membersPath = (groupId: string) =>
  `/groups/${encodeURIComponent(groupId)}/members?$select=id&$top=${USERS_PAGE}`;
export const ownersPath = (groupId: string) =>
  `/groups/${encodeURIComponent(groupId)}/owners?$select=id,userPrincipalName`;

interface WireLicence {
  skuId: string;
  disabledPlans?: string[] | null;
}

export interface WireOrganization {
  id: string;
  displayName?: string | null;
  countryLetterCode?: string | null;
  verifiedDomains?: { name: string }[] | null;
}

export function toOrganization(o: WireOrganization | undefined): LiveTenant["organization"] {
  if (!o) throw new Error("GET /organization returned no organization — is the endpoint a Graph tenant?");
  return {
    tenantId: o.id,
    displayName: o.displayName ?? "",
    verifiedDomains: (o.verifiedDomains ?? []).map((d) => d.name.toLowerCase()),
    countryLetterCode: o.countryLetterCode ?? null,
    // Graph's organization has no default usage location; the reader fills it from the users' most common one.
    defaultUsageLocation: null,
  };
}

export interface WireSku {
  skuId: string;
  skuPartNumber: string;
  prepaidUnits?: { enabled?: number } | null;
  consumedUnits?: number | null;
  servicePlans?: { servicePlanId: string; servicePlanName: string }[] | null;
}

export function toSku(s: WireSku): LiveSku {
  return {
    skuId: s.skuId.toLowerCase(),
    skuPartNumber: s.skuPartNumber,
    seats: s.prepaidUnits?.enabled ?? 0,
    consumedUnits: s.consumedUnits ?? 0,
    servicePlans: (s.servicePlans ?? []).map((p) => ({
      servicePlanId: p.servicePlanId.toLowerCase(),
      servicePlanName: p.servicePlanName,
    })),
  };
}

/** A licence with part number and plan names resolved through the tenant's SKUs. */
export function toLicence(l: WireLicence, skus: ReadonlyMap<string, LiveSku>): LiveLicence {
  const sku = skus.get(l.skuId.toLowerCase());
  const disabledPlanIds = (l.disabledPlans ?? []).map((id) => id.toLowerCase());
  const names = new Map(sku?.servicePlans.map((p) => [p.servicePlanId, p.servicePlanName]) ?? []);
  return {
    skuId: l.skuId.toLowerCase(),
    ...(sku ? { skuPartNumber: sku.skuPartNumber } : {}),
    disabledPlanIds,
    disabledPlanNames: disabledPlanIds.flatMap((id) => names.get(id) ?? []),
  };
}

export interface WireGroup {
  id: string;
  displayName: string;
  description?: string | null;
  groupTypes?: string[] | null;
  membershipRule?: string | null;
  securityEnabled?: boolean | null;
  mailEnabled?: boolean | null;
  assignedLicenses?: WireLicence[] | null;
}

export function toGroup(g: WireGroup, skus: ReadonlyMap<string, LiveSku>): LiveGroup {
  return {
    id: g.id,
    displayName: g.displayName,
    description: g.description ?? null,
    groupTypes: g.groupTypes ?? [],
    membershipRule: g.membershipRule ?? null,
    securityEnabled: g.securityEnabled ?? false,
    mailEnabled: g.mailEnabled ?? false,
    assignedLicenses: (g.assignedLicenses ?? []).map((l) => toLicence(l, skus)),
    ownerUpns: [],
  };
}

export interface WireUser {
  id: string;
  userPrincipalName: string;
  displayName?: string | null;
  accountEnabled?: boolean | null;
  usageLocation?: string | null;
  onPremisesExtensionAttributes?: Record<string, string | null> | null;
  licenseAssignmentStates?: (WireLicence & { assignedByGroup?: string | null; state?: string })[] | null;
  [attribute: string]: unknown;
}

export function toUser(u: WireUser, skus: ReadonlyMap<string, LiveSku>): LiveUser {
  const attributes: Record<string, string | null> = {};
  for (const a of USER_ATTRIBUTES) attributes[a] = typeof u[a] === "string" ? (u[a] as string) : null;
  for (const [k, v] of Object.entries(u.onPremisesExtensionAttributes ?? {})) if (v) attributes[k] = v;
  return {
    id: u.id,
    userPrincipalName: u.userPrincipalName,
    displayName: u.displayName ?? null,
    accountEnabled: u.accountEnabled ?? true,
    attributes,
    usageLocation: u.usageLocation ?? null,
    directLicences: (u.licenseAssignmentStates ?? [])
      .filter((s) => !s.assignedByGroup)
      .map((s) => toLicence(s, skus)),
  };
}

export interface WireUserConfiguration {
  id: string;
  userPrincipalName?: string | null;
  telephoneNumbers?: { telephoneNumber: string; assignmentCategory?: AssignmentCategory | null }[] | null;
  effectivePolicyAssignments?:
    | {
        policyType: string;
        policyAssignment?: {
          displayName?: string | null;
          assignmentType?: string | null;
          groupId?: string | null;
        } | null;
      }[]
    | null;
}

export function toUserConfiguration(c: WireUserConfiguration): LiveUserConfiguration {
  return {
    id: c.id,
    userPrincipalName: c.userPrincipalName ?? null,
    telephoneNumbers: (c.telephoneNumbers ?? []).map((t) => ({
      telephoneNumber: withPlus(t.telephoneNumber),
      assignmentCategory: t.assignmentCategory ?? "primary",
    })),
    effectivePolicyAssignments: (c.effectivePolicyAssignments ?? []).map((e) => ({
      policyType: e.policyType,
      // Names may come in the PowerShell identity form (`Tag:Name`); the snapshot speaks bare names.
      policyName: (e.policyAssignment?.displayName ?? "").replace(/^Tag:/i, ""),
      assignmentType: e.policyAssignment?.assignmentType ?? "unknownFutureValue",
      ...(e.policyAssignment?.groupId ? { groupId: e.policyAssignment.groupId } : {}),
    })),
  };
}

/** The most common non-null value, ties broken alphabetically so two reads agree. */
export function mostCommon(values: Iterable<string | null | undefined>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (n > bestCount) [best, bestCount] = [v, n];
  }
  return best;
}
