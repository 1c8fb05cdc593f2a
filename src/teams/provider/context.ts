/**
 * What every Teams voice provider call needs, built inside the call (never captured at serialization): the
 * admin port from the environment (src/teams/admin/create.ts), or a test's own factory.
 */
import { GRAPH_ENDPOINT_CONFIG_KEY } from "../../graph/endpoint";
import { createTeamsAdmin, type CreateTeamsAdminOptions } from "../admin/create";
import type { TeamsAdmin } from "../admin/port";
import type { PhoneServicesBackend } from "../phoneServices/backend";

/** Stack config key (project namespace `tenant`) read by `configure`, as for the licensing provider. */
export const GRAPH_ENDPOINT_STACK_KEY = GRAPH_ENDPOINT_CONFIG_KEY;

export interface TeamsProviderOptions extends CreateTeamsAdminOptions {
  /** Test seam: supplies the admin directly (e.g. one over a fake). Real runs pass none. */
  admin?: () => TeamsAdmin;
  /** Test seam of the phone-services resources: their backend (pwsh runner + Graph lookups). */
  phoneServices?: () => PhoneServicesBackend;
}

/** Filled by `configure` in the process that runs the provider; empty when serialized. */
export interface TeamsStackSettings {
  graphEndpoint?: string;
}

export function teamsAdminFor(options: TeamsProviderOptions, stack: TeamsStackSettings): TeamsAdmin {
  if (options.admin) return options.admin();
  return createTeamsAdmin({ ...options, stackEndpoint: options.stackEndpoint ?? stack.graphEndpoint });
}

/** The `configure` every Teams provider shares: remember the stack's Graph endpoint for later calls. */
export function configureFrom(stack: TeamsStackSettings) {
  return async (req: { config: { get(key: string): string | undefined } }): Promise<void> => {
    stack.graphEndpoint = req.config.get(GRAPH_ENDPOINT_STACK_KEY);
  };
}
