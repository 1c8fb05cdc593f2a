import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ARCHETYPE_ASSIGNMENTS } from "../../src/landing-zone/archetypes";
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
