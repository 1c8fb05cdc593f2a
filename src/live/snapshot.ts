/**
 * What `tenant export` and `tenant drift` read from a live tenant, in one plain, JSON-serializable shape.
 * The reader (src/live/read.ts) fills it through Graph and the Teams PowerShell adapter; export turns it into
 * definition files, drift compares it with a definition. Keys are the tenant's own ids (object ids, SKU ids,
 * LIS ids) resolved to the names a definition uses wherever the tenant says them (part numbers, UPNs,
 * `[key]` address descriptions), so neither consumer has to call Graph again.
 */
import type { AssignmentCategory, InventoryNumber, TeamsPolicyType } from "../teams/admin/port";
import type { PhoneServicesState } from "../teams/phoneServices/types";

export interface LiveSku {
  skuId: string;
  skuPartNumber: string;
  /** `prepaidUnits.enabled`: the seats bought. */
  seats: number;
  consumedUnits: number;
  servicePlans: { servicePlanId: string; servicePlanName: string }[];
}

export interface LiveLicence {
  skuId: string;
  /** Resolved through `subscribedSkus`; undefined when the tenant no longer lists the SKU. */
  skuPartNumber?: string;
  disabledPlanIds: string[];
  /** Resolved through the SKU's service plans; ids the SKU does not list stay in `disabledPlanIds` only. */
  disabledPlanNames: string[];
}

export interface LiveGroup {
  id: string;
  displayName: string;
  description: string | null;
  groupTypes: string[];
  membershipRule: string | null;
  securityEnabled: boolean;
  mailEnabled: boolean;
  assignedLicenses: LiveLicence[];
  /** UPNs of the group's owners (`/groups/{id}/owners`). */
  ownerUpns: string[];
  /**
   * How many members the group really has (`/groups/{id}/members`), which drift compares with the department's
   * declared headcount. Optional so hand-built fixtures and older checkpoints stay valid.
   */
  memberCount?: number;
}

export interface LiveUser {
  id: string;
  userPrincipalName: string;
  displayName: string | null;
  accountEnabled: boolean;
  /** The attributes `--departments-by` may name (department, companyName, officeLocation, …, extensionAttributeN). */
  attributes: Record<string, string | null>;
  /** Added by the reader (engineer D): `usageLocation`; optional so hand-built fixtures stay valid. */
  usageLocation?: string | null;
  /**
   * Added by the reader (engineer D): licences assigned to the user directly (`licenseAssignmentStates` with
   * `assignedByGroup` null), which no definition can express. Group-inherited licences are not listed.
   */
  directLicences?: LiveLicence[];
}

/** An entry of the number inventory, exactly as the Teams Graph adapter reads it (`toInventoryNumber`). */
export type LiveNumber = InventoryNumber;

export interface LiveUserConfiguration {
  /** Entra object id of the user. */
  id: string;
  userPrincipalName: string | null;
  telephoneNumbers: { telephoneNumber: string; assignmentCategory: AssignmentCategory }[];
  effectivePolicyAssignments: {
    policyType: string;
    policyName: string;
    /** `direct` (granted to the user), `group` (through `groupId`) or what the service reports. */
    assignmentType: string;
    groupId?: string;
  }[];
}

export interface LivePolicy {
  type: TeamsPolicyType;
  /** Identity without `Tag:`; `Global` is the tenant default. */
  name: string;
  settings: Record<string, unknown>;
}

export interface LiveCivicAddress {
  civicAddressId: string;
  /** The toolkit's `[key]` prefix of `Description`, when present. */
  key: string | null;
  fields: Record<string, string | undefined>;
  defaultLocationId: string;
  locations: { locationId: string; location: string; elin?: string }[];
}

export interface LiveGroupPolicyAssignment {
  groupId: string;
  policyType: TeamsPolicyType;
  policyName: string;
  rank: number;
}

export interface LiveVoiceRoute {
  name: string;
  settings: Record<string, unknown>;
}

export interface LiveTenant {
  /** When the read finished (ISO 8601), and from where. */
  readAt: string;
  graphEndpoint: string;
  organization: {
    tenantId: string;
    displayName: string;
    verifiedDomains: string[];
    countryLetterCode: string | null;
    defaultUsageLocation: string | null;
  };
  skus: LiveSku[];
  groups: LiveGroup[];
  users: LiveUser[];
  numbers: LiveNumber[];
  userConfigurations: LiveUserConfiguration[];
  /** Attendants, queues, resource accounts and schedules (issue #15); absent in snapshots read before them. */
  phoneServices?: PhoneServicesState;
  /**
   * Conditional access policies and named locations as Graph v1.0 returns them (issue #16; GET
   * /identity/conditionalAccess/policies and /namedLocations, Policy.Read.All); absent in snapshots read before.
   */
  conditionalAccess?: { policies: Record<string, unknown>[]; namedLocations: Record<string, unknown>[] };
  /**
   * Administrative units as Graph v1.0 returns them (issue #16; GET /directory/administrativeUnits,
   * AdministrativeUnit.Read.All); absent in snapshots read before.
   */
  administrativeUnits?: Record<string, unknown>[];
  teams: {
    policies: LivePolicy[];
    pstnUsages: string[];
    voiceRoutes: LiveVoiceRoute[];
    civicAddresses: LiveCivicAddress[];
    groupPolicyAssignments: LiveGroupPolicyAssignment[];
    /**
     * Added by the reader (engineer D): the policy each type falls back to tenant-wide (`Grant-Cs… -Global`),
     * inferred from `userConfigurations` because no read cmdlet returns it: Graph shows the tenant default as a
     * `direct` assignment, so per type the name most users without a group assignment share is the default
     * (absent when no user falls back to it). Direct assignments naming anything else are per-user grants.
     */
    globalPolicies?: Partial<Record<TeamsPolicyType, string>>;
  };
}
