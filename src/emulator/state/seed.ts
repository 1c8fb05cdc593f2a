import { isoDate } from "../clock";
import { seedAdministrativeUnits } from "./administrativeUnits";
import { adminGroupId, exceptionGroupId, seedConditionalAccess } from "./conditionalAccess";
import { departmentExceptionGroups } from "../../identity/conditionalAccess/exceptions";
import {
  adminGroupDescription,
  departmentGroupDescription,
  exceptionGroupDescription,
} from "../../identity/groupDescriptions";
import { guidFrom } from "../ids";
import type { TenantDefinition } from "../../config/definition";
import type { Department } from "../../config/schema/department";
import type { Tenant } from "../../config/schema/tenant";
import { membershipRule } from "../../identity/membershipRule";
import { departmentAdminGroupName, departmentGroupName } from "../../naming";
import { matchingAttributes, parseRule, RuleSyntaxError } from "./membershipRule";
import { knownPlansOf, servicePlanIdFor, skuIdFor } from "./skuCatalog";
import { seedTeamsArea } from "./teams";
import {
  emptyDocument,
  type GroupRecord,
  type RuleAttribute,
  type SkuRecord,
  type StateDocument,
  type UserRecord,
} from "./types";

/** The seam for the department group's display name; by default the toolkit's own (`src/naming.ts`). */
export type GroupDisplayName = (department: Department, tenant: Tenant) => string;

export const defaultGroupDisplayName: GroupDisplayName = (d, t) =>
  departmentGroupName(t.organization.shortName, d.id);

export interface SeedOptions {
  groupDisplayName?: GroupDisplayName;
  /** Creation time written on users and groups. */
  now?: number;
}

export interface SeedResult {
  doc: StateDocument;
  /** Departments whose rule the emulator could not turn into user attributes (their groups use static members). */
  warnings: string[];
}

/**
 * A tenant as the definition implies it before anything is applied: the departments' users (headcount,
 * with the attributes their membership rule tests), the people the definition names (numbers, owners,
 * admins) in their department, one dynamic group per department, and the catalogue's SKUs with their
 * seats. No licence is assigned: that is what the toolkit does.
 */
export function seedFromDefinition(def: TenantDefinition, opts: SeedOptions = {}): SeedResult {
  const { tenant } = def;
  const org = tenant.organization;
  const created = isoDate(opts.now ?? Date.now());
  const nameGroup = opts.groupDisplayName ?? defaultGroupDisplayName;
  const doc = emptyDocument({
    tenantId: org.tenantId,
    displayName: org.name,
    verifiedDomains: [...org.verifiedDomains],
    defaultUsageLocation: org.defaultUsageLocation,
  });
  const warnings: string[] = [];
  doc.skus = skusFor(def, org.tenantId);
  // The identity layer's conditional access baseline, as its azuread resources create it.
  seedConditionalAccess(doc, def, created);
  // Its administrative units, as the identity layer's provider creates them.
  seedAdministrativeUnits(doc, def);
  // Every number of every range is in the Teams inventory, unassigned (the toolkit assigns them).
  seedTeamsArea(doc, tenant.numberRanges);

  // Named people join the department that names them first: numbers files, then owners, then admins.
  const home = new Map<string, string>();
  const claim = (upn: string, dept: string) => {
    if (!home.has(upn.toLowerCase())) home.set(upn.toLowerCase(), dept);
  };
  for (const d of def.departments)
    for (const row of def.numbers[d.id] ?? []) claim(row.userPrincipalName, d.id);
  for (const d of def.departments) for (const upn of d.owners) claim(upn, d.id);
  for (const d of def.departments) for (const upn of d.admins) claim(upn, d.id);
  const namedBy = new Map<string, string[]>();
  for (const [upn, dept] of home) namedBy.set(dept, [...(namedBy.get(dept) ?? []), upn]);

  const domain = org.verifiedDomains[0];
  for (const d of def.departments) {
    // The rule text exactly as the toolkit renders it for the group it creates (src/identity/membershipRule.ts).
    const ruleText = membershipRule(d.membership);
    const rule = tryParse(ruleText);
    const named = namedBy.get(d.id) ?? [];
    const total = Math.max(d.headcount, named.length);
    const userIds: string[] = [];
    let evaluable = rule !== undefined;
    for (let i = 0; i < total; i++) {
      const attrs = rule ? matchingAttributes(rule, i) : undefined;
      if (!attrs) evaluable = false;
      const upn = named[i] ?? `${d.id}.${String(i + 1 - named.length).padStart(5, "0")}@${domain}`;
      const user = makeUser(upn, d, tenant, attrs ?? {}, created, i + 1 - named.length);
      doc.users.push(user);
      userIds.push(user.id);
    }
    if (!evaluable) {
      warnings.push(
        `department ${d.id}: the emulator cannot build users matching its membership rule; its group lists its users as static members`,
      );
    }
    const displayName = nameGroup(d, tenant);
    const group: GroupRecord = {
      id: guidFrom(`tenant-emulator/group/${org.tenantId}`, d.id),
      displayName,
      description: departmentGroupDescription(d),
      mailNickname: displayName.replace(/[^A-Za-z0-9._-]/g, ""),
      groupTypes: ["DynamicMembership"],
      securityEnabled: true,
      mailEnabled: false,
      membershipRule: ruleText,
      staticMemberIds: evaluable ? [] : userIds,
      createdDateTime: created,
      assignedLicenses: [],
      licenseProcessingState: null,
      departmentId: d.id,
    };
    doc.groups.push(group);
    // Its conditional access exception groups, as the identity layer creates them (its users AND the exception's).
    for (const exception of departmentExceptionGroups(
      org.shortName,
      d,
      tenant.identity?.exceptionsAllowed ?? [],
    )) {
      doc.groups.push({
        id: exceptionGroupId(org.tenantId, exception.displayName),
        displayName: exception.displayName,
        description: exceptionGroupDescription(d, exception),
        mailNickname: exception.displayName.replace(/[^A-Za-z0-9._-]/g, ""),
        groupTypes: ["DynamicMembership"],
        securityEnabled: true,
        mailEnabled: false,
        membershipRule: exception.rule,
        staticMemberIds: [],
        createdDateTime: created,
        assignedLicenses: [],
        licenseProcessingState: null,
      });
    }
  }
  // With an identity baseline, the departments' admin groups too: its administrators' policy includes them.
  if (tenant.identity) seedAdminGroups(doc, def, created);
  return { doc, warnings };
}

/**
 * One assigned group per department, as DepartmentIdentity creates it: the admins as members, or none when
 * membership is eligible (PIM for Groups activates it).
 */
function seedAdminGroups(doc: StateDocument, def: TenantDefinition, created: string): void {
  const { tenant } = def;
  const org = tenant.organization;
  const idOf = new Map(doc.users.map((u) => [u.userPrincipalName.toLowerCase(), u.id]));
  const eligible = tenant.identity?.adminGroupMembership === "eligible";
  for (const d of def.departments) {
    const displayName = departmentAdminGroupName(org.shortName, d.id);
    doc.groups.push({
      id: adminGroupId(org.tenantId, displayName),
      displayName,
      description: adminGroupDescription(d),
      mailNickname: displayName.replace(/[^A-Za-z0-9._-]/g, ""),
      groupTypes: [],
      securityEnabled: true,
      mailEnabled: false,
      membershipRule: null,
      staticMemberIds: eligible ? [] : d.admins.flatMap((upn) => idOf.get(upn.toLowerCase()) ?? []),
      createdDateTime: created,
      assignedLicenses: [],
      licenseProcessingState: null,
    });
  }
}

function tryParse(text: string) {
  try {
    return parseRule(text);
  } catch (err) {
    if (err instanceof RuleSyntaxError) return undefined;
    throw err;
  }
}

function makeUser(
  upn: string,
  d: Department,
  tenant: Tenant,
  attrs: Partial<Record<RuleAttribute, string>>,
  created: string,
  n: number,
): UserRecord {
  const local = upn.split("@")[0];
  const generated = n > 0 && local.startsWith(`${d.id}.`);
  const givenName = generated ? d.displayName : capitalise(local.split(/[._-]/)[0]);
  const surname = generated
    ? String(n).padStart(5, "0")
    : capitalise(local.split(/[._-]/).slice(1).join(" ")) || null;
  const extensionAttributes: Record<string, string | null> = {};
  const user: UserRecord = {
    id: guidFrom(`tenant-emulator/user/${tenant.organization.tenantId}`, upn.toLowerCase()),
    userPrincipalName: upn,
    displayName: [givenName, surname].filter(Boolean).join(" "),
    givenName,
    surname,
    mail: upn,
    mailNickname: local.replace(/[^A-Za-z0-9._-]/g, ""),
    accountEnabled: true,
    userType: "Member",
    usageLocation: tenant.organization.defaultUsageLocation,
    department: d.displayName,
    companyName: tenant.organization.name,
    officeLocation: null,
    jobTitle: null,
    employeeType: "Employee",
    city: null,
    country: tenant.organization.country,
    extensionAttributes,
    createdDateTime: created,
    licenseAssignmentStates: [],
  };
  for (const [k, v] of Object.entries(attrs) as [RuleAttribute, string][]) {
    if (k.startsWith("extensionAttribute")) extensionAttributes[k] = v;
    else if (k !== "userPrincipalName" && k !== "mail") (user as unknown as Record<string, unknown>)[k] = v;
  }
  return user;
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function skusFor(def: TenantDefinition, tenantId: string): SkuRecord[] {
  return def.tenant.licensing.skus.map((sku) => {
    const planNames = new Set<string>([
      ...knownPlansOf(sku.partNumber),
      ...sku.servicePlans,
      ...sku.disabledPlans,
    ]);
    for (const d of def.departments) {
      for (const l of d.licences)
        if (l.sku === sku.partNumber) l.disabledPlans.forEach((p) => planNames.add(p));
    }
    return {
      skuId: skuIdFor(sku.partNumber),
      skuPartNumber: sku.partNumber,
      appliesTo: "User",
      capabilityStatus: "Enabled",
      prepaidUnits: { enabled: sku.seats, lockedOut: 0, suspended: 0, warning: 0 },
      servicePlans: [...planNames].map((name) => ({
        servicePlanId: servicePlanIdFor(name),
        servicePlanName: name,
        appliesTo: "User",
        provisioningStatus: "Success",
      })),
      subscriptionIds: [guidFrom(`tenant-emulator/subscription/${tenantId}`, sku.partNumber)],
    };
  });
}
