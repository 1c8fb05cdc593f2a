import {
  DIRECTORY_ROLE_ASSIGNMENT,
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

  it("leaves tenant-wide assignments to other reviews", () => {
    expect(run("/")).toEqual([]);
  });
});
