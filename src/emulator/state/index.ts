import type { Clock } from "../clock";
import { groupLicenseJobHandler, GROUP_LICENSE_JOB } from "./licensing";
import {
  TEAMS_ACTIVATION_JOB,
  TEAMS_NUMBER_JOB,
  teamsActivationJobHandler,
  teamsNumberJobHandler,
} from "./teamsOperations";
import { TenantState } from "./tenantState";
import type { StateDocument } from "./types";

/** A tenant state with the background job kinds of every area registered. */
export function createTenantState(doc: StateDocument, clock: Clock): TenantState {
  const state = new TenantState(doc, clock);
  state.registerJobKind(GROUP_LICENSE_JOB, groupLicenseJobHandler);
  state.registerJobKind(TEAMS_NUMBER_JOB, teamsNumberJobHandler);
  state.registerJobKind(TEAMS_ACTIVATION_JOB, teamsActivationJobHandler);
  return state;
}

export { TenantState } from "./tenantState";
export type * from "./types";
