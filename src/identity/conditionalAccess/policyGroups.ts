/**
 * The groups the conditional access baseline names, derived from the definition: the departments' exception
 * groups (exceptions.ts) and their admin groups (DepartmentIdentity creates one per department). The identity
 * layer, the emulator's seed and drift all take them from here, so the three name the same groups.
 */
import type { TenantDefinition } from "../../config/definition";
import { departmentAdminGroupName } from "../../naming";
import { exceptionGroupsByPolicy } from "./exceptions";
import type { PolicyGroups } from "./policies";

export function policyGroupsOf(definition: TenantDefinition): PolicyGroups {
  const shortName = definition.tenant.organization.shortName;
  return {
    exceptions: exceptionGroupsByPolicy(definition),
    // baselinePolicies sorts them, whoever passes them in.
    admins: definition.departments.map((d) => departmentAdminGroupName(shortName, d.id)),
  };
}
