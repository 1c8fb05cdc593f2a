/**
 * The emulated tenant as plain, JSON-serialisable records: what the state file holds. Graph shapes are
 * produced from these by the route modules (`../routes/shapes.ts`), so the records can carry what Graph
 * does not show (a group's department id, static members) without leaking it.
 */

export interface AssignedLicenseRecord {
  skuId: string;
  /** Service plan ids switched off. */
  disabledPlans: string[];
}

export type LicenseState = "Active" | "ActiveWithError" | "Disabled" | "Error";
export type LicenseError =
  | "None"
  | "CountViolation"
  | "MutuallyExclusiveViolation"
  | "DependencyViolation"
  | "ProhibitedInUsageLocationViolation"
  | "UniquenessViolation"
  | "Other";

/** One licence of a user and where it comes from (`assignedByGroup` null = direct). */
export interface LicenseAssignmentStateRecord {
  skuId: string;
  assignedByGroup: string | null;
  disabledPlans: string[];
  state: LicenseState;
  error: LicenseError;
  lastUpdatedDateTime: string;
}

/** Attributes a dynamic membership rule may test (`user.<name>`). */
export const RULE_ATTRIBUTES = [
  "department",
  "companyName",
  "officeLocation",
  "jobTitle",
  "employeeType",
  "city",
  "country",
  "usageLocation",
  "userPrincipalName",
  "displayName",
  "mail",
  "extensionAttribute1",
  "extensionAttribute2",
  "extensionAttribute3",
  "extensionAttribute4",
  "extensionAttribute5",
  "extensionAttribute6",
  "extensionAttribute7",
  "extensionAttribute8",
  "extensionAttribute9",
  "extensionAttribute10",
  "extensionAttribute11",
  "extensionAttribute12",
  "extensionAttribute13",
  "extensionAttribute14",
  "extensionAttribute15",
] as const;
export type RuleAttribute = (typeof RULE_ATTRIBUTES)[number];

export interface UserRecord {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  mailNickname: string;
  accountEnabled: boolean;
  userType: "Member" | "Guest";
  usageLocation: string | null;
  department: string | null;
  companyName: string | null;
  officeLocation: string | null;
  jobTitle: string | null;
  employeeType: string | null;
  city: string | null;
  country: string | null;
  /** `extensionAttribute1`…`15` that are set (sparse: a 27,000-user state file stays small). */
  extensionAttributes: Record<string, string | null>;
  createdDateTime: string;
  /** Every licence with its source; `assignedLicenses` is derived from the active ones. */
  licenseAssignmentStates: LicenseAssignmentStateRecord[];
}

export interface GroupRecord {
  id: string;
  displayName: string;
  description: string | null;
  mailNickname: string;
  groupTypes: string[];
  securityEnabled: boolean;
  mailEnabled: boolean;
  /** Entra dynamic membership rule; null for an assigned-membership group. */
  membershipRule: string | null;
  /** Members when non-empty: for assigned groups, and for rules the emulator cannot build users for. */
  staticMemberIds: string[];
  createdDateTime: string;
  assignedLicenses: AssignedLicenseRecord[];
  /** `licenseProcessingState.state`; null until a licence was first assigned. */
  licenseProcessingState: string | null;
  /** The definition's department id, for seeding and reports; not a Graph property. */
  departmentId?: string;
  /** Object ids of the group's owners (`/groups/{id}/owners`); absent = none. */
  ownerIds?: string[];
}

export interface ServicePlanRecord {
  servicePlanId: string;
  servicePlanName: string;
  appliesTo: "User" | "Company";
  provisioningStatus: string;
}

export interface SkuRecord {
  skuId: string;
  skuPartNumber: string;
  appliesTo: "User" | "Company";
  capabilityStatus: string;
  prepaidUnits: { enabled: number; lockedOut: number; suspended: number; warning: number };
  servicePlans: ServicePlanRecord[];
  subscriptionIds: string[];
}

/** Background work that moves through timed phases on the emulator clock (group licence processing, …). */
export interface JobRecord {
  id: string;
  /** Key of the handler that applies each phase (see `jobs.ts`). */
  kind: string;
  /** Id of the object the job works on. */
  target: string;
  /** Phases in order with the clock time each is reached; the first is reached on creation. */
  phases: { name: string; at: number }[];
  /** Index of the last phase applied. */
  reached: number;
  data?: unknown;
}

export interface TenantInfo {
  tenantId: string;
  displayName: string;
  verifiedDomains: string[];
  defaultUsageLocation: string | null;
}

/** The state file's content. `areas` is where later route families (Teams numbers, policies) keep theirs. */
export interface StateDocument {
  format: "tenant-emulator-state";
  version: 1;
  tenant: TenantInfo;
  users: UserRecord[];
  groups: GroupRecord[];
  skus: SkuRecord[];
  jobs: JobRecord[];
  areas: Record<string, unknown>;
}

export function emptyDocument(tenant: TenantInfo): StateDocument {
  return {
    format: "tenant-emulator-state",
    version: 1,
    tenant,
    users: [],
    groups: [],
    skus: [],
    jobs: [],
    areas: {},
  };
}
