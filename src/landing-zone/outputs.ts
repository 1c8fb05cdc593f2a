import type * as pulumi from "@pulumi/pulumi";

/**
 * What the landing-zone layer hands to later layers, in-process or through a stack reference.
 * Keep it plain (strings keyed by definition ids) so it survives a StackReference round trip.
 */
export interface LandingZoneOutputs {
  /** Azure resource id of each management group, keyed by its id in tenant.yaml. */
  managementGroupIds: Record<string, pulumi.Input<string>>;
  /** Resource id of the central Log Analytics workspace. */
  workspaceId: pulumi.Input<string>;
  hub: {
    resourceGroupName: pulumi.Input<string>;
    vnetName: pulumi.Input<string>;
    vnetId: pulumi.Input<string>;
  };
}
