import * as consumption from "@pulumi/azure-native/consumption";
import * as resources from "@pulumi/azure-native/resources";
import * as pulumi from "@pulumi/pulumi";
import type { Department } from "../config/schema/department";
import type { LandingZoneOutputs } from "../landing-zone/outputs";
import { budgetName, resourceGroupName } from "../naming";
import { departmentTags } from "../tags";
import { budgetNotifications } from "./budget";
import { DepartmentNetwork, type DepartmentNetworkArgs } from "./DepartmentNetwork";
import { COMPONENT_TYPES } from "../resourceTypes";

export interface DepartmentLandingZoneArgs {
  shortName: string;
  /** The stack name, written to the `environment` tag. */
  environment: string;
  department: Department;
  /** The spoke's region: the department's, else the landing zone's primary region. */
  region: string;
  hub: LandingZoneOutputs["hub"];
  /** First of the month the budget starts (see budgetStartDate). */
  budgetStartDate: string;
  /** Provider of the department's own subscription, when it has one. */
  provider?: pulumi.ProviderResource;
  hubProvider?: pulumi.ProviderResource;
  /** Resources that must exist first (the subscription's placement under its management group). */
  dependsOn?: pulumi.Resource[];
  /** What the spoke takes from the hub: firewall next hop, DNS servers, Bastion prefix, gateway (networkPlan.ts). */
  hubServices?: Pick<DepartmentNetworkArgs, "firewallIp" | "dnsServers" | "bastionPrefix" | "hubGateway">;
}

/**
 * What a department gets in Azure: a resource group, a spoke peered with the hub, and a monthly budget.
 * The shell only wires children; names, tags and notifications come from pure functions.
 */
export class DepartmentLandingZone extends pulumi.ComponentResource {
  static readonly TYPE = COMPONENT_TYPES.departmentLandingZone;
  declare readonly resourceGroup: resources.ResourceGroup;
  declare readonly network: DepartmentNetwork;
  declare readonly budget: consumption.Budget;

  constructor(name: string, args: DepartmentLandingZoneArgs, opts?: pulumi.ComponentResourceOptions) {
    super(DepartmentLandingZone.TYPE, name, {}, opts);
    const { department, shortName } = args;
    const tags = departmentTags(args.environment, department);
    const rgName = resourceGroupName(shortName, department.id);
    this.resourceGroup = new resources.ResourceGroup(
      rgName,
      { resourceGroupName: rgName, location: args.region, tags },
      // Deleting the group deletes everything in it, also what the department built by hand: retiring or
      // moving a department is done on purpose (docs/running-for-real.md), never by a deleted file.
      { parent: this, provider: args.provider, dependsOn: args.dependsOn, protect: true },
    );
    this.network = new DepartmentNetwork(
      department.id,
      {
        shortName,
        departmentId: department.id,
        region: args.region,
        addressSpace: department.network.addressSpace,
        subnets: department.network.subnets,
        resourceGroupName: this.resourceGroup.name,
        hub: args.hub,
        ...args.hubServices,
        tags,
        provider: args.provider,
        hubProvider: args.hubProvider,
      },
      { parent: this },
    );
    const name_ = budgetName(shortName, department.id);
    this.budget = new consumption.Budget(
      name_,
      {
        budgetName: name_,
        scope: this.resourceGroup.id,
        amount: department.budget.monthlyAmount,
        category: "Cost",
        timeGrain: "Monthly",
        timePeriod: { startDate: args.budgetStartDate },
        notifications: budgetNotifications(department.id, department.budget),
      },
      // The start date is "this month" at creation; a later month must not rewrite a running budget.
      { parent: this, provider: args.provider, ignoreChanges: ["timePeriod.startDate"] },
    );
    this.registerOutputs({ resourceGroupId: this.resourceGroup.id, spokeId: this.network.spoke.id });
  }
}
