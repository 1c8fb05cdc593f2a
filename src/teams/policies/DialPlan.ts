/**
 * `pulumi-nodejs:dynamic/tenant-teams:DialPlan` (New/Set/Remove-CsTenantDialPlan): a tenant dial plan and its
 * normalization rules. The rules are ONE ordered setting: first match wins, so a reorder is a change and the
 * whole list is sent on Set (the module's `@{Replace}`), never diffed as a set — M365DSC's single-rule and
 * first-rule-only drift bugs (graph-teams-licensing.md §4.4) come from losing that.
 */
import * as pulumi from "@pulumi/pulumi";
import { DYNAMIC_MODULES, RESOURCE_TYPES, type DialPlanInputs } from "../../resourceTypes";
import { teamsProvider } from "../provider/teamsProvider";

export class DialPlan extends pulumi.dynamic.Resource {
  static readonly TYPE = RESOURCE_TYPES.dialPlan;
  declare readonly name: pulumi.Output<string>;
  declare readonly settings: pulumi.Output<Record<string, unknown>>;

  constructor(
    name: string,
    args: { [K in keyof DialPlanInputs]: pulumi.Input<DialPlanInputs[K]> },
    opts?: pulumi.CustomResourceOptions,
  ) {
    super(
      teamsProvider,
      name,
      { ...args, kind: "DialPlan", settings: undefined },
      opts,
      DYNAMIC_MODULES.teams,
      "DialPlan",
    );
  }
}
