/**
 * `pulumi-nodejs:dynamic/tenant-teams:CallingPolicy`: one Teams calling policy (New/Set/Remove-CsTeamsCallingPolicy).
 * Owns only the settings the definition sets; everything else on the policy is left as Teams or an admin set it.
 */
import * as pulumi from "@pulumi/pulumi";
import { DYNAMIC_MODULES, RESOURCE_TYPES, type CallingPolicyInputs } from "../../resourceTypes";
import { teamsProvider } from "../provider/teamsProvider";

export class CallingPolicy extends pulumi.dynamic.Resource {
  static readonly TYPE = RESOURCE_TYPES.callingPolicy;
  // `declare`, not fields: a field would be reset to undefined after super() (pulumi-offline.md §1.5).
  declare readonly name: pulumi.Output<string>;
  /** The owned settings as cmdlet parameters, as last seen in Teams. */
  declare readonly settings: pulumi.Output<Record<string, unknown>>;

  constructor(name: string, args: CallingPolicyInputs, opts?: pulumi.CustomResourceOptions) {
    super(
      teamsProvider,
      name,
      { ...args, kind: "CallingPolicy", settings: undefined },
      opts,
      DYNAMIC_MODULES.teams,
      "CallingPolicy",
    );
  }
}
