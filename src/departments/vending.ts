import * as authorization from "@pulumi/azure-native/authorization";
import * as pulumi from "@pulumi/pulumi";
import type { TenantDefinition } from "../config/definition";
import type { DepartmentLandingZoneExports } from "../layers";
import type { LandingZoneOutputs } from "../landing-zone/outputs";
import { landingZoneGroupFor } from "../landing-zone/managementGroups";
import { DepartmentLandingZone } from "./DepartmentLandingZone";
import { SubscriptionPlacement } from "./SubscriptionPlacement";
import { planSubscriptionPlacements } from "./subscriptions";

export interface VendingArgs {
  definition: TenantDefinition;
  environment: string;
  budgetStartDate: string;
  platform: LandingZoneOutputs;
  /** The management group resources by definition id, so placements wait for their group. */
  managementGroups: ReadonlyMap<string, pulumi.Resource>;
  /** Provider of the hub's subscription when it is not the deploying one. */
  hubProvider?: pulumi.ProviderResource;
}

export interface Vended {
  placements: SubscriptionPlacement[];
  departments: Map<string, DepartmentLandingZone>;
  exports: Record<string, DepartmentLandingZoneExports>;
}

/**
 * Per-department vending of the landing-zone layer: subscription placements first (one per distinct
 * subscription), then each department's resource group, spoke and budget in its subscription.
 */
export function vendDepartments(args: VendingArgs, opts?: pulumi.ComponentResourceOptions): Vended {
  const { definition } = args;
  const { landingZone, organization } = definition.tenant;
  const placements = new Map<string, SubscriptionPlacement>();
  for (const plan of planSubscriptionPlacements(definition, (d) => landingZoneGroupFor(definition, d))) {
    placements.set(
      plan.subscriptionId,
      new SubscriptionPlacement(
        plan.subscriptionId,
        {
          subscriptionId: plan.subscriptionId,
          tenantId: organization.tenantId,
          managementGroupId: plan.managementGroupId,
          managementGroup: args.managementGroups.get(plan.managementGroupId),
        },
        opts,
      ),
    );
  }
  // Departments without a subscription of their own live in the deploying one; ask the provider which.
  const deploying = authorization.getClientConfigOutput(opts?.parent ? { parent: opts.parent } : undefined);
  const departments = new Map<string, DepartmentLandingZone>();
  const exports: Record<string, DepartmentLandingZoneExports> = {};
  for (const department of definition.departments) {
    const subscriptionId = department.network.subscriptionId?.toLowerCase();
    const placement = subscriptionId ? placements.get(subscriptionId) : undefined;
    const zone = new DepartmentLandingZone(
      department.id,
      {
        shortName: organization.shortName,
        environment: args.environment,
        department,
        region: department.network.region ?? landingZone.primaryRegion,
        hub: args.platform.hub,
        budgetStartDate: args.budgetStartDate,
        provider: placement?.provider,
        hubProvider: args.hubProvider,
        dependsOn: placement ? [placement.placement] : undefined,
      },
      opts,
    );
    departments.set(department.id, zone);
    exports[department.id] = {
      subscriptionId: subscriptionId ?? deploying.subscriptionId,
      resourceGroupId: zone.resourceGroup.id,
      resourceGroupName: zone.resourceGroup.name,
      spokeId: zone.network.spoke.id,
      spokeName: zone.network.spoke.name,
    };
  }
  return { placements: [...placements.values()], departments, exports };
}
