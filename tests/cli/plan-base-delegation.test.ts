import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createGitRepo, type GitRepo } from "../helpers/gitRepo";
import { runTenant } from "../helpers/tenantCli";

/**
 * #16: a department admin added to a file becomes ELIGIBLE for the delegated role on the department's
 * administrative unit only, and the plan says so in words, naming the person, the role and the unit.
 */
const EXAMPLE = join(__dirname, "..", "..", "stacks", "example");
let bed: GitRepo;

beforeAll(() => {
  bed = createGitRepo("tenant-plan-delegation-");
  const turismo = join(bed.addStack(EXAMPLE, "example"), "departments", "turismo.yaml");
  bed.commitAll("the example stack");
  const original = readFileSync(turismo, "utf8");
  const admins = "admins: [adm.maria.hidalgo@capital.example]";
  if (!original.includes(admins)) throw new Error("stacks/example turismo.yaml changed");
  writeFileSync(
    turismo,
    original.replace(admins, "admins: [adm.maria.hidalgo@capital.example, adm.luis.prado@capital.example]"),
  );
});
afterAll(() => bed.remove());

it("names the new admin's eligibility for User Administrator on the department's unit", async () => {
  const { code, out } = await runTenant([
    "plan",
    "--dir",
    join(bed.root, "stacks", "example"),
    "--base",
    "HEAD",
  ]);
  expect(code).toBe(0);
  expect(out.split("\n").filter((l) => l.includes("adm.luis.prado"))).toEqual(
    expect.arrayContaining([
      "  access: adm.luis.prado@capital.example becomes eligible for User Administrator on administrative unit au-cde-turismo",
    ]),
  );
  expect(out).not.toMatch(/eligible for User Administrator on the whole tenant/);
});
