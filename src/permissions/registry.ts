/**
 * Every manifest, each declared beside the code that needs it (a resource folder's or a command's
 * `permissions.ts`). A new resource or tenant-talking command adds its manifest there and one entry here: an
 * explicit list rather than import-time self-registration, so the doc generator and the tests see all of them
 * whatever was imported first. tests/permissions/beside.test.ts fails when one is missing here or beside its code.
 */
import { driftCommandManifest } from "../drift/permissions";
import { exportCommandManifest } from "../export/permissions";
import { adminMembershipEligibilityManifest, departmentGroupsManifest } from "../identity/permissions";
import { administrativeUnitManifest } from "../identity/delegation/administrativeUnit/permissions";
import { scopedRoleEligibilityManifest } from "../identity/delegation/permissions";
import {
  conditionalAccessPolicyManifest,
  namedLocationManifest,
} from "../identity/conditionalAccess/permissions";
import { propagationWaitManifest } from "../landing-zone/permissions";
import { groupLicensesManifest } from "../m365/licensing/permissions";
import { emergencyAddressManifest } from "../teams/addresses/permissions";
import { globalPolicyGrantManifest, groupPolicyAssignmentsManifest } from "../teams/assignments/permissions";
import { numberAssignmentsManifest } from "../teams/numbers/permissions";
import { phoneSchedulesManifest, phoneServicesManifest } from "../teams/phoneServices/permissions";
import {
  callingPolicyManifest,
  dialPlanManifest,
  emergencyCallingPolicyManifest,
  emergencyCallRoutingPolicyManifest,
  pstnUsagesManifest,
  voiceRouteManifest,
  voiceRoutingPolicyManifest,
} from "../teams/policies/permissions";
import type { PermissionManifest } from "./types";

export const PERMISSION_MANIFESTS: readonly PermissionManifest[] = [
  departmentGroupsManifest,
  adminMembershipEligibilityManifest,
  conditionalAccessPolicyManifest,
  namedLocationManifest,
  administrativeUnitManifest,
  scopedRoleEligibilityManifest,
  groupLicensesManifest,
  numberAssignmentsManifest,
  pstnUsagesManifest,
  voiceRouteManifest,
  callingPolicyManifest,
  emergencyCallingPolicyManifest,
  emergencyCallRoutingPolicyManifest,
  voiceRoutingPolicyManifest,
  dialPlanManifest,
  emergencyAddressManifest,
  groupPolicyAssignmentsManifest,
  globalPolicyGrantManifest,
  phoneServicesManifest,
  phoneSchedulesManifest,
  propagationWaitManifest,
  driftCommandManifest,
  exportCommandManifest,
];

export function findPermissionManifest(
  resource: string,
  manifests: readonly PermissionManifest[] = PERMISSION_MANIFESTS,
): PermissionManifest | undefined {
  return manifests.find((m) => m.resource === resource);
}

export interface PermissionUse {
  permission: string;
  /** Resources using it, and whether for read or write. */
  usedBy: { resource: string; access: "read" | "write"; why: string }[];
}

/** The union of application permissions, sorted by name, with who needs each. */
export function permissionUnion(
  manifests: readonly PermissionManifest[] = PERMISSION_MANIFESTS,
): PermissionUse[] {
  const byName = new Map<string, PermissionUse>();
  for (const manifest of manifests) {
    for (const access of ["read", "write"] as const) {
      for (const permission of manifest[access]) {
        const use = byName.get(permission) ?? { permission, usedBy: [] };
        if (!use.usedBy.some((u) => u.resource === manifest.resource && u.access === access)) {
          use.usedBy.push({ resource: manifest.resource, access, why: manifest.why });
        }
        byName.set(permission, use);
      }
    }
  }
  return [...byName.values()].sort((a, b) => a.permission.localeCompare(b.permission));
}
