import type { StackValidationArgs } from "@pulumi/policy";
import {
  RESOURCE_TYPES,
  type GroupLicensesInputs,
  type NumberAssignmentsInputs,
} from "../../src/resourceTypes";
import { numberEntriesOf } from "../../src/teams/numbers/stateCodec";

/**
 * What the removal policies compare against: per department, the numbers it assigned and the SKUs its group got
 * in the previous state. The analyzer never sees old state, so this arrives as policy config (`previous`): the
 * offline evaluator builds it from the base render, and for a real preview `policies/scripts/previousConfig.ts`
 * builds it from `pulumi stack export` (whose resources carry the same `type` + `inputs`).
 */
export interface PreviousAssignments {
  numbers: Record<string, string[]>;
  skus: Record<string, string[]>;
}

/** The config key both removal policies read. */
export const PREVIOUS_CONFIG_KEY = "previous";

/** The `configSchema` both removal policies declare for it. */
export const PREVIOUS_CONFIG_SCHEMA = {
  properties: {
    [PREVIOUS_CONFIG_KEY]: {
      type: "object" as const,
      description:
        "Numbers and SKUs per department in the previous state (policies/scripts/previousConfig.ts). Without it the policy is not applicable.",
    },
  },
};

/** The previous state from a removal policy's config, or the policy is not applicable (it throws). */
export function previousOrNotApplicable(
  args: Pick<StackValidationArgs, "getConfig" | "notApplicable">,
): PreviousAssignments {
  const previous = args.getConfig<{ previous?: PreviousAssignments }>().previous;
  return previous ?? args.notApplicable("No previous state was given (policy config 'previous').");
}

/** Anything with a type token and inputs: a rendered resource or a `pulumi stack export` resource. */
export interface TypedInputs {
  type: string;
  inputs?: Record<string, unknown>;
}

/** Summarises previous resources; secrets must already be unwrapped (a stack export's ciphertext is skipped). */
export function summarisePrevious(resources: Iterable<TypedInputs>): PreviousAssignments {
  const previous: PreviousAssignments = { numbers: {}, skus: {} };
  for (const r of resources) {
    if (r.type === RESOURCE_TYPES.numberAssignments && r.inputs) {
      const inputs = r.inputs as unknown as NumberAssignmentsInputs;
      if (!Array.isArray(inputs.assignments)) continue;
      const list = (previous.numbers[inputs.department] ??= []);
      // Lines (this version's state) or objects (older state): numberEntriesOf reads both.
      for (const a of numberEntriesOf(r.inputs)) if (typeof a.number === "string") list.push(a.number);
    } else if (r.type === RESOURCE_TYPES.groupLicenses && r.inputs) {
      const inputs = r.inputs as unknown as GroupLicensesInputs;
      if (!Array.isArray(inputs.licences)) continue;
      const list = (previous.skus[inputs.department] ??= []);
      for (const l of inputs.licences) if (typeof l?.skuPartNumber === "string") list.push(l.skuPartNumber);
    }
  }
  return previous;
}
