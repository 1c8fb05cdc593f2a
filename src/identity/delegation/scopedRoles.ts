/**
 * The Microsoft Entra built-in roles that can be assigned with administrative-unit scope, by the key tenant.yaml
 * uses. The list is Microsoft's "Roles that can be assigned with administrative unit scope" (MicrosoftDocs/entra-docs,
 * docs/identity/role-based-access-control/admin-units-assign-roles.md @026ccad80dbdf48e2d8dab4b4025a0ae979d41df),
 * less Printer and SharePoint Administrator, which manage nothing the toolkit delegates; template ids from
 * "Microsoft Entra built-in roles" (permissions-reference.md @00fe95d60143bbf5f832cdd8bb74765b182c2d8f).
 *
 * No Teams voice role is on that list (Teams Communications Administrator and the support roles are tenant-wide
 * only): a department's phone support goes through its definition files (docs/identity.md, "Delegated administration").
 */
export interface ScopedRole {
  displayName: string;
  templateId: string;
  /** What it lets a department admin do inside the department's administrative unit, for the plan and the docs. */
  allows: string;
}

export const AU_SCOPED_ROLES = {
  userAdministrator: {
    displayName: "User Administrator",
    templateId: "fe930be7-5e62-47db-91af-98c3a49a38b1",
    allows: "manage the department's users and their groups, and reset their passwords",
  },
  helpdeskAdministrator: {
    displayName: "Helpdesk Administrator",
    templateId: "729827e3-9c14-49f7-bb1b-9608f156bbb8",
    allows: "reset the passwords of the department's non-admin users",
  },
  passwordAdministrator: {
    displayName: "Password Administrator",
    templateId: "966707d0-3269-4727-9be2-8c3a10f19b9d",
    allows: "reset the passwords of the department's non-admin users",
  },
  authenticationAdministrator: {
    displayName: "Authentication Administrator",
    templateId: "c4e39bd9-1100-46d3-8c65-fb160da0071f",
    allows: "view, set and reset the department's non-admin users' authentication methods",
  },
  groupsAdministrator: {
    displayName: "Groups Administrator",
    templateId: "fdd7a751-b60b-444a-984c-02652fe8fa1c",
    allows: "manage the groups placed in the department's administrative unit",
  },
  licenseAdministrator: {
    displayName: "License Administrator",
    templateId: "4d6ac14f-3453-41d0-bef9-a3e0c569773a",
    allows: "change the department's users' direct licence assignments",
  },
  teamsDevicesAdministrator: {
    displayName: "Teams Devices Administrator",
    templateId: "3d762c5a-1b6c-493f-843e-55a3b42923d4",
    allows: "manage the department's Teams certified devices",
  },
  cloudDeviceAdministrator: {
    displayName: "Cloud Device Administrator",
    templateId: "7698a772-787b-4ac8-901f-60d6b08affd2",
    allows: "enable, disable and delete the department's devices",
  },
} as const satisfies Record<string, ScopedRole>;

export type ScopedRoleKey = keyof typeof AU_SCOPED_ROLES;
export const SCOPED_ROLE_KEYS = Object.keys(AU_SCOPED_ROLES) as [ScopedRoleKey, ...ScopedRoleKey[]];

/** Least privilege that lets a department run its own users (docs/identity.md explains the choice). */
export const DEFAULT_SCOPED_ROLES: readonly ScopedRoleKey[] = ["userAdministrator"];

/** The role a template id names, for the plan and drift; undefined for a role the toolkit never delegates. */
export function scopedRoleByTemplateId(templateId: string): ScopedRole | undefined {
  return Object.values(AU_SCOPED_ROLES).find((r) => r.templateId === templateId.toLowerCase());
}
