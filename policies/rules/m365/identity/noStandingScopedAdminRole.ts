import { definePolicy, validateResourceOfToken } from "../../../lib/define";

/** The azuread provider's standing Entra role assignment (`roleManagement/directory/roleAssignments`). */
export const DIRECTORY_ROLE_ASSIGNMENT = "azuread:index/directoryRoleAssignment:DirectoryRoleAssignment";

interface DirectoryRoleAssignmentProps {
  roleId?: string;
  principalObjectId?: string;
  directoryScopeId?: string;
}

/**
 * No standing Entra role assignment is scoped to an administrative unit; department admins are eligible instead.
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
      "No standing Entra role assignment is scoped to an administrative unit; department admins are eligible instead.",
    rationale:
      "A department admin with a standing User Administrator role over the department's unit turns a phished " +
      "session into control of every user there at any hour. Eligibility (Privileged Identity Management) gives " +
      "the same power only when the admin activates it, for a limited time, with a reason, and logs it.",
    remediation:
      "Use azuread.DirectoryRoleEligibilityScheduleRequest with the same role and directoryScopeId (what the " +
      "identity layer renders for identity.delegatedAdministration), not DirectoryRoleAssignment or " +
      "AdministrativeUnitRoleMember.",
    topics: ["identity", "privileged-access", "delegated-administration"],
  },
  {
    validateResource: validateResourceOfToken<DirectoryRoleAssignmentProps>(
      DIRECTORY_ROLE_ASSIGNMENT,
      (props, _args, reportViolation) => {
        const scope = props.directoryScopeId ?? "";
        if (!scope.startsWith("/administrativeUnits/")) return;
        reportViolation(
          `Entra role ${props.roleId ?? "(unknown role)"} is assigned for good to ${props.principalObjectId ?? "(unknown principal)"} ` +
            `on ${scope}: make the admin eligible for it instead.`,
        );
      },
    ),
  },
);
