/** What the phone-services resources need from the tenant (docs/permissions.md, docs/phone-services.md). */
import { TEAMS_ADMINISTRATOR, teamsPowerShellManifest } from "../../permissions/teamsPowerShell";
import type { PermissionManifest } from "../../permissions/types";
import { RESOURCE_TYPES } from "../../resourceTypes";

export const phoneServicesManifest: PermissionManifest = {
  resource: RESOURCE_TYPES.phoneServices,
  read: ["Organization.Read.All", "User.Read.All"],
  write: ["LicenseAssignment.ReadWrite.All"],
  roles: [TEAMS_ADMINISTRATOR],
  why:
    "Runs Get/New/Set/Remove-CsAutoAttendant, -CsCallQueue, -CsOnlineSchedule, Get/New/Set-CsOnlineApplicationInstance, " +
    "New/Remove-CsOnlineApplicationInstanceAssociation and Set/Remove-CsPhoneNumberAssignment (app-only Teams " +
    "PowerShell: Organization.Read.All plus the Teams Administrator role), and reads agents' and resource accounts' " +
    "ids, usage locations and licences with GET /users/{upn|id} (User.Read.All); gives a numbered resource account " +
    "its Teams Phone Resource Account licence with POST /users/{id}/assignLicense (LicenseAssignment.ReadWrite.All), " +
    "the SKU id read from GET /subscribedSkus (Organization.Read.All).",
  note:
    "A resource account's usage location and its deletion are Entra user writes (User.ReadWrite.All, denied by the " +
    "allow-list): the resource checks them and tells the operator what to run (docs/phone-services.md).",
};

export const phoneSchedulesManifest = teamsPowerShellManifest(
  RESOURCE_TYPES.phoneSchedules,
  "Get/New/Set/Remove-CsOnlineSchedule",
);
