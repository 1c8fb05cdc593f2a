import { notFound } from "../http/errors";
import type { RouteDef } from "../http/types";
import type { FilterSchema } from "../odata/filter";
import { assignedLicenses } from "../state/licensing";
import type { UserRecord } from "../state/types";
import { DIRECTORY_PAGING, viewMany, viewOne, type EntityView } from "./common";
import { USER_DEFAULT, USER_SELECTABLE, userShape } from "./shapes";

export const USER_VIEW: EntityView<UserRecord> = {
  typeName: "microsoft.graph.user",
  defaults: USER_DEFAULT,
  selectable: USER_SELECTABLE,
  shape: userShape,
};

/** Properties `$filter` may test on users (the default-supported ones the toolkit uses). */
export const USER_FILTER: FilterSchema<UserRecord> = {
  resource: "User",
  properties: {
    id: (u) => u.id,
    userPrincipalName: (u) => u.userPrincipalName,
    displayName: (u) => u.displayName,
    givenName: (u) => u.givenName,
    surname: (u) => u.surname,
    mail: (u) => u.mail,
    mailNickname: (u) => u.mailNickname,
    department: (u) => u.department,
    companyName: (u) => u.companyName,
    officeLocation: (u) => u.officeLocation,
    jobTitle: (u) => u.jobTitle,
    employeeType: (u) => u.employeeType,
    city: (u) => u.city,
    country: (u) => u.country,
    usageLocation: (u) => u.usageLocation,
    accountEnabled: (u) => u.accountEnabled,
    userType: (u) => u.userType,
    assignedLicenses: (u) => assignedLicenses(u) as unknown as Record<string, unknown>[],
  },
};

export const userRoutes: RouteDef[] = [
  {
    method: "GET",
    template: "/v1.0/users",
    handler: (core, req) =>
      viewMany(core, req, USER_VIEW, core.state.users, "users", {
        filter: USER_FILTER,
        paging: DIRECTORY_PAGING,
      }),
  },
  {
    method: "GET",
    template: "/v1.0/users/{id}",
    handler: (core, req, { id }) => {
      const user = core.state.findUser(id);
      return user ? viewOne(core, req, USER_VIEW, user, "users") : notFound(core, req, id);
    },
  },
];
