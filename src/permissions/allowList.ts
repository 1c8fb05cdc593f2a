/**
 * The least-privilege allow-list: every Graph application permission the toolkit may request, each with the
 * calls that need it, and a deny-list of broader permissions that must never be requested even though
 * Microsoft's tables list them as "higher privileged" alternatives for the same calls.
 * Sources: graph-teams-licensing.md §1–§2 and Microsoft's permission tables
 * (`api-reference/v1.0/includes/permissions/*-permissions.md`).
 */
import type { AllowedPermission } from "./types";

export const ALLOWED_APPLICATION_PERMISSIONS: readonly AllowedPermission[] = [
  {
    name: "Organization.Read.All",
    usedFor: "GET /subscribedSkus (SKU and service-plan ids by part number, seats free) — least privileged",
  },
  {
    name: "GroupMember.Read.All",
    usedFor:
      "GET /groups/{id} ($select assignedLicenses, licenseProcessingState) and /groups/{id}/membersWithLicenseErrors — least privileged",
  },
  {
    name: "User.Read.All",
    usedFor:
      "GET /users/{id} ($select licenseAssignmentStates, usageLocation) to report members' licence errors by reason",
  },
  {
    name: "Group.Create",
    usedFor:
      "azuread Group create (identity layer), and update/delete of groups the deploying principal owns — least privileged",
  },
  {
    name: "Policy.ReadWrite.ConditionalAccess",
    usedFor:
      "azuread ConditionalAccessPolicy and NamedLocation create/update/delete (identity layer) — least privileged",
  },
  {
    name: "Policy.Read.All",
    usedFor:
      "GET /identity/conditionalAccess/policies and namedLocations, and the authentication strengths they reference — least privileged",
  },
  {
    name: "AdministrativeUnit.ReadWrite.All",
    usedFor:
      "POST/GET/PATCH/DELETE /directory/administrativeUnits (a department's unit with its dynamic membership rule) — least privileged",
  },
  {
    name: "AdministrativeUnit.Read.All",
    usedFor:
      "GET /directory/administrativeUnits (drift and export of the departments' units) — least privileged",
  },
  {
    name: "RoleEligibilitySchedule.ReadWrite.Directory",
    usedFor:
      "azuread DirectoryRoleEligibilityScheduleRequest: department admin groups eligible for scoped roles on their unit — least privileged for the eligibility requests",
  },
  {
    name: "RoleManagement.ReadWrite.Directory",
    usedFor:
      "azuread Group with assignableToRole, only with identity.delegatedAdministration: the department's admin group holds its scoped roles, and Graph requires this permission to create a role-assignable group or change its members (group-post-groups). The deploying principal is Privileged Role Administrator for the eligibilities already, so it adds no power; the Teams Administrator role is still assigned once, by hand",
  },
  {
    name: "PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup",
    usedFor:
      "azuread PrivilegedAccessGroupEligibilitySchedule: department admins eligible members of their admin group (PIM for Groups)",
  },
  {
    name: "AuditLog.Read.All",
    usedFor: "GET /auditLogs/directoryAudits (drift: who changed a group's licences) — least privileged",
  },
  {
    name: "LicenseAssignment.ReadWrite.All",
    usedFor:
      "POST /groups/{id}/assignLicense and /users/{id}/assignLicense — least privileged (instead of Group/User/Directory.ReadWrite.All)",
  },
  {
    name: "TeamsTelephoneNumber.Read.All",
    usedFor:
      "GET /admin/teams/telephoneNumberManagement/numberAssignments and operations/{id} — least privileged",
  },
  {
    name: "TeamsTelephoneNumber.ReadWrite.All",
    usedFor: "POST …/numberAssignments/assignNumber, unassignNumber, updateNumber",
  },
  {
    name: "TeamsUserConfiguration.Read.All",
    usedFor:
      "GET /admin/teams/userConfigurations (numbers and effective policies per user, for export and drift)",
  },
];

export interface DeniedPermission {
  name: string;
  /** What to request instead. */
  instead: string;
  /** Why the read-only drift app (and only it) may hold it anyway: the call that documents no narrower set. */
  driftAppOnly?: string;
}

/** Broader than any call needs; requesting one of these fails the permission test. */
export const DENIED_APPLICATION_PERMISSIONS: readonly DeniedPermission[] = [
  {
    name: "Directory.ReadWrite.All",
    instead: "LicenseAssignment.ReadWrite.All for licences; nothing else here writes the directory",
  },
  {
    name: "Directory.Read.All",
    instead: "Organization.Read.All, GroupMember.Read.All and User.Read.All cover every read",
    driftAppOnly:
      "GET /auditLogs/directoryAudits documents AuditLog.Read.All and Directory.Read.All as its least privilege " +
      "(learn.microsoft.com/graph/api/directoryaudit-list); only the read-only drift app holds it",
  },
  {
    name: "Group.ReadWrite.All",
    instead:
      "Group.Create for the identity layer's groups (the deploying principal owns them) and LicenseAssignment.ReadWrite.All for assignLicense",
  },
  { name: "User.ReadWrite.All", instead: "LicenseAssignment.ReadWrite.All (assignLicense)" },
  { name: "Organization.ReadWrite.All", instead: "Organization.Read.All (subscribedSkus is read-only)" },
  {
    name: "Group.Read.All",
    instead: "GroupMember.Read.All is the least-privileged read for the group calls used",
  },
  { name: "AppRoleAssignment.ReadWrite.All", instead: "grant admin consent once, by hand" },
  { name: "Application.ReadWrite.All", instead: "nothing: the toolkit never edits app registrations" },
];
