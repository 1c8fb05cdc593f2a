import {
  ADMINISTRATIVE_UNIT_ROLE_MEMBER,
  DIRECTORY_ROLE_ASSIGNMENT,
  DIRECTORY_ROLE_MEMBER,
  noStandingScopedAdminRole,
} from "../../../../../policies/rules/m365/identity/noStandingScopedAdminRole";
import { runResourcePolicy } from "../../../helpers/harness";

const USER_ADMINISTRATOR = "fe930be7-5e62-47db-91af-98c3a49a38b1";
const run = (directoryScopeId: string) =>
  runResourcePolicy(noStandingScopedAdminRole, DIRECTORY_ROLE_ASSIGNMENT, {
    roleId: USER_ADMINISTRATOR,
    principalObjectId: "adm-ana-oid",
    directoryScopeId,
  });

describe("m365-identity-no-standing-scoped-admin-role", () => {
  it("reports a standing role on a department's administrative unit", () => {
    expect(run("/administrativeUnits/7a3dc8f3-b3a0-4164-9a99-ed36f3af039f")).toEqual([
      `Entra role ${USER_ADMINISTRATOR} is assigned for good to adm-ana-oid on /administrativeUnits/7a3dc8f3-b3a0-4164-9a99-ed36f3af039f: make the admin eligible for it instead.`,
    ]);
  });

  it("reports a standing administrative role tenant-wide, by its name", () => {
    expect(run("/")).toEqual([
      "User Administrator is assigned for good to adm-ana-oid, tenant-wide: make the admin eligible for it instead.",
    ]);
    expect(
      runResourcePolicy(noStandingScopedAdminRole, DIRECTORY_ROLE_ASSIGNMENT, {
        roleId: "62E90394-69F5-4237-9190-012177145E10",
        principalObjectId: "adm-ana-oid",
      }),
    ).toEqual([
      "Global Administrator is assigned for good to adm-ana-oid, tenant-wide: make the admin eligible for it instead.",
    ]);
  });

  it("leaves a tenant-wide role that administers nothing (Directory Readers)", () => {
    expect(
      runResourcePolicy(noStandingScopedAdminRole, DIRECTORY_ROLE_ASSIGNMENT, {
        roleId: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
        principalObjectId: "reporting-app-oid",
        directoryScopeId: "/",
      }),
    ).toEqual([]);
  });

  it("reports the other azuread ways of a standing role: a unit's scoped member, a directory role's member", () => {
    expect(
      runResourcePolicy(noStandingScopedAdminRole, ADMINISTRATIVE_UNIT_ROLE_MEMBER, {
        roleObjectId: "role-oid",
        memberObjectId: "grp-vp-culture-admins-oid",
        administrativeUnitObjectId: "au-oid",
      }),
    ).toEqual([
      "grp-vp-culture-admins-oid is a standing member of role role-oid on administrative unit au-oid: make the admin eligible for it instead.",
    ]);
    expect(
      runResourcePolicy(noStandingScopedAdminRole, DIRECTORY_ROLE_MEMBER, {
        roleObjectId: "role-oid",
        memberObjectId: "adm-ana-oid",
      }),
    ).toEqual([
      "adm-ana-oid is a standing member of directory role role-oid, tenant-wide: make the admin eligible for it instead.",
    ]);
  });
});
