import { definePolicy, validateResourceOfToken } from "../../../lib/define";
import { AZURE } from "../../../lib/azure";

/**
 * Built-in Azure roles that manage resources or access (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles):
 * Owner, Contributor, User Access Administrator, Role Based Access Control Administrator.
 */
export const PRIVILEGED_AZURE_ROLES: Readonly<Record<string, string>> = {
  "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
  "b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
  "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": "User Access Administrator",
  "f58310d9-a9f6-439a-9e8d-f62e7b41a168": "Role Based Access Control Administrator",
};

interface RoleAssignmentProps {
  principalType?: string;
  roleDefinitionId?: string;
  scope?: string;
  description?: string;
}

/**
 * No group holds a standing Owner, Contributor or access-administration role (nor an assignment that does not say its principal type); it is eligible instead.
 */
export const noPermanentAdminGroupRole = definePolicy(
  {
    id: "azure-authorization-no-permanent-admin-group-role",
    vendor: "azure",
    service: "authorization",
    kind: "resource",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
      "No group holds a standing Owner, Contributor or access-administration role (nor an assignment that does not say its principal type); it is eligible instead.",
    rationale:
      "A department's admin group with standing Contributor turns every admin's phished session into write access " +
      "to the department's resources at any hour. Eligibility (Privileged Identity Management) gives the same " +
      "power only when an admin activates it, for a limited time, with a reason, and logs it. An assignment " +
      "without principalType is valid for any principal, so the pack cannot tell it from an admin group.",
    remediation:
      "Make the group eligible for the role (azure-native authorization.PimRoleEligibilitySchedule, what the " +
      "identity layer renders) instead of assigning it (authorization.RoleAssignment). A service principal's " +
      "assignment states `principalType: ServicePrincipal`.",
    topics: ["identity", "privileged-access", "rbac"],
  },
  {
    validateResource: validateResourceOfToken<RoleAssignmentProps>(
      AZURE.roleAssignment,
      (props, _args, reportViolation) => {
        if (props.principalType !== undefined && props.principalType !== "Group") return;
        const roleId = (props.roleDefinitionId ?? "").split("/").pop()?.toLowerCase() ?? "";
        const role = PRIVILEGED_AZURE_ROLES[roleId];
        if (!role) return;
        const what = `${role} on ${props.scope ?? "(unknown scope)"}${props.description ? ` (${props.description.replace(/\.$/, "")})` : ""}`;
        reportViolation(
          props.principalType === "Group"
            ? `A group holds standing ${what}: make it eligible instead.`
            : `A principal of unstated type holds standing ${what}: it may be an admin group — set principalType ` +
                "(ServicePrincipal for a managed identity), or make the group eligible instead.",
        );
      },
    ),
  },
);
