import { Provider } from "@pulumi/azure-native/provider";
import * as subscription from "@pulumi/azure-native/subscription";
import * as pulumi from "@pulumi/pulumi";
import { managementGroupResourceId } from "../landing-zone/managementGroups";
import type { Tags } from "../tags";
import type { PlacedSubscription } from "./SubscriptionPlacement";
import { COMPONENT_TYPES } from "../resourceTypes";

export interface VendedSubscriptionArgs {
  /** The alias name: unique in the tenant and stable, because Azure keys the created subscription on it. */
  aliasName: string;
  displayName: string;
  billingScope: string;
  workload: "Production" | "DevTest";
  managementGroupId: string;
  /** The management group resource; the alias names it, so it must exist first. */
  managementGroup?: pulumi.Resource;
  tenantId: string;
  tags: Tags;
}

/**
 * A subscription created for a department with `subscription.Alias`, billed to the definition's billing scope
 * and created directly under the department's landing-zone group (`additionalProperties.managementGroupId`),
 * so it is governed from its first second. The provider deploys into it once Azure has assigned the id.
 * Deleting the alias does not cancel the subscription (Azure keeps it; cancelling is a separate, manual act),
 * and the alias is retained on delete so a removed department never leaves the state half-way.
 */
export class VendedSubscription extends pulumi.ComponentResource implements PlacedSubscription {
  static readonly TYPE = COMPONENT_TYPES.vendedSubscription;
  declare readonly alias: subscription.Alias;
  declare readonly provider: Provider;
  declare readonly subscriptionId: pulumi.Output<string>;
  declare readonly ready: pulumi.Resource;

  constructor(name: string, args: VendedSubscriptionArgs, opts?: pulumi.ComponentResourceOptions) {
    super(VendedSubscription.TYPE, name, {}, opts);
    this.alias = new subscription.Alias(
      args.aliasName,
      {
        aliasName: args.aliasName,
        properties: {
          displayName: args.displayName,
          billingScope: args.billingScope,
          workload: args.workload,
          additionalProperties: {
            managementGroupId: managementGroupResourceId(args.managementGroupId),
            tags: args.tags,
          },
        },
      },
      {
        parent: this,
        dependsOn: args.managementGroup ? [args.managementGroup] : [],
        protect: true,
        retainOnDelete: true,
      },
    );
    this.subscriptionId = this.alias.properties.apply((p) => p.subscriptionId ?? "");
    this.provider = new Provider(
      `sub-${args.aliasName}`,
      { subscriptionId: this.subscriptionId, tenantId: args.tenantId },
      { parent: this },
    );
    this.ready = this.alias;
    this.registerOutputs({ subscriptionId: this.subscriptionId });
  }
}
