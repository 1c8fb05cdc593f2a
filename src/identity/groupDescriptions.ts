/**
 * The descriptions of the groups the identity layer creates. The emulator's seed writes the same words for the
 * groups it creates as `pulumi up` would, so both take them from here. Pure.
 */
import type { BaselinePolicyKey } from "../config/schema/identity";

interface Named {
  displayName: string;
}

export const departmentGroupDescription = (department: Named): string =>
  `${department.displayName}: everyone in the department (dynamic membership).`;

export const adminGroupDescription = (department: Named): string =>
  `${department.displayName}: administrators, eligible for Contributor on the department's resource group.`;

export const exceptionGroupDescription = (
  department: Named,
  exception: { policy: BaselinePolicyKey; reason: string },
): string =>
  `${department.displayName}: exempt from conditional access ${exception.policy} — ${exception.reason}`;
