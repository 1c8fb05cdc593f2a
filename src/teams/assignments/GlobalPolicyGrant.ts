/**
 * `pulumi-nodejs:dynamic/tenant-teams:GlobalPolicyGrant`: `Grant-Cs<Policy> -Global -PolicyName <name>`, the
 * tenant default of one policy type. Used for the emergency call routing policy, which Teams cannot grant to
 * groups (graph-teams-licensing.md §3.5), so the definition grants it tenant-wide
 * (`teamsVoice.globalEmergencyCallRoutingPolicy`). Delete resets the default to the built-in Global policy,
 * which is also what lets the policy itself be deleted afterwards.
 *
 * No read: the port cannot read a -Global grant back, so refresh keeps the state and a re-run with the same
 * inputs makes no write (diff compares inputs).
 */
import * as pulumi from "@pulumi/pulumi";
import { DYNAMIC_MODULES, RESOURCE_TYPES, type GlobalPolicyGrantInputs } from "../../resourceTypes";
import { teamsProvider } from "../provider/teamsProvider";

export class GlobalPolicyGrant extends pulumi.dynamic.Resource {
  static readonly TYPE = RESOURCE_TYPES.globalPolicyGrant;
  declare readonly policyType: pulumi.Output<string>;
  declare readonly policyName: pulumi.Output<string>;

  constructor(name: string, args: GlobalPolicyGrantInputs, opts?: pulumi.CustomResourceOptions) {
    super(
      teamsProvider,
      name,
      { ...args, kind: "GlobalPolicyGrant" },
      opts,
      DYNAMIC_MODULES.teams,
      "GlobalPolicyGrant",
    );
  }
}
