/**
 * The kit every Teams voice provider shares (docs/architecture.md): the per-call context (admin port, stack
 * config), the delete-refusal errors, canonical setting values, the settings store and generic settings provider,
 * and the one dispatcher behind every Teams resource type with its lazy singleton.
 */
export { createSettingsProvider, type CheckFailure, type SettingsOutputs } from "./settingsProvider";
export { createTeamsProvider, TEAMS_RESOURCE_KINDS, type TeamsResourceKind } from "./dispatcher";
export { teamsProvider } from "./teamsProvider";
export { StillAssignedError } from "./errors";
export type { TeamsProviderOptions } from "./context";
