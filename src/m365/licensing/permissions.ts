import type { PermissionManifest } from "../../permissions/types";
import { RESOURCE_TYPES } from "../../resourceTypes";

/** Group-based licensing (this folder): assigns a department group its SKUs and waits for processing. */
export const groupLicensesManifest: PermissionManifest = {
  resource: RESOURCE_TYPES.groupLicenses,
  read: ["Organization.Read.All", "GroupMember.Read.All", "User.Read.All"],
  write: ["LicenseAssignment.ReadWrite.All"],
  why:
    "Resolves SKU and plan ids and free seats from subscribedSkus (Organization.Read.All), reads the group's " +
    "assigned licences, processing state, members (seat check) and members with licence errors " +
    "(GroupMember.Read.All) and those " +
    "members' licenseAssignmentStates (User.Read.All); assignLicense on the group needs only " +
    "LicenseAssignment.ReadWrite.All, not Group.ReadWrite.All or Directory.ReadWrite.All.",
};
