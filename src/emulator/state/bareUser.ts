import type { UserRecord } from "./types";

/**
 * A directory user that is an account and nothing more: no names, no mail, in no department, without a usage
 * location or licence. The user behind a resource account (teamsPsPhone.ts) and a break-glass account
 * (conditionalAccess.ts) are both this, differing only in the fields given.
 */
export function bareUser(
  fields: Pick<UserRecord, "id" | "userPrincipalName" | "displayName" | "accountEnabled" | "createdDateTime">,
): UserRecord {
  return {
    ...fields,
    givenName: null,
    surname: null,
    mail: null,
    mailNickname: fields.userPrincipalName.split("@")[0].replace(/[^A-Za-z0-9._-]/g, ""),
    userType: "Member",
    usageLocation: null,
    department: null,
    companyName: null,
    officeLocation: null,
    jobTitle: null,
    employeeType: null,
    city: null,
    country: null,
    extensionAttributes: {},
    licenseAssignmentStates: [],
  };
}
