/**
 * `pulumi-nodejs:dynamic/tenant-teams:PstnUsages`: the definition's part of the tenant's global PSTN usage list
 * (see pstnUsagesDelta.ts for what it owns). One per tenant; id `global`.
 */
import * as pulumi from "@pulumi/pulumi";
import { DYNAMIC_MODULES, RESOURCE_TYPES, type PstnUsagesInputs } from "../../resourceTypes";
import { teamsProvider } from "../provider/teamsProvider";

export class PstnUsages extends pulumi.dynamic.Resource {
  static readonly TYPE = RESOURCE_TYPES.pstnUsages;
  declare readonly usages: pulumi.Output<string[]>;
  declare readonly added: pulumi.Output<string[]>;

  constructor(name: string, args: PstnUsagesInputs, opts?: pulumi.CustomResourceOptions) {
    super(
      teamsProvider,
      name,
      { ...args, kind: "PstnUsages", added: undefined },
      opts,
      DYNAMIC_MODULES.teams,
      "PstnUsages",
    );
  }
}
