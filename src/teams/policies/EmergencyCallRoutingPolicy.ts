/**
 * `pulumi-nodejs:dynamic/tenant-teams:EmergencyCallRoutingPolicy` (New/Set/Remove-CsTeamsEmergencyCallRoutingPolicy,
 * Direct Routing): which dial strings are emergency calls and which PSTN usage carries them. Teams cannot
 * grant this type to groups, so the layer grants it tenant-wide (GlobalPolicyGrant).
 */
import * as pulumi from "@pulumi/pulumi";
import { DYNAMIC_MODULES, RESOURCE_TYPES, type EmergencyCallRoutingPolicyInputs } from "../../resourceTypes";
import { teamsProvider } from "../provider/teamsProvider";

export class EmergencyCallRoutingPolicy extends pulumi.dynamic.Resource {
  static readonly TYPE = RESOURCE_TYPES.emergencyCallRoutingPolicy;
  declare readonly name: pulumi.Output<string>;
  declare readonly settings: pulumi.Output<Record<string, unknown>>;

  constructor(
    name: string,
    args: {
      [K in keyof EmergencyCallRoutingPolicyInputs]: pulumi.Input<EmergencyCallRoutingPolicyInputs[K]>;
    },
    opts?: pulumi.CustomResourceOptions,
  ) {
    super(
      teamsProvider,
      name,
      { ...args, kind: "EmergencyCallRoutingPolicy", settings: undefined },
      opts,
      DYNAMIC_MODULES.teams,
      "EmergencyCallRoutingPolicy",
    );
  }
}
