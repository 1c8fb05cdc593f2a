/**
 * `pulumi-nodejs:dynamic/tenant-m365:GroupLicenses`: the licences of one department group. The token is the
 * contract with the policy pack (src/resourceTypes.ts); passing module and type to the SDK is what makes it
 * distinct from every other dynamic resource.
 */
import * as pulumi from "@pulumi/pulumi";
import { DYNAMIC_MODULES, RESOURCE_TYPES } from "../../resourceTypes";
import type { GroupLicensesInputs } from "../../resourceTypes";
import { lazyProvider } from "../../dynamic/lazyProvider";
import type { ResolvedLicence } from "./types";

/**
 * The one provider object of the program. Module-level on purpose: the SDK caches serialization per provider
 * object, so one shared object is serialized once, not once per department (pulumi-offline.md §2). Lazy: the
 * text stored in state loads `createGroupLicensesProvider` at call time (src/dynamic/lazyProvider.ts).
 */
export const groupLicensesProvider = lazyProvider("groupLicenses");

export type GroupLicensesArgs = { [K in keyof GroupLicensesInputs]: pulumi.Input<GroupLicensesInputs[K]> };

export class GroupLicenses extends pulumi.dynamic.Resource {
  static readonly TYPE = RESOURCE_TYPES.groupLicenses;

  // `declare`, not fields: a field would be reset to undefined after super() (pulumi-offline.md §1.5).
  declare readonly department: pulumi.Output<string>;
  declare readonly groupId: pulumi.Output<string>;
  declare readonly headcount: pulumi.Output<number>;
  declare readonly licences: pulumi.Output<GroupLicensesInputs["licences"]>;
  /** SKU and plan ids the part numbers and names resolved to in the tenant. */
  declare readonly resolved: pulumi.Output<ResolvedLicence[]>;

  constructor(name: string, args: GroupLicensesArgs, opts?: pulumi.CustomResourceOptions) {
    // `resolved` is listed (as undefined) so the SDK exposes the provider's output of that name.
    super(
      groupLicensesProvider,
      name,
      { ...args, resolved: undefined },
      opts,
      DYNAMIC_MODULES.m365,
      "GroupLicenses",
    );
  }
}
