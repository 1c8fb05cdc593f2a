/**
 * `pulumi-nodejs:dynamic/tenant-teams:EmergencyAddress`: one building of tenant.yaml `emergencyAddresses` and
 * its locations in the Teams LIS. `locationIds` feeds the departments' NumberAssignments.
 */
import * as pulumi from "@pulumi/pulumi";
import { DYNAMIC_MODULES, RESOURCE_TYPES, type EmergencyAddressInputs } from "../../resourceTypes";
import { teamsProvider } from "../provider/teamsProvider";

export class EmergencyAddress extends pulumi.dynamic.Resource {
  static readonly TYPE = RESOURCE_TYPES.emergencyAddress;
  // `declare`, not fields (pulumi-offline.md §1.5).
  declare readonly civicAddressId: pulumi.Output<string>;
  /** Definition location id → Teams LocationId. */
  declare readonly locationIds: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: EmergencyAddressInputs, opts?: pulumi.CustomResourceOptions) {
    super(
      teamsProvider,
      name,
      { ...args, kind: "EmergencyAddress", civicAddressId: undefined, locationIds: undefined },
      opts,
      DYNAMIC_MODULES.teams,
      "EmergencyAddress",
    );
  }
}
