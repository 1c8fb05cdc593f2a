/** `tenant drift`: the definition against the live tenant (docs/drift.md). */
export { compareTenant, departmentGroupIds, sortEntries } from "./compare";
export { attributeChanges, latestLicenceChanges, type DirectoryAudit } from "./audit";
export { formatDriftJson, DRIFT_JSON_VERSION } from "./format/json";
export { formatDriftMarkdown } from "./format/markdown";
export * from "./types";
