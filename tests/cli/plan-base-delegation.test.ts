import type { GitRepo } from "../helpers/gitRepo";
import { runTenant } from "../helpers/tenantCli";
import { exampleRepoWithEdit } from "./helpers/planEdits";

/**
 * #16: a department admin added to a file becomes an ELIGIBLE member of the department's admin group, which is
 * eligible for the delegated role on the department's administrative unit only; the plan says so in words, naming
 * the person, the group and what the group holds.
 */
let bed: GitRepo;
let dir: string;

beforeAll(() => {
  ({ bed, dir } = exampleRepoWithEdit(
    "tenant-plan-delegation-",
    "turismo",
    "admins: [adm.maria.hidalgo@capital.example]",
    "admins: [adm.maria.hidalgo@capital.example, adm.luis.prado@capital.example]",
  ));
});
afterAll(() => bed.remove());

it("names the new admin's eligible membership of the admin group, and what the group holds", async () => {
  const { code, out } = await runTenant(["plan", "--dir", dir, "--base", "HEAD"]);
  expect(code).toBe(0);
  expect(out.split("\n").filter((l) => l.includes("adm.luis.prado"))).toEqual([
    "  [medium] turismo: adm.luis.prado@capital.example becomes eligible for membership on group grp-cde-turismo-admins",
    // The example's admins are eligible members of their admin group (identity.adminGroupMembership: eligible).
    "  access: adm.luis.prado@capital.example becomes eligible for membership on group grp-cde-turismo-admins, which holds: eligible for User Administrator on administrative unit au-cde-turismo; eligible for Contributor on resource group rg-cde-turismo",
  ]);
  expect(out).not.toMatch(/eligible for User Administrator on the whole tenant/);
});
