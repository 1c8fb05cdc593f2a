import { assignedLicenses, consumedUnits } from "../state/licensing";
import type { TenantState } from "../state";
import type { GroupRecord, SkuRecord, UserRecord } from "../state/types";

/**
 * Graph JSON for the emulator's records, true to graph-v1-subset.json (names, casing, nullability). Each
 * entity has a default property set (what Graph returns without `$select`) and a selectable set.
 */

export const USER_DEFAULT = [
  "businessPhones",
  "displayName",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
  "id",
] as const;

export const USER_SELECTABLE = [
  ...USER_DEFAULT,
  "accountEnabled",
  "assignedLicenses",
  "licenseAssignmentStates",
  "usageLocation",
  "department",
  "companyName",
  "city",
  "country",
  "employeeType",
  "createdDateTime",
  "mailNickname",
  "userType",
  "onPremisesExtensionAttributes",
  "deletedDateTime",
] as const;

export function userShape(user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: user.officeLocation,
    preferredLanguage: null,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    accountEnabled: user.accountEnabled,
    assignedLicenses: assignedLicenses(user),
    licenseAssignmentStates: user.licenseAssignmentStates.map((s) => ({
      assignedByGroup: s.assignedByGroup,
      disabledPlans: [...s.disabledPlans],
      error: s.error,
      lastUpdatedDateTime: s.lastUpdatedDateTime,
      skuId: s.skuId,
      state: s.state,
    })),
    usageLocation: user.usageLocation,
    department: user.department,
    companyName: user.companyName,
    city: user.city,
    country: user.country,
    employeeType: user.employeeType,
    createdDateTime: user.createdDateTime,
    mailNickname: user.mailNickname,
    userType: user.userType,
    onPremisesExtensionAttributes: Object.fromEntries(
      Array.from({ length: 15 }, (_, i) => `extensionAttribute${i + 1}`).map((k) => [
        k,
        user.extensionAttributes[k] ?? null,
      ]),
    ),
    deletedDateTime: null,
  };
}

export const GROUP_DEFAULT = [
  "id",
  "deletedDateTime",
  "classification",
  "createdDateTime",
  "description",
  "displayName",
  "expirationDateTime",
  "groupTypes",
  "isAssignableToRole",
  "mail",
  "mailEnabled",
  "mailNickname",
  "membershipRule",
  "membershipRuleProcessingState",
  "onPremisesSyncEnabled",
  "preferredDataLocation",
  "preferredLanguage",
  "proxyAddresses",
  "renewedDateTime",
  "resourceBehaviorOptions",
  "resourceProvisioningOptions",
  "securityEnabled",
  "securityIdentifier",
  "theme",
  "visibility",
] as const;

/** `hasMembersWithLicenseErrors` may be selected but Graph never returns it (filter only, §1.3). */
export const GROUP_SELECTABLE = [
  ...GROUP_DEFAULT,
  "assignedLicenses",
  "licenseProcessingState",
  "hasMembersWithLicenseErrors",
] as const;

export function groupShape(group: GroupRecord): Record<string, unknown> {
  return {
    id: group.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: group.createdDateTime,
    description: group.description,
    displayName: group.displayName,
    expirationDateTime: null,
    groupTypes: [...group.groupTypes],
    isAssignableToRole: null,
    mail: null,
    mailEnabled: group.mailEnabled,
    mailNickname: group.mailNickname,
    membershipRule: group.membershipRule,
    membershipRuleProcessingState: group.membershipRule ? "On" : null,
    onPremisesSyncEnabled: null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: [],
    renewedDateTime: group.createdDateTime,
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: [],
    securityEnabled: group.securityEnabled,
    securityIdentifier: sidOf(group.id),
    theme: null,
    visibility: null,
    assignedLicenses: group.assignedLicenses.map((l) => ({
      disabledPlans: [...l.disabledPlans],
      skuId: l.skuId,
    })),
    licenseProcessingState:
      group.licenseProcessingState === null ? null : { state: group.licenseProcessingState },
  };
}

/** `subscribedSku` with `consumedUnits` from the seats users hold now. */
export function skuShape(
  state: TenantState,
  sku: SkuRecord,
  used = consumedUnits(state),
): Record<string, unknown> {
  return {
    accountId: state.tenant.tenantId,
    accountName: state.tenant.displayName,
    appliesTo: sku.appliesTo,
    capabilityStatus: sku.capabilityStatus,
    consumedUnits: used.get(sku.skuId) ?? 0,
    id: `${state.tenant.tenantId}_${sku.skuId}`,
    prepaidUnits: { ...sku.prepaidUnits },
    servicePlans: sku.servicePlans.map((p) => ({ ...p })),
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    subscriptionIds: [...sku.subscriptionIds],
  };
}

/** Entra's cloud SID form, S-1-12-1- and the object id as four 32-bit numbers. */
function sidOf(id: string): string {
  const hex = id.replace(/-/g, "");
  return `S-1-12-1-${[0, 8, 16, 24].map((i) => parseInt(hex.slice(i, i + 8), 16)).join("-")}`;
}
