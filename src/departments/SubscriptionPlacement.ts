import * as management from "@pulumi/azure-native/management";
import { Provider } from "@pulumi/azure-native/provider";
import * as pulumi from "@pulumi/pulumi";
import { COMPONENT_TYPES } from "../resourceTypes";

/** A subscription the program deploys into: its provider, and the resource to wait for before using it. */
export interface PlacedSubscription {
  provider: Provider;
  subscriptionId: pulumi.Input<string>;
  /** Resources in the subscription depend on this, so they are created only once it is governed. */
  ready: pulumi.Resource;
}

export interface SubscriptionPlacementArgs {
  subscriptionId: string;
  tenantId: string;
  /** Management group id (its name in Azure), from the definition. */
  managementGroupId: string;
  /** The management group resource, created by the landing zone; the subscription moves in after it exists. */
  managementGroup?: pulumi.Resource;
}

/**
 * An existing subscription (platform, shared or a department's own) placed under its management group, plus the
 * azure-native provider that deploys into it. `ManagementGroupSubscription` has no subscription argument: it
 * moves the subscription of the provider it runs with, so a real `pulumi up` needs this explicit provider
 * (credentials still come from the environment, ARM_* / OIDC, like the default provider's). Deleting the
 * placement would move the subscription back to the tenant root, out of every policy: it is retained on delete.
 */
export class SubscriptionPlacement extends pulumi.ComponentResource implements PlacedSubscription {
  static readonly TYPE = COMPONENT_TYPES.subscriptionPlacement;
  declare readonly provider: Provider;
  declare readonly placement: management.ManagementGroupSubscription;
  declare readonly subscriptionId: string;
  declare readonly ready: pulumi.Resource;

  constructor(name: string, args: SubscriptionPlacementArgs, opts?: pulumi.ComponentResourceOptions) {
    super(SubscriptionPlacement.TYPE, name, {}, opts);
    this.subscriptionId = args.subscriptionId;
    this.provider = new Provider(
      `sub-${args.subscriptionId}`,
      { subscriptionId: args.subscriptionId, tenantId: args.tenantId },
      { parent: this },
    );
    this.placement = new management.ManagementGroupSubscription(
      `mgsub-${args.managementGroupId}-${args.subscriptionId}`,
      { groupId: args.managementGroupId },
      {
        parent: this,
        provider: this.provider,
        dependsOn: args.managementGroup ? [args.managementGroup] : [],
        retainOnDelete: true,
      },
    );
    this.ready = this.placement;
    this.registerOutputs({});
  }
}
