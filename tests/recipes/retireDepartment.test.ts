/**
 * CONTRIBUTING "Retire a department", step by step on a copy of the example city: the department's own change
 * (release its numbers into quarantine, drop its licences and grants, `lifecycle: retiring`), then, once that is
 * deployed, the platform team's change (delete the files, record the approved retirement, regenerate CODEOWNERS).
 * The plan's checks are called on the two validated definitions, exactly as `tenant plan --base` calls them.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TenantDefinition } from "../../src/config/definition";
import { todayIso } from "../../src/config/quarantine";
import { validateDefinition } from "../../src/config/validate";
import { definitionRisks, retirementViolations } from "../../src/plan/definitionChecks";
import { DefinitionFixture } from "../helpers/definitionFixture";
import { runTenant } from "../helpers/tenantCli";

const EXAMPLE = join(__dirname, "..", "..", "stacks", "example");
const ID = "pleno";

let fx: DefinitionFixture;
beforeAll(() => (fx = new DefinitionFixture(EXAMPLE)));
afterAll(() => fx.remove());

/** `tenant <argv>` in-process, stdout and stderr together as a terminal shows them. */
async function tenant(...argv: string[]): Promise<{ code: number; out: string }> {
  const run = await runTenant(argv);
  return { code: run.code, out: run.out + run.err };
}

function definition(): TenantDefinition {
  const result = validateDefinition(fx.dir, fx.dir);
  expect(result.diagnostics).toEqual([]);
  return result.definition!;
}

test("retire a department: first retiring, then removed with the platform team's approval", async () => {
  const before = definition();
  const dept = `departments/${ID}.yaml`;
  const numbers = `numbers/${ID}.csv`;
  const holders = before.numbers[ID]!.map((n) => n.userPrincipalName);
  expect(holders.length).toBeGreaterThan(0);

  // Step 1 (the department's pull request). 1a: release every number into quarantine.
  fx.write("leavers.txt", `${holders.join("\n")}\n`);
  const release = await tenant(
    "numbers",
    "release",
    "--dir",
    fx.dir,
    "--department",
    ID,
    "--users",
    fx.path("leavers.txt"),
    "--today",
    todayIso(),
  );
  expect(release.code).toBe(0);
  expect(fx.read(numbers).trim().split("\n")).toEqual([
    "userPrincipalName,number,emergencyLocation,category",
  ]);
  expect(fx.read("numbers/released.csv").match(new RegExp(`,${ID},`, "g"))).toHaveLength(holders.length);
  expect(fx.read(dept)).toContain("intentionalRemovals:");

  // 1b: drop the licences (listing them as intentional removals) and the Teams grants; 1c: lifecycle: retiring.
  fx.edit(dept, "licences:\n  - sku: SPE_E5\n", "");
  fx.edit(dept, "intentionalRemovals:\n", "intentionalRemovals:\n  skus: [SPE_E5]\n");
  fx.edit(
    dept,
    "teams:\n  callingPolicy: CDE-Direccion\n  emergencyCallingPolicy: CDE-Aviso-Seguridad\n  voiceRoutingPolicy: CDE-Nacional\n  dialPlan: ES-Capital\n",
    "",
  );
  fx.edit(dept, "kind: area\n", "kind: area\nlifecycle: retiring\n");

  // 1d: validate, and what the plan says: a high "retiring" risk, nothing blocks.
  expect((await tenant("validate", "--dir", fx.dir)).code).toBe(0);
  const retiring = definition();
  expect(definitionRisks(before, retiring).map((r) => [r.level, r.kind, r.department])).toEqual([
    ["high", "retiring", ID],
  ]);
  expect(retirementViolations(before, retiring)).toEqual([]);

  // Step 2 (after step 1 is deployed; the platform team's pull request). 2a: delete the department's files.
  rmSync(fx.path(dept));
  rmSync(fx.path(numbers));
  expect((await tenant("validate", "--dir", fx.dir)).code).toBe(0);
  // Without the approval the plan blocks: only the platform team may record a removal.
  expect(retirementViolations(retiring, definition()).map((v) => v.message)).toEqual([
    expect.stringContaining(
      `Department '${ID}' is removed but tenant.yaml has no platformApprovals.retirements entry`,
    ),
  ]);

  // 2b: record the approved retirement in tenant.yaml.
  fx.edit(
    "tenant.yaml",
    "  retirements: []\n",
    `  retirements:\n    - department: ${ID}\n      date: ${todayIso()}\n      reason: Merged into Alcaldía by the 2026 reorganisation\n`,
  );
  expect((await tenant("validate", "--dir", fx.dir)).code).toBe(0);
  const removed = definition();
  expect(retirementViolations(retiring, removed)).toEqual([]);
  expect(definitionRisks(retiring, removed).map((r) => r.message)).toEqual([
    `${ID}: department removed (retirement approved by the platform team on ${todayIso()})`,
  ]);
  // The quarantine outlives the department: its numbers stay in the ledger and cannot be handed out yet.
  expect(fx.read("numbers/released.csv")).toContain(`,${ID},`);

  // 2c: regenerate CODEOWNERS; the department's lines are gone.
  // Outside the definition: writing into it needs --into-definition (docs/security.md, "Outputs and commands").
  const out = join(mkdtempSync(join(tmpdir(), "tenant-codeowners-")), "CODEOWNERS");
  expect((await tenant("codeowners", "--dir", fx.dir, "--out", out)).code).toBe(0);
  expect(existsSync(out)).toBe(true);
  expect(readFileSync(out, "utf8")).not.toContain(`/${ID}.`);
});
