/** What the identity layer's department groups (azuread provider) need from the tenant (docs/permissions.md). */
import type { PermissionManifest } from "../permissions/types";

export const departmentGroupsManifest: PermissionManifest = {
  resource: "azuread:index/group:Group",
  read: ["User.Read.All"],
  write: ["Group.Create", "RoleManagement.ReadWrite.Directory"],
  why:
    "Creates the department and admin groups (Group.Create, least privileged; the deploying principal is added as " +
    "an owner of each, which Group.Create needs to update or delete them later) and looks up owners and admins " +
    "by user principal name (User.Read.All). With identity.delegatedAdministration the admin group is " +
    "role-assignable, which Graph lets only RoleManagement.ReadWrite.Directory create or change (group-post-groups); " +
    "without it, that permission is not needed.",
};

export const adminMembershipEligibilityManifest: PermissionManifest = {
  resource: "azuread:index/privilegedAccessGroupEligibilitySchedule:PrivilegedAccessGroupEligibilitySchedule",
  read: [],
  write: ["PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup"],
  why:
    "With identity.adminGroupMembership: eligible, makes each department admin an eligible member of the admin " +
    "group (PIM for Groups) and removes that eligibility (PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup, " +
    "the permission the azuread provider documents for this resource).",
};
