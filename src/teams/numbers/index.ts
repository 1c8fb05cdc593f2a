/**
 * Per-department phone numbers (issue 5): the `NumberAssignments` dynamic resource and its provider.
 * The Teams voice layer creates one per department with numbers:
 *   new NumberAssignments(name, { department, assignments, intentionalRemovals, locationIds }, opts)
 * See docs/teams-voice.md § Phone numbers.
 */
export { NumberAssignments, numberAssignmentsProvider } from "./NumberAssignments";
export type { NumberAssignmentsArgs } from "./NumberAssignments";
export { createNumberAssignmentsProvider, numberAssignmentsId, GRAPH_ENDPOINT_STACK_KEY } from "./provider";
export type { NumberAssignmentsProvider } from "./provider";
export { createNumbersBackend, GraphNumbersBackend, NUMBERS_POLL } from "./backend";
export type { BackendOptions, NumbersBackend } from "./backend";
export { planNumberAssignments, confirmedUserIds, planWrites } from "./plan";
export type { NumberPlan, PlanInput, PlannedAssign, PlannedUnassign, PlannedUpdate } from "./plan";
export { checkInputs, E164 } from "./inputs";
export { diffNumberAssignments } from "./diff";
export { applyNumberAssignments } from "./apply";
export { readNumberAssignments } from "./refresh";
export { removeNumberAssignments } from "./remove";
export { isNumberAssignmentsFailure } from "./report";
export type { NumberAssignmentsFailure } from "./report";
export type { FailedEntry, NumberAssignmentsOutputs, NumberEntry, NumberAssignmentsArgsPlain } from "./types";
