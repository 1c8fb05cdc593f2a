/**
 * Shapes of the licensing logic: what Graph returns (only the fields read, all tolerant of null as the
 * metadata allows) and what the provider stores. Graph shapes follow graph-teams-licensing.md §1.
 */
import type { GroupLicensesInputs } from "../../resourceTypes";

/** One entry of `GET /subscribedSkus` (§1.1). */
export interface SubscribedSku {
  skuId: string;
  skuPartNumber: string;
  appliesTo?: string | null;
  capabilityStatus?: string | null;
  consumedUnits?: number | null;
  prepaidUnits?: { enabled?: number | null } | null;
  servicePlans?: { servicePlanId: string; servicePlanName: string }[] | null;
}

/** `assignedLicense`: a SKU id and the ids of its service plans switched off. */
export interface AssignedLicense {
  skuId: string;
  disabledPlans: string[];
}

/** The body of `assignLicense` (both arrays are non-nullable in the CSDL: send `[]`, never omit). */
export interface LicenceDelta {
  addLicenses: AssignedLicense[];
  removeLicenses: string[];
}

/** A licence of the definition with its ids as the tenant knows them. */
export interface ResolvedLicence {
  skuPartNumber: string;
  skuId: string;
  /** Service-plan names, sorted (as in the inputs). */
  disabledPlans: string[];
  /** The same plans as ids, lower-case, sorted. */
  disabledPlanIds: string[];
}

/** `user.licenseAssignmentStates` entry (§1.4); `error` may be null, "None", or "Others" in old docs. */
export interface LicenseAssignmentState {
  skuId?: string | null;
  assignedByGroup?: string | null;
  state?: string | null;
  error?: string | null;
}

/** A group member as the seat count and the error report read it. */
export interface MemberLicences {
  id: string;
  userPrincipalName?: string | null;
  assignedLicenses?: AssignedLicense[] | null;
  licenseAssignmentStates?: LicenseAssignmentState[] | null;
}

/** What the resource stores: its inputs plus the ids they resolved to at the last create/update/refresh. */
export interface GroupLicensesOutputs extends GroupLicensesInputs {
  resolved: ResolvedLicence[];
}

export type Licence = GroupLicensesInputs["licences"][number];
