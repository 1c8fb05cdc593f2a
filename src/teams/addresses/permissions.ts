/** What an emergency address needs from the tenant (docs/permissions.md). */
import { TEAMS_ADMINISTRATOR } from "../../permissions/teamsPowerShell";
import type { PermissionManifest } from "../../permissions/types";
import { RESOURCE_TYPES } from "../../resourceTypes";

export const emergencyAddressManifest: PermissionManifest = {
  resource: RESOURCE_TYPES.emergencyAddress,
  read: ["Organization.Read.All", "TeamsTelephoneNumber.Read.All"],
  write: ["TeamsTelephoneNumber.ReadWrite.All"],
  roles: [TEAMS_ADMINISTRATOR],
  why:
    "Runs Get/New/Set/Remove-CsOnlineLisCivicAddress and -CsOnlineLisLocation (app-only Teams PowerShell: " +
    "Organization.Read.All plus a directory role). Before a location is removed it lists the numbers placed there " +
    "(GET …/numberAssignments?$filter=locationId, TeamsTelephoneNumber.Read.All) and clears the location of the " +
    "unassigned ones (POST …/numberAssignments/updateNumber, TeamsTelephoneNumber.ReadWrite.All).",
};
