/**
 * `pulumi-nodejs:dynamic/tenant-teams:NumberAssignments`: one department's phone numbers, one resource per
 * department. The token is the contract with the policy pack (src/resourceTypes.ts); passing module and
 * type to the SDK is what makes it distinct from every other dynamic resource.
 */
import * as pulumi from "@pulumi/pulumi";
import { DYNAMIC_MODULES, RESOURCE_TYPES } from "../../resourceTypes";
import type { NumberAssignmentsInputs } from "../../resourceTypes";
import { lazyProvider } from "../../dynamic/lazyProvider";
import { encodeAssignments } from "./stateCodec";
import type { FailedEntry } from "./types";

/**
 * The one provider object of the program. Module-level on purpose: the SDK caches serialization per provider
 * object, so one shared object is serialized once, not once per department (pulumi-offline.md §2). Lazy: the
 * text stored in state loads `createNumberAssignmentsProvider` at call time (src/dynamic/lazyProvider.ts).
 */
export const numberAssignmentsProvider = lazyProvider("numberAssignments");

export type NumberAssignmentsArgs = {
  [K in keyof NumberAssignmentsInputs]: pulumi.Input<NumberAssignmentsInputs[K]>;
} & {
  /**
   * Definition emergency location id → Teams LIS `locationId`, from the emergency-address resources'
   * outputs. Every entry's `emergencyLocation` must be a key. Omit it to leave locations unmanaged.
   */
  locationIds?: pulumi.Input<Record<string, pulumi.Input<string>>>;
};

export class NumberAssignments extends pulumi.dynamic.Resource {
  static readonly TYPE = RESOURCE_TYPES.numberAssignments;

  // `declare`, not fields: a field would be reset to undefined after super() (pulumi-offline.md §1.5).
  declare readonly department: pulumi.Output<string>;
  /**
   * What the tenant holds of the department's set (equals the inputs after a successful run), one line per
   * entry with the user's object id, deflated (stateCodec.ts; `numberEntriesOf` reads it).
   */
  declare readonly held: pulumi.Output<string>;
  declare readonly locationIds: pulumi.Output<Record<string, string> | undefined>;
  /** Entries the last run could not apply, with the service's reasons (empty after a successful run). */
  declare readonly failed: pulumi.Output<FailedEntry[]>;

  constructor(name: string, args: NumberAssignmentsArgs, opts?: pulumi.CustomResourceOptions) {
    // Outputs listed (as undefined) so the SDK exposes the provider's outputs of those names.
    // Entries go to the engine as lines (stateCodec.ts): a third of the bytes in state and through the SDK.
    const assignments = pulumi.output(args.assignments).apply(encodeAssignments);
    super(
      numberAssignmentsProvider,
      name,
      { ...args, assignments, held: undefined, failed: undefined },
      opts,
      DYNAMIC_MODULES.teams,
      "NumberAssignments",
    );
  }
}
