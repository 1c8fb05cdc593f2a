import type * as pulumi from "@pulumi/pulumi";
import type { TenantDefinition } from "../config/definition";
import type { LayerExports } from "../layers";
import { ConditionalAccessBaseline } from "./conditionalAccess/ConditionalAccessBaseline";
import { policyGroupsOf } from "./conditionalAccess/policyGroups";
import { BreakGlassMonitoring } from "./breakGlass/BreakGlassMonitoring";
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
  // The groups the conditional access policies name, by display name.
  const groupIds = new Map<string, pulumi.Input<string>>();
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
        exceptionsAllowed: definition.tenant.identity?.exceptionsAllowed,
        adminGroupMembership: definition.tenant.identity?.adminGroupMembership,
      },
      opts,
    );
    for (const [name, group] of identity.exceptionGroups) groupIds.set(name, group.objectId);
    groupIds.set(identity.adminGroupName, identity.adminGroup.objectId);
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
        groups: policyGroupsOf(definition),
        groupIds,
      },
      opts,
    );
    // Every sign-in of an emergency account is alerted on (validate requires someone to mail).
    const lz = definition.tenant.landingZone;
    new BreakGlassMonitoring(
      "break-glass-monitoring",
      {
        shortName: definition.tenant.organization.shortName,
        accounts: identity.breakGlass,
        workspaceId: landingZone.platform.workspaceId,
        region: lz.primaryRegion,
        recipients: identity.breakGlassAlerts ?? lz.defender?.contacts ?? [],
      },
      opts,
    );
  }
  return { departments };
}
