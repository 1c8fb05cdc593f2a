/**
 * The m365 layer: one GroupLicenses per department that takes licences, on the department group the identity
 * layer created (in this stack, or read from the platform stack). Departments without licences get none, so
 * the plan shows exactly the groups that will be licensed.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { TenantDefinition } from "../config/definition";
import type { LayerExports } from "../layers";
import { slugify } from "../naming";
import { desiredLicences } from "./licensing/desired";
import { GroupLicenses } from "./licensing/GroupLicenses";

export function groupLicensesName(shortName: string, department: string): string {
  return `lic-${slugify(shortName)}-${department}`;
}

export function buildM365Layer(
  definition: TenantDefinition,
  identity: LayerExports["identity"],
  opts?: pulumi.CustomResourceOptions,
): { licences: Record<string, GroupLicenses> } {
  const licences: Record<string, GroupLicenses> = {};
  for (const department of definition.departments) {
    // A department that removes its last licence on purpose keeps the resource (with no licences) so the removal
    // happens and its intentionalRemovals marker reaches the policy pack.
    const removing = (department.intentionalRemovals?.skus.length ?? 0) > 0;
    if (department.licences.length === 0 && !removing) continue;
    const group = identity.departments[department.id];
    if (!group) {
      throw new Error(
        `The identity layer exports no department '${department.id}' — deploy the identity layer with this definition first.`,
      );
    }
    licences[department.id] = new GroupLicenses(
      groupLicensesName(definition.tenant.organization.shortName, department.id),
      { ...desiredLicences(definition, department), groupId: group.groupId },
      opts,
    );
  }
  return { licences };
}
