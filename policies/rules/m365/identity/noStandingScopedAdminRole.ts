import type { ResourceValidationArgs } from "@pulumi/policy";
import { ADMIN_ROLE_TEMPLATE_IDS } from "../../../../src/identity/conditionalAccess/adminRoles";
import { definePolicy } from "../../../lib/define";

/** The azuread provider's standing Entra role assignment (`roleManagement/directory/roleAssignments`). */
export const DIRECTORY_ROLE_ASSIGNMENT = "azuread:index/directoryRoleAssignment:DirectoryRoleAssignment";
/** A standing member of a role scoped to an administrative unit (`scopedRoleMembers`). */
export const ADMINISTRATIVE_UNIT_ROLE_MEMBER =
  "azuread:index/administrativeUnitRoleMember:AdministrativeUnitRoleMember";
/** A standing member of an activated directory role, tenant-wide (`directoryRoles/{id}/members`). */
export const DIRECTORY_ROLE_MEMBER = "azuread:index/directoryRoleMember:DirectoryRoleMember";

const ADMIN_ROLES = new Map(Object.entries(ADMIN_ROLE_TEMPLATE_IDS).map(([name, id]) => [id, name]));

type Props = Record<string, string | undefined>;

/** The violation a standing assignment is, or undefined when it is not an administrative one. */
function standingAdminRole(type: string, props: Props): string | undefined {
  const who = props.principalObjectId ?? props.memberObjectId ?? "(unknown principal)";
  if (type === ADMINISTRATIVE_UNIT_ROLE_MEMBER)
    return (
      `${who} is a standing member of role ${props.roleObjectId ?? "(unknown role)"} on administrative unit ` +
      `${props.administrativeUnitObjectId ?? "(unknown unit)"}: make the admin eligible for it instead.`
    );
  if (type === DIRECTORY_ROLE_MEMBER)
    return (
      `${who} is a standing member of directory role ${props.roleObjectId ?? "(unknown role)"}, tenant-wide: ` +
      "make the admin eligible for it instead."
    );
  const scope = props.directoryScopeId ?? "/";
  if (scope.startsWith("/administrativeUnits/"))
    return `Entra role ${props.roleId ?? "(unknown role)"} is assigned for good to ${who} on ${scope}: make the admin eligible for it instead.`;
  const role = ADMIN_ROLES.get((props.roleId ?? "").toLowerCase());
  if (scope === "/" && role)
    return `${role} is assigned for good to ${who}, tenant-wide: make the admin eligible for it instead.`;
  return undefined;
}

const TYPES = [DIRECTORY_ROLE_ASSIGNMENT, ADMINISTRATIVE_UNIT_ROLE_MEMBER, DIRECTORY_ROLE_MEMBER];

/**
 * No standing Entra role on an administrative unit, and no standing administrative role tenant-wide; admins are eligible instead.
 */
export const noStandingScopedAdminRole = definePolicy(
  {
    id: "m365-identity-no-standing-scoped-admin-role",
    vendor: "m365",
    service: "identity",
    kind: "resource",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
      "No standing Entra role on an administrative unit, and no standing administrative role tenant-wide; admins are eligible instead.",
    rationale:
      "A department admin with a standing User Administrator role over the department's unit turns a phished " +
      "session into control of every user there at any hour, and a standing tenant-wide role into control of " +
      "every department. Eligibility (Privileged Identity Management) gives the same power only when the admin " +
      "activates it, for a limited time, with a reason, and logs it.",
    remediation:
      "Use azuread.DirectoryRoleEligibilityScheduleRequest with the same role and directoryScopeId (what the " +
      "identity layer renders for identity.delegatedAdministration), not DirectoryRoleAssignment, " +
      "AdministrativeUnitRoleMember or DirectoryRoleMember.",
    topics: ["identity", "privileged-access", "delegated-administration"],
  },
  {
    // One function for three types, so no type tag: the analyzer calls it for every resource.
    validateResource: (args: ResourceValidationArgs, reportViolation) => {
      if (!TYPES.includes(args.type)) return args.notApplicable(`Policy only applies to ${TYPES.join(", ")}`);
      const violation = standingAdminRole(args.type, args.props as Props);
      if (violation) reportViolation(violation);
    },
  },
);
