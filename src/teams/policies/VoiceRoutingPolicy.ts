/**
 * `pulumi-nodejs:dynamic/tenant-teams:VoiceRoutingPolicy` (New/Set/Remove-CsOnlineVoiceRoutingPolicy): the
 * ordered PSTN usages a user's calls may take. The order is the preference, so a reorder is a change.
 */
import * as pulumi from "@pulumi/pulumi";
import { DYNAMIC_MODULES, RESOURCE_TYPES, type VoiceRoutingPolicyInputs } from "../../resourceTypes";
import { teamsProvider } from "../provider/teamsProvider";

export class VoiceRoutingPolicy extends pulumi.dynamic.Resource {
  static readonly TYPE = RESOURCE_TYPES.voiceRoutingPolicy;
  declare readonly name: pulumi.Output<string>;
  declare readonly settings: pulumi.Output<Record<string, unknown>>;

  constructor(
    name: string,
    args: { [K in keyof VoiceRoutingPolicyInputs]: pulumi.Input<VoiceRoutingPolicyInputs[K]> },
    opts?: pulumi.CustomResourceOptions,
  ) {
    super(
      teamsProvider,
      name,
      { ...args, kind: "VoiceRoutingPolicy", settings: undefined },
      opts,
      DYNAMIC_MODULES.teams,
      "VoiceRoutingPolicy",
    );
  }
}
