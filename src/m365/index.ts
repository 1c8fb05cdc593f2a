/** The m365 layer: group-based licensing (docs/m365-licensing.md). */
export { buildM365Layer, groupLicensesName } from "./layer";
export { GroupLicenses, groupLicensesProvider } from "./licensing/GroupLicenses";
export type { GroupLicensesArgs } from "./licensing/GroupLicenses";
export { createGroupLicensesProvider, GRAPH_ENDPOINT_STACK_KEY } from "./licensing/provider";
export type { GroupLicensesProvider } from "./licensing/provider";
export { LICENSING_TIMEOUT_ENV } from "./licensing/context";
export type { ContextOptions } from "./licensing/context";
export type { GroupLicensesOutputs, ResolvedLicence } from "./licensing/types";
