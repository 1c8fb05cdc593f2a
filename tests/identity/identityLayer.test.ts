import * as pulumi from "@pulumi/pulumi";
import type { TenantDefinition } from "../../src/config/definition";
import { installMocks, ofType, promiseOf, settle, type CapturedResource } from "../helpers/pulumiMocks";
import { minimalDefinition } from "../landing-zone/helpers/renderLandingZone";
import { fullIdentity } from "./conditionalAccess/helpers/identity";

const BASELINE = "tenant:identity:ConditionalAccessBaseline";
const POLICY = "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy";

/** The identity layer of `definition`, against made-up landing-zone exports; what it registered. */
async function render(definition: TenantDefinition): Promise<CapturedResource[]> {
  const captured = installMocks({
    stack: "test",
    // The department groups look their owners and admins up: every UPN exists.
    call: ({ token, inputs }) =>
      token === "azuread:index/getUsers:getUsers"
        ? {
            users: (inputs.userPrincipalNames as string[]).map((upn) => ({
              userPrincipalName: upn,
              objectId: `${upn}-oid`,
            })),
          }
        : undefined,
  });
  const { buildIdentityLayer } = await import("../../src/identity/identityLayer");
  const zone = {
    subscriptionId: "s",
    resourceGroupId: "rg",
    resourceGroupName: "rg",
    spokeId: "v",
    spokeName: "v",
  };
  const departments = Object.fromEntries(definition.departments.map((d) => [d.id, zone]));
  const built = buildIdentityLayer(definition, { departments } as never);
  // The groups register after their owner lookups; the baseline, built after them, has registered by then.
  await Promise.all(
    Object.values(built.departments).flatMap((d) => [
      promiseOf(pulumi.output(d.groupId)),
      promiseOf(pulumi.output(d.adminGroupId)),
    ]),
  );
  return captured;
}

describe("identity layer: the conditional access baseline", () => {
  it("is registered once when tenant.yaml has an identity section", async () => {
    const base = minimalDefinition();
    const captured = await render({ ...base, tenant: { ...base.tenant, identity: fullIdentity() } });
    expect(ofType(captured, BASELINE)).toHaveLength(1);
    expect(ofType(captured, POLICY).map((p) => p.name)).toContain("ca-vp-requireMfa");
  });

  it("is absent without one", async () => {
    const captured = await render(minimalDefinition());
    expect(ofType(captured, BASELINE)).toEqual([]);
  });
});

const UNIT = "pulumi-nodejs:dynamic/tenant-identity:AdministrativeUnit";
const ELIGIBILITY =
  "azuread:index/directoryRoleEligibilityScheduleRequest:DirectoryRoleEligibilityScheduleRequest";

describe("identity layer: delegated administration", () => {
  function withDelegation(roles?: string[]): TenantDefinition {
    const base = minimalDefinition();
    const identity = {
      ...fullIdentity(),
      delegatedAdministration: { roles: (roles ?? ["userAdministrator"]) as never },
    };
    return { ...base, tenant: { ...base.tenant, identity } };
  }

  /** One department's identity with delegation, awaited to the last registration (dynamic ones included). */
  async function renderDepartment(definition: TenantDefinition): Promise<CapturedResource[]> {
    const captured = installMocks({
      stack: "test",
      call: ({ token, inputs }) =>
        token === "azuread:index/getUsers:getUsers"
          ? {
              users: (inputs.userPrincipalNames as string[]).map((upn) => ({
                userPrincipalName: upn,
                objectId: `${upn}-oid`,
              })),
            }
          : undefined,
    });
    const { DepartmentIdentity } = await import("../../src/identity/DepartmentIdentity");
    const [department] = definition.departments;
    const identity = new DepartmentIdentity(department.id, {
      shortName: definition.tenant.organization.shortName,
      department,
      resourceGroupId: "rg",
      subscriptionId: "s",
      delegation: definition.tenant.identity?.delegatedAdministration,
    });
    await promiseOf(pulumi.output(identity.adminGroup.objectId));
    await settle([
      identity.contributorEligibility,
      ...(identity.administrativeUnit ? [identity.administrativeUnit] : []),
      ...Object.values(identity.scopedRoleEligibilities),
    ]);
    return captured;
  }

  it("gives the department a dynamic administrative unit with the department group's rule", async () => {
    const definition = withDelegation();
    const captured = await renderDepartment(definition);
    const units = ofType(captured, UNIT);
    expect(units).toHaveLength(1);
    const [department] = definition.departments;
    const unit = units.find((u) => u.inputs.department === department.id)!;
    const group = captured.find(
      (r) => r.type === "azuread:index/group:Group" && r.name === `grp-vp-${department.id}`,
    );
    expect(unit.name).toBe(`au-vp-${department.id}`);
    expect(unit.inputs.displayName).toBe(`au-vp-${department.id}`);
    expect(unit.inputs.membershipRule).toBe((group!.inputs.dynamicMembership as { rule: string }).rule);
  });

  it("makes every admin eligible (never assigned) for each scoped role on the unit only", async () => {
    const definition = withDelegation(["userAdministrator", "helpdeskAdministrator"]);
    const captured = await renderDepartment(definition);
    const [department] = definition.departments;
    const mine = ofType(captured, ELIGIBILITY).filter((r) => r.name.startsWith(`el-vp-${department.id}-`));
    expect(mine).toHaveLength(department.admins.length * 2);
    for (const e of mine) {
      expect(["fe930be7-5e62-47db-91af-98c3a49a38b1", "729827e3-9c14-49f7-bb1b-9608f156bbb8"]).toContain(
        e.inputs.roleDefinitionId,
      );
      // The mock gives the unit's id as its resource id: the scope is that unit, never the tenant ("/").
      expect(e.inputs.directoryScopeId).toMatch(/^\/administrativeUnits\/.+/);
      expect(department.admins.map((a) => `${a}-oid`)).toContain(e.inputs.principalId);
    }
    expect(
      captured.some((r) => r.type === "azuread:index/directoryRoleAssignment:DirectoryRoleAssignment"),
    ).toBe(false);
  });

  it("creates neither units nor scoped roles without tenant.yaml identity.delegatedAdministration", async () => {
    const base = minimalDefinition();
    const captured = await renderDepartment({
      ...base,
      tenant: { ...base.tenant, identity: fullIdentity() },
    });
    expect(ofType(captured, UNIT)).toEqual([]);
    expect(ofType(captured, ELIGIBILITY)).toEqual([]);
  });
});
