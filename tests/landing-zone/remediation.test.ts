import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ARCHETYPE_ASSIGNMENTS } from "../../src/landing-zone/archetypes";
import { DEPLOY_VM_AUTO_SHUTDOWN } from "../../src/landing-zone/customPolicyDefinitions";
import { BUILT_IN_REMEDIATION, identityNeeds } from "../../src/landing-zone/remediation";
import { baselineContext } from "./helpers/baselineContext";

const DIR = join(__dirname, "..", "..", "src", "landing-zone", "reference");

test("the vendored remediation data is the copy its README records, each entry naming its source", () => {
  const bytes = readFileSync(join(DIR, "builtin-remediation.json"));
  const readme = readFileSync(join(DIR, "README.md"), "utf8");
  expect(readme).toContain(createHash("sha256").update(bytes).digest("hex"));
  for (const entry of BUILT_IN_REMEDIATION.values()) {
    expect(entry.source).toMatchObject({
      repo: "Azure/azure-policy",
      commit: "f4a50bacae07ddb096943c597669bcae494a6e29",
    });
    expect(entry.source.path).toMatch(/^built-in-policies\/policy(Set)?Definitions\/.+\.json$/);
  }
});

test("every assignment with an identity takes roles and tasks from the vendored definitions", () => {
  for (const spec of Object.values(ARCHETYPE_ASSIGNMENTS).flat()) {
    if (!("builtIn" in spec.policy) || (spec.remediationRoles ?? []).length === 0) continue;
    const needs = identityNeeds(spec.policy.name);
    expect({ key: spec.key, roles: spec.remediationRoles, members: spec.remediationMembers }).toEqual({
      key: spec.key,
      roles: needs.remediationRoles,
      members: needs.remediationMembers,
    });
  }
});

test("an assignment of our DeployIfNotExists/Modify definition gets exactly the roles the definition declares", () => {
  let remediating = 0;
  for (const spec of Object.values(ARCHETYPE_ASSIGNMENTS).flat()) {
    if (!("custom" in spec.policy)) continue;
    const then = spec.policy.custom.policyRule.then as {
      effect: string;
      details?: { roleDefinitionIds?: string[] };
    };
    const deploys = ["deployifnotexists", "modify"].includes(then.effect.toLowerCase());
    if (deploys) remediating++;
    const declared = deploys
      ? (then.details?.roleDefinitionIds ?? []).map(
          (id) => /roleDefinitions\/([0-9a-f-]{36})$/i.exec(id)?.[1],
        )
      : [];
    expect({ key: spec.key, roles: spec.remediationRoles ?? [] }).toEqual({ key: spec.key, roles: declared });
  }
  // The two Modify tag assignments and the decommissioned VM shutdown: the check above is not vacuous.
  expect(remediating).toBe(3);
});

test("the VM auto-shutdown copy deploys ALZ's schedule with Virtual Machine Contributor", () => {
  const then = DEPLOY_VM_AUTO_SHUTDOWN.policyRule.then as {
    effect: string;
    details: { type: string; roleDefinitionIds: string[]; deployment: unknown };
  };
  expect(then.effect).toBe("deployIfNotExists");
  expect(then.details.type).toBe("Microsoft.DevTestLab/schedules");
  expect(then.details.roleDefinitionIds).toEqual([
    "/providers/microsoft.authorization/roleDefinitions/9980e02c-c2be-4d73-94e8-173b1dc7cf3c",
  ]);
  expect(JSON.stringify(then.details.deployment)).toContain(
    `"name":"[concat('shutdown-computevm-',parameters('vmName'))]"`,
  );
  expect(DEPLOY_VM_AUTO_SHUTDOWN.policyRule.if).toEqual({
    field: "type",
    equals: "Microsoft.Compute/virtualMachines",
  });
});

test("a parameter Azure marks assignPermissions gets the roles on what it names (a write scope)", () => {
  const ctx = baselineContext({ allowedRegions: [], primaryRegion: "westeurope", departmentIds: [] });
  for (const spec of Object.values(ARCHETYPE_ASSIGNMENTS).flat()) {
    if (!("builtIn" in spec.policy)) continue;
    const entry = BUILT_IN_REMEDIATION.get(spec.policy.name);
    for (const parameter of entry?.assignPermissionsParameters ?? []) {
      const value = spec.parameters?.(ctx)[parameter]?.value;
      expect({
        key: spec.key,
        parameter,
        granted: spec.writeScopes?.(ctx).includes(value as string),
      }).toEqual({
        key: spec.key,
        parameter,
        granted: true,
      });
    }
  }
});

test("a built-in that is not vendored is refused with what to do", () => {
  expect(() => identityNeeds("00000000-0000-0000-0000-000000000000")).toThrow(
    /not in .*builtin-remediation\.json; vendor it first/,
  );
});
