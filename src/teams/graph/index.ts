/** The Graph adapter of the Teams admin port (docs/emulator.md § Teams; port in ../admin/port.ts). */
export { GraphTeamsAdmin, createGraphTeamsAdmin } from "./adapter";
export { DEFAULT_POLL_OPTIONS, pollDelayMs, resolveOptions } from "./options";
export type { GraphTeamsAdminOptions, GraphTeamsAdminOverrides, PollOptions } from "./options";
export type { OperationCounters } from "./operations";
export { getPolicyIdPath } from "./policyId";
export type { BatchOptions } from "./options";
export { runBatchedOperations } from "./batched";
export type { BatchedOperation } from "./batched";
