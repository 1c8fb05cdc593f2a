/** What the department admins' scoped role eligibilities (azuread provider) need from the tenant (docs/permissions.md). */
import type { PermissionManifest } from "../../permissions/types";

export const scopedRoleEligibilityManifest: PermissionManifest = {
  resource: "azuread:index/directoryRoleEligibilityScheduleRequest:DirectoryRoleEligibilityScheduleRequest",
  read: [],
  write: ["RoleEligibilitySchedule.ReadWrite.Directory"],
  why:
    "Makes each department's admin group eligible (Privileged Identity Management) for the scoped roles on the " +
    "department's administrative unit, and removes that eligibility (RoleEligibilitySchedule.ReadWrite.Directory, least privileged " +
    "for roleEligibilityScheduleRequests; not RoleManagement.ReadWrite.Directory).",
};
