/**
 * `pulumi-nodejs:dynamic/tenant-identity:AdministrativeUnit`: a department's administrative unit whose members
 * are the users its rule matches. The token is the contract with the plan and the policy pack (src/resourceTypes.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import { lazyProvider } from "../../../dynamic/lazyProvider";
import { DYNAMIC_MODULES, RESOURCE_TYPES } from "../../../resourceTypes";
import type { AdministrativeUnitInputs } from "../../../resourceTypes";

/** One provider object for the program (serialized once; pulumi-offline.md §2). */
export const administrativeUnitProvider = lazyProvider("administrativeUnit");

export type AdministrativeUnitArgs = {
  [K in keyof AdministrativeUnitInputs]: pulumi.Input<AdministrativeUnitInputs[K]>;
};

export class AdministrativeUnit extends pulumi.dynamic.Resource {
  static readonly TYPE = RESOURCE_TYPES.administrativeUnit;
  // `declare`, not fields (pulumi-offline.md §1.5).
  declare readonly displayName: pulumi.Output<string>;
  declare readonly membershipRule: pulumi.Output<string>;
  /** The unit's object id, the scope of the department admins' role eligibilities. */
  declare readonly unitId: pulumi.Output<string>;

  constructor(name: string, args: AdministrativeUnitArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      administrativeUnitProvider,
      name,
      { ...args, unitId: undefined },
      opts,
      DYNAMIC_MODULES.identity,
      "AdministrativeUnit",
    );
  }
}
