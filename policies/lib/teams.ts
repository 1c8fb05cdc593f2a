import type { PolicyResource } from "@pulumi/policy";
import {
  RESOURCE_TYPES,
  type GroupLicensesInputs,
  type IntentionalRemovals,
  type NumberAssignmentsInputs,
} from "../../src/resourceTypes";
import { numberEntriesOf } from "../../src/teams/numbers/stateCodec";
import { ofType } from "./resources";

/**
 * The props of the toolkit's M365/Teams resources are their inputs (dynamic providers echo them as outputs),
 * except NumberAssignments' entries, which are decoded here from whichever form the props hold.
 */
export function numberAssignments(resources: readonly PolicyResource[]): {
  resource: PolicyResource;
  inputs: NumberAssignmentsInputs;
}[] {
  // Entries are stored as lines (inputs) or in `held` (outputs of an unchanged resource): read either.
  return ofType(resources, RESOURCE_TYPES.numberAssignments).map((resource) => ({
    resource,
    inputs: {
      ...(resource.props as NumberAssignmentsInputs),
      assignments: numberEntriesOf(resource.props as Record<string, unknown>),
    },
  }));
}

export function groupLicenses(resources: readonly PolicyResource[]): {
  resource: PolicyResource;
  inputs: GroupLicensesInputs;
}[] {
  return ofType(resources, RESOURCE_TYPES.groupLicenses).map((resource) => ({
    resource,
    inputs: resource.props as GroupLicensesInputs,
  }));
}

/**
 * Per department, the union of the intentionalRemovals its NumberAssignments and GroupLicenses carry: a
 * department that drops all its numbers has no NumberAssignments left, but its GroupLicenses still says so.
 */
export function intentionalRemovals(resources: readonly PolicyResource[]): Map<string, IntentionalRemovals> {
  const byDepartment = new Map<string, IntentionalRemovals>();
  const carriers = [...numberAssignments(resources), ...groupLicenses(resources)];
  for (const { inputs } of carriers) {
    const marked = inputs.intentionalRemovals;
    if (!marked) continue;
    const entry = byDepartment.get(inputs.department) ?? { numbers: [], skus: [] };
    entry.numbers.push(...(marked.numbers ?? []));
    entry.skus.push(...(marked.skus ?? []));
    byDepartment.set(inputs.department, entry);
  }
  return byDepartment;
}
