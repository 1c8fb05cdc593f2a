/**
 * Every Graph-backed resource's manifest. A new resource adds its manifest here (one import, one entry): an
 * explicit list rather than import-time self-registration, so the doc generator and the test see all of them
 * whatever was imported first.
 */
import { driftAuditManifest, identityGroupsManifest } from "./manifests/identity";
import { groupLicensesManifest } from "./manifests/licensing";
import {
  teamsNumberAssignmentsManifest,
  teamsPolicyAssignmentsManifest,
  teamsPowerShellManifest,
} from "./manifests/teams";
import type { PermissionManifest } from "./types";

export const PERMISSION_MANIFESTS: readonly PermissionManifest[] = [
  identityGroupsManifest,
  driftAuditManifest,
  groupLicensesManifest,
  teamsNumberAssignmentsManifest,
  teamsPolicyAssignmentsManifest,
  teamsPowerShellManifest,
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
