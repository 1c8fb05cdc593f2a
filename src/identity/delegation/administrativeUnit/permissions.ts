/** What a department's administrative unit (this folder) needs from the tenant (docs/permissions.md). */
import type { PermissionManifest } from "../../../permissions/types";
import { RESOURCE_TYPES } from "../../../resourceTypes";

export const administrativeUnitManifest: PermissionManifest = {
  resource: RESOURCE_TYPES.administrativeUnit,
  read: [],
  write: ["AdministrativeUnit.ReadWrite.All"],
  why:
    "Creates, reads, updates and deletes each department's administrative unit with its dynamic membership rule " +
    "(AdministrativeUnit.ReadWrite.All, the least privileged permission on directory-post-administrativeunits and " +
    "administrativeunit-update; it also covers the reads).",
};
