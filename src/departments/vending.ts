import type * as pulumi from "@pulumi/pulumi";
import type { TenantDefinition } from "../config/definition";
import type { DepartmentLandingZoneExports } from "../layers";
import type { LandingZoneOutputs } from "../landing-zone/outputs";
import { createDefender } from "../landing-zone/defender";
import { hierarchyResolvers } from "../landing-zone/managementGroups";
import { BASTION_SUBNET, hubHasFirewall, spokeDnsServers } from "../landing-zone/networkPlan";
import { departmentTags } from "../tags";
import { DepartmentLandingZone } from "./DepartmentLandingZone";
import { SubscriptionPlacement, type PlacedSubscription } from "./SubscriptionPlacement";
import { planSubscriptions, type SubscriptionPlan } from "./subscriptions";
import { VendedSubscription } from "./VendedSubscription";

export interface VendingArgs {
  definition: TenantDefinition;
  environment: string;
  budgetStartDate: string;
  platform: LandingZoneOutputs;
  /** The management group resources by definition id, so placements wait for their group. */
  managementGroups: ReadonlyMap<string, pulumi.Resource>;
  /** Provider of the hub's (connectivity) subscription: the hub's side of every peering uses it. */
  hubProvider?: pulumi.ProviderResource;
  /** The hub's gateway, when it has one: spokes use it through gateway transit once it exists. */
  hubGateway?: pulumi.Resource;
  /** The hub firewall's private IP as Azure allocated it (connectivity.ts), when the hub has a firewall. */
  hubFirewallIp?: pulumi.Input<string>;
  /** The subscription plan; computed from the definition when not given. */
  subscriptions?: readonly SubscriptionPlan[];
}

export interface Vended {
  placements: PlacedSubscription[];
  departments: Map<string, DepartmentLandingZone>;
  exports: Record<string, DepartmentLandingZoneExports>;
}

/**
 * Per-department vending of the landing-zone layer: every department subscription first (an existing or shared
 * one moved under its landing-zone group, or a new one vended there), then each department's resource group,
 * spoke and budget in that subscription, through its provider. Nothing uses the default provider, so nothing
 * lands in a subscription the hierarchy does not govern.
 */
export function vendDepartments(args: VendingArgs, opts?: pulumi.ComponentResourceOptions): Vended {
  const { definition } = args;
  const { landingZone, organization } = definition.tenant;
  const plans = args.subscriptions ?? planSubscriptions(definition, hierarchyResolvers(definition));
  const placed = new Map<string, PlacedSubscription>();
  const byDepartment = new Map<string, PlacedSubscription>();
  for (const plan of plans) {
    if (plan.source === "platform") continue;
    const managementGroup = args.managementGroups.get(plan.managementGroupId);
    let subscription: SubscriptionPlacement | VendedSubscription;
    if (plan.source === "vended") {
      const department = definition.departments.find((d) => d.id === plan.departments[0]);
      if (!department) continue;
      subscription = new VendedSubscription(
        plan.key,
        {
          aliasName: `${organization.shortName}-${plan.key}`,
          displayName: `${organization.shortName} ${department.displayName}`,
          billingScope: requireBillingScope(definition, department.id),
          workload: landingZone.departmentSubscriptions.workload,
          managementGroupId: plan.managementGroupId,
          managementGroup,
          tenantId: organization.tenantId,
          tags: departmentTags(args.environment, department),
        },
        opts,
      );
    } else {
      subscription = new SubscriptionPlacement(
        plan.key,
        {
          subscriptionId: plan.key,
          tenantId: organization.tenantId,
          managementGroupId: plan.managementGroupId,
          managementGroup,
        },
        opts,
      );
    }
    placed.set(plan.key, subscription);
    if (landingZone.defender) {
      createDefender(
        { key: plan.key, subscriptionId: subscription.subscriptionId, defender: landingZone.defender },
        { parent: subscription, provider: subscription.provider, dependsOn: [subscription.ready] },
      );
    }
    for (const id of plan.departments) byDepartment.set(id, subscription);
  }
  const hub = landingZone.hub;
  const hubServices = {
    firewallIp: hubHasFirewall(hub) ? args.hubFirewallIp : undefined,
    dnsServers: spokeDnsServers(hub, hubHasFirewall(hub) ? args.hubFirewallIp : undefined),
    bastionPrefix: hub.bastion
      ? hub.subnets.find((s) => s.name === BASTION_SUBNET)?.addressPrefix
      : undefined,
    hubGateway: args.hubGateway,
  };
  const departments = new Map<string, DepartmentLandingZone>();
  const exports: Record<string, DepartmentLandingZoneExports> = {};
  for (const department of definition.departments) {
    const subscription = byDepartment.get(department.id);
    if (!subscription) {
      throw new Error(`Department '${department.id}' has no subscription in the plan; this is a bug.`);
    }
    const zone = new DepartmentLandingZone(
      department.id,
      {
        shortName: organization.shortName,
        environment: args.environment,
        department,
        region: department.network.region ?? landingZone.primaryRegion,
        hub: args.platform.hub,
        budgetStartDate: args.budgetStartDate,
        provider: subscription.provider,
        hubProvider: args.hubProvider,
        dependsOn: [subscription.ready],
        hubServices,
      },
      opts,
    );
    departments.set(department.id, zone);
    exports[department.id] = {
      subscriptionId: subscription.subscriptionId,
      resourceGroupId: zone.resourceGroup.id,
      resourceGroupName: zone.resourceGroup.name,
      spokeId: zone.network.spoke.id,
      spokeName: zone.network.spoke.name,
    };
  }
  return { placements: [...placed.values()], departments, exports };
}

function requireBillingScope(definition: TenantDefinition, departmentId: string): string {
  const scope = definition.tenant.landingZone.departmentSubscriptions.billingScope;
  if (scope === undefined) {
    throw new Error(
      `Department '${departmentId}' vends a subscription, but landingZone.departmentSubscriptions.billingScope is not set — run \`tenant validate\`.`,
    );
  }
  return scope;
}
