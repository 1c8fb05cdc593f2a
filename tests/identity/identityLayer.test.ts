import * as pulumi from "@pulumi/pulumi";
import type { TenantDefinition } from "../../src/config/definition";
import { installMocks, ofType, promiseOf, settle, type CapturedResource } from "../helpers/pulumiMocks";
import { minimalDefinition } from "../landing-zone/helpers/renderLandingZone";
import { BREAK_GLASS_IDS, fullIdentity } from "./conditionalAccess/helpers/identity";

const BASELINE = "tenant:identity:ConditionalAccessBaseline";
const WORKSPACE_ID =
  "/subscriptions/s/resourceGroups/rg-vp-mgmt/providers/Microsoft.OperationalInsights/workspaces/log-vp";
const POLICY = "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy";

/** The minimal fixture's departments have no admins; these tests need two in the first department. */
const ADMINS = ["adm.ana@villa.example", "adm.luis@villa.example"];
function withAdmins(definition: TenantDefinition): TenantDefinition {
  const [first, ...rest] = definition.departments;
  return { ...definition, departments: [{ ...first, admins: ADMINS }, ...rest] };
}

/** The identity layer of `definition`, against made-up landing-zone exports; what it registered. */
/**
 * Mocks for the identity layer: groups get an object id, as Entra gives them, so the policies and eligibilities
 * that name a group can be checked; the owner and admin lookup finds every UPN, as `<upn>-oid`.
 */
function installIdentityMocks(): CapturedResource[] {
  return installMocks({
    stack: "test",
    state: ({ type, name }) =>
      type === "azuread:index/group:Group" ? { objectId: `${name}-oid` } : undefined,
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
}

async function render(definition: TenantDefinition): Promise<CapturedResource[]> {
  const captured = installIdentityMocks();
  const { buildIdentityLayer } = await import("../../src/identity/identityLayer");
  const zone = {
    subscriptionId: "s",
    resourceGroupId: "rg",
    resourceGroupName: "rg",
    spokeId: "v",
    spokeName: "v",
  };
  const departments = Object.fromEntries(definition.departments.map((d) => [d.id, zone]));
  const platform = { workspaceId: WORKSPACE_ID };
  const built = buildIdentityLayer(definition, { departments, platform } as never);
  // The groups register after their owner lookups; the baseline, built after them, has registered by then.
  await Promise.all(
    Object.values(built.departments).flatMap((d) => [
      promiseOf(pulumi.output(d.groupId)),
      promiseOf(pulumi.output(d.adminGroupId)),
    ]),
  );
  // Exception groups and the policies that name them register once the owners' lookup resolves: wait until
  // nothing new has registered for a few turns of the event loop (the mocks answer at once).
  for (let quiet = 0, seen = -1; quiet < 5;) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    quiet = captured.length === seen ? quiet + 1 : 0;
    seen = captured.length;
  }
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

  it("puts every department's admin group under the administrators' policy, and under no other", async () => {
    const base = minimalDefinition();
    const captured = await render({ ...base, tenant: { ...base.tenant, identity: fullIdentity() } });
    const users = (key: string) =>
      (
        ofType(captured, POLICY).find((p) => p.name === `ca-vp-${key}`)!.inputs.conditions as {
          users: Record<string, unknown>;
        }
      ).users;
    // Role targeting misses roles scoped to an administrative unit, so the admins are reached by their group.
    const adminGroups = base.departments.map((d) => `grp-vp-${d.id}-admins-oid`).sort();
    expect(base.departments.length).toBeGreaterThan(1);
    expect(users("phishingResistantAdmins").includedGroups).toEqual(adminGroups);
    expect(users("phishingResistantAdmins").excludedUsers).toEqual(BREAK_GLASS_IDS);
    for (const key of ["requireMfa", "blockLegacyAuthentication", "allowedLocations"])
      expect(users(key).includedGroups).toBeUndefined();
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
    return withAdmins({ ...base, tenant: { ...base.tenant, identity } });
  }

  /** One department's identity with delegation, awaited to the last registration (dynamic ones included). */
  async function renderDepartment(definition: TenantDefinition): Promise<CapturedResource[]> {
    const captured = installIdentityMocks();
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

  it("makes the admin group eligible (never assigned) for each scoped role on the unit only", async () => {
    const definition = withDelegation(["userAdministrator", "helpdeskAdministrator"]);
    const captured = await renderDepartment(definition);
    const [department] = definition.departments;
    const mine = ofType(captured, ELIGIBILITY).filter((r) => r.name.startsWith(`el-vp-${department.id}-`));
    expect(mine.map((e) => e.name)).toEqual([
      `el-vp-${department.id}-useradministrator`,
      `el-vp-${department.id}-helpdeskadministrator`,
    ]);
    expect(mine.map((e) => e.inputs.roleDefinitionId)).toEqual([
      "fe930be7-5e62-47db-91af-98c3a49a38b1",
      "729827e3-9c14-49f7-bb1b-9608f156bbb8",
    ]);
    for (const e of mine) {
      // The mock gives the unit's id as its resource id: the scope is that unit, never the tenant ("/").
      expect(e.inputs.directoryScopeId).toMatch(/^\/administrativeUnits\/.+/);
      expect(e.inputs.principalId).toBe(`grp-vp-${department.id}-admins-oid`);
    }
    expect(
      captured.some((r) => r.type === "azuread:index/directoryRoleAssignment:DirectoryRoleAssignment"),
    ).toBe(false);
  });

  it("makes the admin group role-assignable, owned by the deploying principal alone", async () => {
    const definition = withDelegation();
    const captured = await renderDepartment(definition);
    const [department] = definition.departments;
    const adminGroup = captured.find((r) => r.name === `grp-vp-${department.id}-admins`)!;
    expect(adminGroup.inputs.assignableToRole).toBe(true);
    // Owners of a role-assignable group could add anyone to it, and so grant its roles.
    expect(adminGroup.inputs.owners).toHaveLength(1);
    expect(department.owners.map((o) => `${o}-oid`)).not.toContain((adminGroup.inputs.owners as string[])[0]);
    const group = captured.find((r) => r.name === `grp-vp-${department.id}`)!;
    expect(group.inputs.assignableToRole).toBeUndefined();
  });

  it("creates neither units nor scoped roles without tenant.yaml identity.delegatedAdministration", async () => {
    const base = minimalDefinition();
    const captured = await renderDepartment({
      ...base,
      tenant: { ...base.tenant, identity: fullIdentity() },
    });
    expect(ofType(captured, UNIT)).toEqual([]);
    expect(ofType(captured, ELIGIBILITY)).toEqual([]);
    const [department] = base.departments;
    const adminGroup = captured.find((r) => r.name === `grp-vp-${department.id}-admins`)!;
    expect(adminGroup.inputs.assignableToRole).toBeUndefined();
  });
});

describe("identity layer: department exceptions to conditional access", () => {
  function withKiosks(allowed: ("requireMfa" | "allowedLocations")[]): TenantDefinition {
    const base = minimalDefinition();
    const [first, ...rest] = base.departments;
    const kiosks = {
      ...first,
      conditionalAccessExceptions: [
        {
          policy: "requireMfa" as const,
          members: { attribute: "jobTitle" as const, values: ["Quiosco"] },
          reason: "Shared kiosks, no second factor",
        },
      ],
    };
    return {
      ...base,
      departments: [kiosks, ...rest],
      tenant: { ...base.tenant, identity: { ...fullIdentity(), exceptionsAllowed: allowed } },
    };
  }

  it("excludes a group of the department's own users, its rule AND the exception's, from the MFA policy only", async () => {
    const definition = withKiosks(["requireMfa"]);
    const captured = await render(definition);
    const [department] = definition.departments;
    const name = `grp-vp-${department.id}-exc-requiremfa`;
    const group = captured.find((r) => r.type === "azuread:index/group:Group" && r.name === name)!;
    const own = captured.find(
      (r) => r.type === "azuread:index/group:Group" && r.name === `grp-vp-${department.id}`,
    )!;
    const ownRule = (own.inputs.dynamicMembership as { rule: string }).rule;
    expect((group.inputs.dynamicMembership as { rule: string }).rule).toBe(
      `${ownRule} -and (user.jobTitle -eq "Quiosco")`,
    );
    const users = (key: string) =>
      (
        ofType(captured, POLICY).find((p) => p.name === `ca-vp-${key}`)!.inputs.conditions as {
          users: Record<string, unknown>;
        }
      ).users;
    // The policy names that group and nothing else; no other policy names it.
    expect(users("requireMfa").excludedGroups).toEqual([`${name}-oid`]);
    expect(users("blockLegacyAuthentication").excludedGroups).toBeUndefined();
  });

  it("creates nothing for an exception tenant.yaml does not allow", async () => {
    const definition = withKiosks(["allowedLocations"]);
    const captured = await render(definition);
    expect(captured.some((r) => r.name.includes("-exc-"))).toBe(false);
    const mfa = ofType(captured, POLICY).find((p) => p.name === "ca-vp-requireMfa")!;
    expect(
      (mfa.inputs.conditions as { users: Record<string, unknown> }).users.excludedGroups,
    ).toBeUndefined();
  });
});

describe("identity layer: admin-group membership", () => {
  const PIM_GROUP =
    "azuread:index/privilegedAccessGroupEligibilitySchedule:PrivilegedAccessGroupEligibilitySchedule";
  const withMembership = (adminGroupMembership: "eligible" | "permanent"): TenantDefinition => {
    const base = minimalDefinition();
    return withAdmins({
      ...base,
      tenant: { ...base.tenant, identity: { ...fullIdentity(), adminGroupMembership } },
    });
  };

  it("eligible: the admin group has no standing members, each admin may activate membership", async () => {
    const definition = withMembership("eligible");
    const captured = await render(definition);
    const [department] = definition.departments;
    const adminGroup = captured.find((r) => r.name === `grp-vp-${department.id}-admins`)!;
    // Left out, not empty: membership is not managed, so an activation is never undone by the next up.
    expect("members" in adminGroup.inputs).toBe(false);
    const mine = ofType(captured, PIM_GROUP).filter((r) =>
      r.name.startsWith(`pim-vp-${department.id}-admins-`),
    );
    expect(mine).toHaveLength(ADMINS.length);
    expect(mine.map((r) => r.inputs)).toEqual(
      ADMINS.map((upn) =>
        expect.objectContaining({
          groupId: `grp-vp-${department.id}-admins-oid`,
          principalId: `${upn}-oid`,
          assignmentType: "member",
          permanentAssignment: true,
        }),
      ),
    );
  });

  it("permanent (for a tenant without Entra ID P2): the admins are the group's members and nothing is eligible", async () => {
    const definition = withMembership("permanent");
    const captured = await render(definition);
    const [department] = definition.departments;
    const adminGroup = captured.find((r) => r.name === `grp-vp-${department.id}-admins`)!;
    expect(adminGroup.inputs.members).toEqual(ADMINS.map((upn) => `${upn}-oid`));
    expect(ofType(captured, PIM_GROUP)).toEqual([]);
  });
});

describe("identity layer: break-glass sign-ins are alerted on", () => {
  it("sends Entra's sign-in logs to the workspace and alerts on any sign-in of an emergency account", async () => {
    const base = minimalDefinition();
    const identity = { ...fullIdentity(), breakGlassAlerts: ["seguridad@villa.example"] };
    const captured = await render({ ...base, tenant: { ...base.tenant, identity } });
    const [logs] = ofType(captured, "azure-native:aadiam:DiagnosticSetting");
    expect(logs.inputs).toMatchObject({ workspaceId: WORKSPACE_ID });
    expect((logs.inputs.logs as { category: string }[]).map((l) => l.category)).toEqual(
      expect.arrayContaining(["SignInLogs", "NonInteractiveUserSignInLogs"]),
    );
    const [group] = ofType(captured, "azure-native:monitor:ActionGroup");
    expect(group.inputs).toMatchObject({
      resourceGroupName: "rg-vp-mgmt",
      emailReceivers: [expect.objectContaining({ emailAddress: "seguridad@villa.example" })],
    });
    const [alert] = ofType(captured, "azure-native:monitor:ScheduledQueryRule");
    expect(alert.inputs).toMatchObject({
      resourceGroupName: "rg-vp-mgmt",
      scopes: [WORKSPACE_ID],
      evaluationFrequency: "PT5M",
      severity: 0,
    });
    const query = (alert.inputs.criteria as { allOf: { query: string }[] }).allOf[0].query;
    for (const id of BREAK_GLASS_IDS) expect(query).toContain(`'${id}'`);
  });

  it("is absent without an identity section", async () => {
    const captured = await render(minimalDefinition());
    expect(ofType(captured, "azure-native:monitor:ScheduledQueryRule")).toEqual([]);
  });
});
