/**
 * `pulumi-nodejs:dynamic/tenant-teams:EmergencyCallingPolicy` (New/Set/Remove-CsTeamsEmergencyCallingPolicy):
 * who is told of an emergency call and how.
 */
import * as pulumi from "@pulumi/pulumi";
import { DYNAMIC_MODULES, RESOURCE_TYPES, type EmergencyCallingPolicyInputs } from "../../resourceTypes";
import { teamsProvider } from "../provider/teamsProvider";

export class EmergencyCallingPolicy extends pulumi.dynamic.Resource {
  static readonly TYPE = RESOURCE_TYPES.emergencyCallingPolicy;
  declare readonly name: pulumi.Output<string>;
  declare readonly settings: pulumi.Output<Record<string, unknown>>;

  constructor(
    name: string,
    args: { [K in keyof EmergencyCallingPolicyInputs]: pulumi.Input<EmergencyCallingPolicyInputs[K]> },
    opts?: pulumi.CustomResourceOptions,
  ) {
    super(
      teamsProvider,
      name,
      { ...args, kind: "EmergencyCallingPolicy", settings: undefined },
      opts,
      DYNAMIC_MODULES.teams,
      "EmergencyCallingPolicy",
    );
  }
}
