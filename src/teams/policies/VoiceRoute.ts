/**
 * `pulumi-nodejs:dynamic/tenant-teams:VoiceRoute` (New/Set/Remove-CsOnlineVoiceRoute): which dialled numbers
 * leave through which SBCs, for which PSTN usages.
 */
import * as pulumi from "@pulumi/pulumi";
import { DYNAMIC_MODULES, RESOURCE_TYPES, type VoiceRouteInputs } from "../../resourceTypes";
import { teamsProvider } from "../provider/teamsProvider";

export class VoiceRoute extends pulumi.dynamic.Resource {
  static readonly TYPE = RESOURCE_TYPES.voiceRoute;
  declare readonly name: pulumi.Output<string>;
  declare readonly settings: pulumi.Output<Record<string, unknown>>;

  constructor(
    name: string,
    args: { [K in keyof VoiceRouteInputs]: pulumi.Input<VoiceRouteInputs[K]> },
    opts?: pulumi.CustomResourceOptions,
  ) {
    super(
      teamsProvider,
      name,
      { ...args, kind: "VoiceRoute", settings: undefined },
      opts,
      DYNAMIC_MODULES.teams,
      "VoiceRoute",
    );
  }
}
