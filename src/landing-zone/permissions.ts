import type { PermissionManifest } from "../permissions/types";
import { RESOURCE_TYPES } from "../resourceTypes";

/**
 * The landing zone's own dynamic resource (this folder): the pause after a management group or definition that
 * lets Azure propagate it before assignments target it. Everything else here is azure-native, whose Azure roles
 * docs/running-for-real.md lists.
 */
export const propagationWaitManifest: PermissionManifest = {
  resource: RESOURCE_TYPES.propagationWait,
  read: [],
  write: [],
  why: "A timer in the deploying process: it calls no API, so it needs no Graph permission and no Azure role.",
};
