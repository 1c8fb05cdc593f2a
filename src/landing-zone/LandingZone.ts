import type * as authorization from "@pulumi/azure-native/authorization";
import type * as management from "@pulumi/azure-native/management";
import type * as monitor from "@pulumi/azure-native/monitor";
import type * as network from "@pulumi/azure-native/network";
import type * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import type * as policyinsights from "@pulumi/azure-native/policyinsights";
import type * as resources from "@pulumi/azure-native/resources";
import * as pulumi from "@pulumi/pulumi";
import type { TenantDefinition } from "../config/definition";
import { platformTags } from "../tags";
import { createConnectivity, type Connectivity } from "./connectivity";
import { createDefender } from "./defender";
import { createManagement } from "./management";
import { createMonitoringAgent, type MonitoringAgent } from "./monitoringAgent";
import { SubscriptionPlacement } from "../departments/SubscriptionPlacement";
import { planSubscriptions, type PlatformRole, type SubscriptionPlan } from "../departments/subscriptions";
import { createManagementGroups, hierarchyResolvers, managementGroupResourceId } from "./managementGroups";
import type { LandingZoneOutputs } from "./outputs";
import { createPolicyBaseline } from "./policyBaseline";
import { COMPONENT_TYPES } from "../resourceTypes";
import type { PropagationWait } from "./propagationWait";

export interface LandingZoneArgs {
  definition: TenantDefinition;
  /** Value of the `environment` tag; default the stack name. */
  environment?: string;
}

/**
 * The landing-zone layer: management-group hierarchy, policy baseline, central logging and the
 * connectivity hub. A thin shell: names, order, tags and the policy table are pure functions elsewhere in
 * this folder; this class only wires them with `{ parent: this }`. It never reads Pulumi config.
 */
export class LandingZone extends pulumi.ComponentResource implements LandingZoneOutputs {
  // `declare`: with ES2022 class fields an initialiser-less field would reset these after super().
  declare readonly managementGroupIds: Record<string, string>;
  declare readonly workspaceId: pulumi.Output<string>;
  declare readonly hub: {
    resourceGroupName: pulumi.Output<string>;
    vnetName: pulumi.Output<string>;
    vnetId: pulumi.Output<string>;
  };
  declare readonly managementGroups: ReadonlyMap<string, management.ManagementGroup>;
  declare readonly policyAssignments: ReadonlyMap<string, authorization.PolicyAssignment>;
  declare readonly policyDefinitions: ReadonlyMap<string, authorization.PolicyDefinitionAtManagementGroup>;
  declare readonly roleAssignments: readonly authorization.RoleAssignment[];
  declare readonly remediations: readonly policyinsights.RemediationAtManagementGroup[];
  declare readonly propagationWaits: readonly PropagationWait[];
  declare readonly workspace: operationalinsights.Workspace;
  /** The Azure Monitor Agent's identity and data collection rules the agent policies point at. */
  declare readonly monitoringAgent: MonitoringAgent;
  declare readonly activityLog: monitor.SubscriptionDiagnosticSetting;
  declare readonly managementResourceGroup: resources.ResourceGroup;
  declare readonly hubResourceGroup: resources.ResourceGroup;
  declare readonly hubNetwork: network.VirtualNetwork;
  /** The hub's firewall, gateway, Bastion, resolver and private DNS zones, as the definition asks. */
  declare readonly connectivity: Connectivity;
  /** Every subscription of the program and its governing group (pure plan; departments use it too). */
  declare readonly subscriptionPlans: readonly SubscriptionPlan[];
  /** The platform subscriptions, placed under their groups, with the provider that deploys into each. */
  declare readonly platformSubscriptions: ReadonlyMap<PlatformRole, SubscriptionPlacement>;

  constructor(name: string, args: LandingZoneArgs, opts?: pulumi.ComponentResourceOptions) {
    super(COMPONENT_TYPES.landingZone, name, {}, opts);
    const { tenant, departments } = args.definition;
    const lz = tenant.landingZone;
    const shortName = tenant.organization.shortName;
    const environment = args.environment ?? pulumi.getStack();
    const child = { parent: this };

    const managementGroups = createManagementGroups(
      { groups: lz.managementGroups, tenantId: tenant.organization.tenantId },
      child,
    );
    this.subscriptionPlans = planSubscriptions(args.definition, hierarchyResolvers(args.definition));
    const platformSubscriptions = new Map<PlatformRole, SubscriptionPlacement>();
    for (const plan of this.subscriptionPlans) {
      if (plan.source !== "platform" || plan.subscriptionId === undefined) continue;
      const placement = new SubscriptionPlacement(
        plan.subscriptionId,
        {
          subscriptionId: plan.subscriptionId,
          tenantId: tenant.organization.tenantId,
          managementGroupId: plan.managementGroupId,
          managementGroup: managementGroups.get(plan.managementGroupId),
        },
        child,
      );
      for (const role of plan.platform) platformSubscriptions.set(role, placement);
      if (lz.defender) {
        createDefender(
          { key: plan.key, subscriptionId: plan.subscriptionId, defender: lz.defender },
          { parent: placement, provider: placement.provider, dependsOn: [placement.ready] },
        );
      }
    }
    this.platformSubscriptions = platformSubscriptions;
    // planSubscriptions throws unless both are set: the workspace and the hub never use the default provider.
    const inPlatform = (role: PlatformRole): pulumi.CustomResourceOptions => {
      const placed = platformSubscriptions.get(role) as SubscriptionPlacement;
      return { parent: this, provider: placed.provider, dependsOn: [placed.ready] };
    };
    const mgmt = createManagement(
      {
        shortName,
        region: lz.primaryRegion,
        retentionInDays: lz.logRetentionDays,
        tags: platformTags(environment, "management"),
      },
      inPlatform("management"),
    );
    const monitoringAgent = createMonitoringAgent(
      {
        shortName,
        region: lz.primaryRegion,
        resourceGroupName: mgmt.resourceGroup.name,
        workspaceId: mgmt.workspace.id,
        tags: platformTags(environment, "management"),
      },
      inPlatform("management"),
    );
    const connectivity = createConnectivity(
      { shortName, region: lz.primaryRegion, hub: lz.hub, tags: platformTags(environment, "connectivity") },
      inPlatform("connectivity"),
    );
    const policy = createPolicyBaseline(
      {
        groups: lz.managementGroups,
        managementGroups,
        propagationWaitSeconds: lz.propagationWaitSeconds,
        context: {
          allowedRegions: lz.allowedRegions,
          primaryRegion: lz.primaryRegion,
          workspaceId: mgmt.workspace.id,
          departmentIds: departments.map((d) => d.id),
          amaIdentityId: monitoringAgent.identity.id,
          dataCollectionRuleIds: {
            vmInsights: monitoringAgent.vmInsights.id,
            changeTracking: monitoringAgent.changeTracking.id,
            defenderSql: monitoringAgent.defenderSql.id,
          },
          hubVirtualNetworkId: connectivity.hub.id,
          alertEmails: lz.serviceHealthAlerts ?? lz.defender?.contacts ?? [],
        },
      },
      child,
    );

    this.managementGroupIds = Object.fromEntries(
      lz.managementGroups.map((g) => [g.id, managementGroupResourceId(g.id)]),
    );
    this.workspaceId = mgmt.workspace.id;
    this.hub = {
      resourceGroupName: connectivity.resourceGroup.name,
      vnetName: connectivity.hub.name,
      vnetId: connectivity.hub.id,
    };
    this.managementGroups = managementGroups;
    this.policyAssignments = policy.assignments;
    this.policyDefinitions = policy.definitions;
    this.roleAssignments = policy.roleAssignments;
    this.remediations = policy.remediations;
    this.propagationWaits = policy.waits;
    this.workspace = mgmt.workspace;
    this.monitoringAgent = monitoringAgent;
    this.activityLog = mgmt.activityLog;
    this.managementResourceGroup = mgmt.resourceGroup;
    this.hubResourceGroup = connectivity.resourceGroup;
    this.hubNetwork = connectivity.hub;
    this.connectivity = connectivity;

    this.registerOutputs({
      managementGroupIds: this.managementGroupIds,
      workspaceId: this.workspaceId,
      hub: this.hub,
    });
  }

  /** The plain contract later layers consume (also what a stack exports for a StackReference). */
  outputs(): LandingZoneOutputs {
    return { managementGroupIds: this.managementGroupIds, workspaceId: this.workspaceId, hub: this.hub };
  }
}
