/** What a department's number assignments need from the tenant (docs/permissions.md). */
import type { PermissionManifest } from "../../permissions/types";
import { RESOURCE_TYPES } from "../../resourceTypes";

export const numberAssignmentsManifest: PermissionManifest = {
  resource: RESOURCE_TYPES.numberAssignments,
  read: ["TeamsTelephoneNumber.Read.All", "User.Read.All"],
  write: ["TeamsTelephoneNumber.ReadWrite.All"],
  why:
    "Reads the department's numbers from the inventory (refresh too) and polls assign/unassign operations " +
    "(TeamsTelephoneNumber.Read.All), resolves user principal names to object ids with GET /users/{upn}?$select=id " +
    "(User.Read.All), and assigns, unassigns and updates numbers (TeamsTelephoneNumber.ReadWrite.All).",
};
