import type { GitRepo } from "../helpers/gitRepo";
import { runTenant } from "../helpers/tenantCli";
import { exampleRepoWithEdit } from "./helpers/planEdits";

/**
 * #16: a department exempts its kiosk staff from the MFA policy in its own file. The plan says in words who no longer
 * has to meet which policy and why, as a high risk, and names the exception group the policy now excludes.
 */
let bed: GitRepo;
let dir: string;

beforeAll(() => {
  ({ bed, dir } = exampleRepoWithEdit(
    "tenant-plan-exception-",
    "turismo",
    "headcount:",
    "conditionalAccessExceptions:\n" +
      "  - policy: requireMfa\n" +
      "    members: { attribute: jobTitle, values: [Punto de información] }\n" +
      "    reason: Puntos de información turística compartidos, sin segundo factor\n" +
      "headcount:",
  ));
});
afterAll(() => bed.remove());

it("tells the exception as a high risk, with the group it creates", async () => {
  const { code, out } = await runTenant(["plan", "--dir", dir, "--base", "HEAD"]);
  expect(code).toBe(0);
  expect(out).toContain(
    "  [high] turismo: conditional access requireMfa no longer applies to its users with jobTitle Punto de información (exception: Puntos de información turística compartidos, sin segundo factor)",
  );
  // The policy names the group it now excludes, not an object id.
  expect(out).toContain(
    "~ update ConditionalAccessPolicy ca-cde-requireMfa: conditions.users.excludedGroups added grp-cde-turismo-exc-requiremfa",
  );
  expect(out.split("\n").filter((l) => l.includes("grp-cde-turismo-exc-requiremfa"))).toEqual(
    expect.arrayContaining([
      expect.stringContaining(
        'access: group grp-cde-turismo-exc-requiremfa: new; dynamic membership rule (user.department -eq "Turismo") -and (user.jobTitle -eq "Punto de información")',
      ),
    ]),
  );
});
