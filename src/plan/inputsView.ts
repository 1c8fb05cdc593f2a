import type { RenderedResource } from "../render/graph";
import { RESOURCE_TYPES } from "../resourceTypes";
import { numberEntriesOf } from "../teams/numbers/stateCodec";

/**
 * A resource's inputs as a reviewer compares them. NumberAssignments carries its entries as lines (they are
 * a third of the bytes in state, src/teams/numbers/stateCodec.ts); the plan reads them back as objects, so a
 * changed entry is one path (`assignments[+3491…].emergencyLocation`) and the JSON plan shows fields.
 */
export function reviewerInputs(r: RenderedResource): Record<string, unknown> {
  if (r.type !== RESOURCE_TYPES.numberAssignments || !Array.isArray(r.inputs.assignments)) return r.inputs;
  return { ...r.inputs, assignments: numberEntriesOf(r.inputs) };
}
