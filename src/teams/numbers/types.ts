/**
 * Shapes of the NumberAssignments resource beyond the contract inputs (src/resourceTypes.ts): the normalised
 * entry, the outputs written to state, and a failure as reported to the operator.
 */
import type { NumberAssignmentsInputs } from "../../resourceTypes";

export type NumberEntry = NumberAssignmentsInputs["assignments"][number];

/**
 * The inputs with the optional map from the definition's emergency location ids to Teams LIS `locationId`s
 * (outputs of the emergency-address resources). Without it, locations are not managed: numbers are assigned
 * without a `locationId` and a location set elsewhere is left alone.
 */
export interface NumberAssignmentsArgsPlain extends NumberAssignmentsInputs {
  locationIds?: Record<string, string>;
}

/** One entry that could not be applied this run, with the service's reason. */
export interface FailedEntry {
  userPrincipalName: string;
  number: string;
  /** What was attempted: `assign`, `unassign`, `update-location`, or `resolve-user` (the UPN is unknown). */
  action: "assign" | "unassign" | "update-location" | "resolve-user";
  reason: string;
}

/**
 * State. `assignments` is what the tenant HOLDS of this department's set after the run (not what was asked):
 * after a partial failure it differs from the inputs, so the next `diff` sees a change and the next `up`
 * applies the rest. `userIds` are the object ids the UPNs of `assignments` resolved to, which `read` and
 * `delete` need to recognise the department's numbers in the inventory. `failed` is the last run's report.
 */
export interface NumberAssignmentsOutputs extends NumberAssignmentsArgsPlain {
  userIds: Record<string, string>;
  failed: FailedEntry[];
}
