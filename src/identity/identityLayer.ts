import type * as pulumi from "@pulumi/pulumi";
import type { TenantDefinition } from "../config/definition";
import type { LayerExports } from "../layers";
import { ConditionalAccessBaseline } from "./conditionalAccess/ConditionalAccessBaseline";
import { DepartmentIdentity } from "./DepartmentIdentity";

/**
 * The identity layer: one DepartmentIdentity per department, scoped to the resource groups the landing-zone
 * layer exported (in-process or through the platform stack), and the tenant's conditional access baseline when
 * tenant.yaml has an `identity` section.
 */
export function buildIdentityLayer(
  definition: TenantDefinition,
  landingZone: LayerExports["landingZone"],
  opts?: pulumi.ComponentResourceOptions,
): LayerExports["identity"] {
  const departments: LayerExports["identity"]["departments"] = {};
  for (const department of definition.departments) {
    const zone = landingZone.departments[department.id];
    if (!zone) {
      throw new Error(
        `The landing-zone layer exports no department '${department.id}' — deploy the landing zone with this definition first.`,
      );
    }
    const identity = new DepartmentIdentity(
      department.id,
      {
        shortName: definition.tenant.organization.shortName,
        department,
        resourceGroupId: zone.resourceGroupId,
        subscriptionId: zone.subscriptionId,
        delegation: definition.tenant.identity?.delegatedAdministration,
      },
      opts,
    );
    departments[department.id] = {
      groupId: identity.group.objectId,
      adminGroupId: identity.adminGroup.objectId,
    };
  }
  const identity = definition.tenant.identity;
  if (identity) {
    new ConditionalAccessBaseline(
      "conditional-access",
      {
        shortName: definition.tenant.organization.shortName,
        identity,
        skus: definition.tenant.licensing.skus,
      },
      opts,
    );
  }
  return { departments };
}
