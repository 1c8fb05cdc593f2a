import * as management from "@pulumi/azure-native/management";
import { Provider } from "@pulumi/azure-native/provider";
import * as pulumi from "@pulumi/pulumi";

export interface SubscriptionPlacementArgs {
  subscriptionId: string;
  tenantId: string;
  /** Management group id (its name in Azure), from the definition. */
  managementGroupId: string;
  /** The management group resource, created by the landing zone; the subscription moves in after it exists. */
  managementGroup?: pulumi.Resource;
}

/**
 * A department subscription placed under its landing-zone management group, plus the azure-native provider
 * that deploys into it. `ManagementGroupSubscription` has no subscription argument: it moves the subscription
 * of the provider it runs with, so a real `pulumi up` needs this explicit provider (credentials still come
 * from the environment, ARM_* / OIDC, like the default provider's).
 */
export class SubscriptionPlacement extends pulumi.ComponentResource {
  static readonly TYPE = "tenant:department:SubscriptionPlacement";
  declare readonly provider: Provider;
  declare readonly placement: management.ManagementGroupSubscription;

  constructor(name: string, args: SubscriptionPlacementArgs, opts?: pulumi.ComponentResourceOptions) {
    super(SubscriptionPlacement.TYPE, name, {}, opts);
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
      },
    );
    this.registerOutputs({});
  }
}
