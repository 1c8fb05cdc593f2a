import type { PermissionManifest } from "../types";

/** The identity layer's department groups (azuread provider), and drift's read of the directory audit. */
export const identityGroupsManifest: PermissionManifest = {
  resource: "azuread:index/group:Group",
  read: ["User.Read.All"],
  write: ["Group.Create"],
  why:
    "Creates the department and admin groups (Group.Create, least privileged; the deploying principal is added as " +
    "an owner of each, which Group.Create needs to update or delete them later) and looks up owners and admins " +
    "by user principal name (User.Read.All).",
};

export const driftAuditManifest: PermissionManifest = {
  resource: "drift:DirectoryAudit",
  read: ["AuditLog.Read.All"],
  write: [],
  why: "Attributes a licence changed by hand to who changed it, from GET /auditLogs/directoryAudits (GroupManagement).",
};
