import { REQUIRED_RESOURCE_GROUP_TAGS } from "../../src/tags";
import { findResource, ofType, promiseOf, type CapturedResource } from "../helpers/pulumiMocks";
import { effectiveEffects, loadBuiltIns } from "./helpers/policyReference";
import { minimalDefinition, renderLandingZone } from "./helpers/renderLandingZone";
import { planAssignments } from "../../src/landing-zone/policyBaseline";
import { baselineContext } from "./helpers/baselineContext";

const T = {
  component: "tenant:landingZone:LandingZone",
  mg: "azure-native:management:ManagementGroup",
  assignment: "azure-native:authorization:PolicyAssignment",
  definition: "azure-native:authorization:PolicyDefinitionAtManagementGroup",
  role: "azure-native:authorization:RoleAssignment",
  rg: "azure-native:resources:ResourceGroup",
  workspace: "azure-native:operationalinsights:Workspace",
  activity: "azure-native:monitor:SubscriptionDiagnosticSetting",
  vnet: "azure-native:network:VirtualNetwork",
  placement: "tenant:department:SubscriptionPlacement",
  provider: "pulumi:providers:azure-native",
  mgSubscription: "azure-native:management:ManagementGroupSubscription",
  lock: "azure-native:authorization:ManagementLockAtResourceGroupLevel",
  remediation: "azure-native:policyinsights:RemediationAtManagementGroup",
  uami: "azure-native:managedidentity:UserAssignedIdentity",
  dcr: "azure-native:monitor:DataCollectionRule",
  wait: "pulumi-nodejs:dynamic/tenant-landing-zone:PropagationWait",
};

const definition = minimalDefinition();
const lz = definition.tenant.landingZone;
const PLAN_CONTEXT = baselineContext({
  allowedRegions: lz.allowedRegions,
  primaryRegion: lz.primaryRegion,
  departmentIds: [],
  alertEmails: [],
});
const mgId = (id: string) => `/providers/Microsoft.Management/managementGroups/${id}`;
let captured: CapturedResource[];
let zone: Awaited<ReturnType<typeof renderLandingZone>>["zone"];

beforeAll(async () => {
  ({ captured, zone } = await renderLandingZone(definition));
});

const assignment = (group: string, name: string) =>
  findResource(captured, T.assignment, `pa-${group}-${name}`);

describe("LandingZone component", () => {
  test("is one component whose children are parented to it, or to its subscription placements", () => {
    const [component] = ofType(captured, T.component);
    expect(component.name).toBe("lz");
    const placements = ofType(captured, T.placement);
    const allowed = [component.urn, ...placements.map((p) => p.urn)];
    const children = captured.filter((c) => c !== component);
    expect(children.length).toBeGreaterThan(0);
    for (const child of children) expect(allowed).toContain(child.parent);
    for (const placement of placements) expect(placement.parent).toBe(component.urn);
  });

  test("renders exactly the expected resource types for the minimal city", () => {
    const counts: Record<string, number> = {};
    for (const c of captured) counts[c.type] = (counts[c.type] ?? 0) + 1;
    // The shell makes what the pure plan says: each role at the group and at every write scope, and one
    // remediation task per deploying assignment (per deploying member of a policy set).
    const planned = planAssignments(lz.managementGroups, PLAN_CONTEXT);
    const identityRoles = planned.reduce(
      (n, p) =>
        n + (p.spec.remediationRoles ?? []).length * (1 + (p.spec.writeScopes?.(PLAN_CONTEXT).length ?? 0)),
      0,
    );
    const tasks = planned.reduce(
      (n, p) =>
        n + ((p.spec.remediationRoles ?? []).length === 0 ? 0 : (p.spec.remediationMembers?.length ?? 1)),
      0,
    );
    expect(planned.length).toBeGreaterThan(40);
    expect(counts).toEqual({
      [T.component]: 1,
      [T.mg]: 4,
      // allowed tag values, the required tag with Azure's own groups exempt, and the tag Azure's groups get
      [T.definition]: 3,
      [T.assignment]: planned.length,
      [T.role]: identityRoles,
      [T.uami]: 1,
      [T.dcr]: 3,
      [T.rg]: 2,
      [T.workspace]: 1,
      [T.activity]: 1,
      [T.vnet]: 1,
      [T.placement]: 2,
      [T.provider]: 2,
      [T.mgSubscription]: 2,
      [T.lock]: 1,
      [T.remediation]: tasks,
      // one per group with assignments, one per assignment identity
      [T.wait]:
        new Set(planned.map((p) => p.groupId)).size + planned.filter((p) => p.spec.remediationRoles).length,
    });
  });

  test("exposes the LandingZoneOutputs contract with resolved values", async () => {
    expect(zone.managementGroupIds).toEqual({
      vp: mgId("vp"),
      "vp-platform": mgId("vp-platform"),
      "vp-landingzones": mgId("vp-landingzones"),
      "vp-corp": mgId("vp-corp"),
    });
    expect(await promiseOf(zone.workspaceId)).toBe("log-vp-spaincentral-id");
    expect(await promiseOf(zone.hub.resourceGroupName)).toBe("rg-vp-hub-spaincentral");
    expect(await promiseOf(zone.hub.vnetName)).toBe("vnet-vp-hub-spaincentral");
    expect(await promiseOf(zone.hub.vnetId)).toBe("vnet-vp-hub-spaincentral-id");
    expect(zone.outputs().hub).toBe(zone.hub);
  });
});

describe("platform subscriptions", () => {
  const MGMT = "7a000000-0000-4000-8000-000000000001";
  const CONN = "7a000000-0000-4000-8000-000000000002";
  const providerOf = (subscription: string) => findResource(captured, T.provider, `sub-${subscription}`);
  const viaProvider = (resource: CapturedResource, subscription: string) =>
    resource.provider.startsWith(`${providerOf(subscription).urn}::`);

  test("each is placed under its management group (the platform group when it has no own), after it exists", () => {
    for (const sub of [MGMT, CONN]) {
      const placement = findResource(captured, T.mgSubscription, `mgsub-vp-platform-${sub}`);
      expect(placement.inputs).toEqual({ groupId: "vp-platform" });
      expect(viaProvider(placement, sub)).toBe(true);
      expect(placement.dependencies).toContain(findResource(captured, T.mg, "mg-vp-platform").urn);
      expect(providerOf(sub).inputs).toMatchObject({
        subscriptionId: sub,
        tenantId: definition.tenant.organization.tenantId,
      });
    }
  });

  test("the workspace and its activity log live in management, through its provider, once it is placed", () => {
    const placed = findResource(captured, T.mgSubscription, `mgsub-vp-platform-${MGMT}`).urn;
    for (const [type, name] of [
      [T.rg, "rg-vp-mgmt-spaincentral"],
      [T.workspace, "log-vp-spaincentral"],
      [T.activity, "diag-vp-activity-log"],
    ] as const) {
      const resource = findResource(captured, type, name);
      expect({ name, management: viaProvider(resource, MGMT) }).toEqual({ name, management: true });
      expect(resource.dependencies).toContain(placed);
    }
  });

  test("the hub lives in connectivity, through its provider", () => {
    expect(viaProvider(findResource(captured, T.rg, "rg-vp-hub-spaincentral"), CONN)).toBe(true);
    expect(viaProvider(findResource(captured, T.vnet, "vnet-vp-hub-spaincentral"), CONN)).toBe(true);
  });

  test("no subscription- or group-scoped resource uses the default provider", () => {
    const tenantScoped = new Set([
      T.mg,
      T.assignment,
      T.definition,
      T.remediation,
      T.role,
      T.component,
      T.placement,
      T.provider,
      T.wait, // a pause in the deploying process: no Azure provider at all
    ]);
    const defaults = captured
      .filter((c) => !tenantScoped.has(c.type) && c.provider === "")
      .map((c) => c.name);
    expect(defaults).toEqual([]);
  });
});

describe("remediation", () => {
  test("each DeployIfNotExists assignment gets a remediation task that waits for its identity's roles", () => {
    const task = findResource(captured, T.remediation, "rem-vp-Deploy-AzActivity-Log");
    expect(task.inputs).toMatchObject({
      managementGroupsNamespace: "Microsoft.Management",
      managementGroupId: "vp",
      resourceDiscoveryMode: "ExistingNonCompliant",
    });
    expect(String(task.inputs.policyAssignmentId)).toContain("Deploy-AzActivity-Log");
    const roles = ofType(captured, T.role).filter((r) => r.name.startsWith("ra-vp-Deploy-AzActivity-Log-"));
    expect(roles).toHaveLength(4);
    for (const role of roles) expect(task.dependencies).toContain(role.urn);
  });

  test("a policy-set assignment gets one task per member that deploys, naming the member", () => {
    const tasks = ofType(captured, T.remediation).filter((r) =>
      r.name.startsWith("rem-vp-Deploy-MDFC-SqlAtp-"),
    );
    expect(tasks.map((t) => t.inputs.policyDefinitionReferenceId).sort()).toEqual([
      "deployThreatDetectionOnSqlManagedInstances",
      "deployThreatDetectionOnSqlServers",
      "deployThreatDetectionOnSynapseWorkspaces",
    ]);
  });
});

describe("first deployment: Azure's propagation", () => {
  test("assignments wait once after their group (and the definitions), role assignments after the identity", () => {
    const mg = findResource(captured, T.mg, "mg-vp");
    const groupWait = findResource(captured, T.wait, "wait-vp");
    const definitions = ofType(captured, T.definition);
    expect(groupWait.dependencies).toEqual(
      expect.arrayContaining([mg.urn, ...definitions.map((d) => d.urn)]),
    );
    expect(groupWait.inputs).toMatchObject({ seconds: lz.propagationWaitSeconds });
    for (const a of ofType(captured, T.assignment).filter((x) => x.inputs.scope === mgId("vp")))
      expect(a.dependencies).toContain(groupWait.urn);

    const a = assignment("vp", "Deploy-AzActivity-Log");
    const identityWait = findResource(captured, T.wait, "wait-vp-Deploy-AzActivity-Log");
    expect(identityWait.dependencies).toContain(a.urn);
    const roles = ofType(captured, T.role).filter((r) => r.name.startsWith("ra-vp-Deploy-AzActivity-Log-"));
    for (const r of roles) expect(r.dependencies).toContain(identityWait.urn);
  });

  test("the wait sleeps the configured time on create only", async () => {
    const { createPropagationWaitProvider } = await import("../../src/landing-zone/propagationWaitProvider");
    const slept: number[] = [];
    const provider = createPropagationWaitProvider(async (ms) => void slept.push(ms));
    const created = await provider.create({ reason: "group 'x'", seconds: 45 });
    expect(slept).toEqual([45_000]);
    expect(created.outs).toEqual({ reason: "group 'x'", seconds: 45 });
    const inputs = { reason: "group 'x'", seconds: 45 };
    expect(await provider.diff!(created.id, inputs, inputs)).toEqual({ changes: false });
    expect(await provider.diff!(created.id, inputs, { ...inputs, seconds: 90 })).toEqual({ changes: true });
    await provider.update!(created.id, inputs, { ...inputs, seconds: 90 });
    expect(slept).toEqual([45_000]);
  });
});

describe("protection from accidental deletion", () => {
  test("management groups, the workspace, its resource group and the hub are protected", () => {
    const protectedNames = captured
      .filter((c) => c.protect)
      .map((c) => `${c.type.split(":").pop()} ${c.name}`);
    expect(protectedNames.sort()).toEqual(
      [
        "ManagementGroup mg-vp",
        "ManagementGroup mg-vp-corp",
        "ManagementGroup mg-vp-landingzones",
        "ManagementGroup mg-vp-platform",
        "ResourceGroup rg-vp-hub-spaincentral",
        "ResourceGroup rg-vp-mgmt-spaincentral",
        "VirtualNetwork vnet-vp-hub-spaincentral",
        "Workspace log-vp-spaincentral",
      ].sort(),
    );
  });

  test("the workspace's resource group is locked against deletion in Azure too", () => {
    const lock = findResource(captured, T.lock, "lock-rg-vp-mgmt-spaincentral");
    expect(lock.inputs).toMatchObject({
      level: "CanNotDelete",
      resourceGroupName: "rg-vp-mgmt-spaincentral",
    });
    expect(lock.provider).toBe(findResource(captured, T.rg, "rg-vp-mgmt-spaincentral").provider);
  });

  test("subscription placements are retained on delete: removing one never drops a subscription to the root", () => {
    for (const placement of ofType(captured, T.mgSubscription)) expect(placement.retainOnDelete).toBe(true);
  });
});

describe("management groups", () => {
  test("are registered parents first, siblings by id", () => {
    expect(ofType(captured, T.mg).map((c) => c.inputs.groupId)).toEqual([
      "vp",
      "vp-landingzones",
      "vp-platform",
      "vp-corp",
    ]);
  });

  test("name their parent's resource id; the top group names the tenant root group", () => {
    const parents = Object.fromEntries(
      ofType(captured, T.mg).map((c) => [
        c.inputs.groupId,
        (c.inputs.details as { parent: { id: string } }).parent.id,
      ]),
    );
    expect(parents).toEqual({
      vp: mgId(definition.tenant.organization.tenantId),
      "vp-platform": mgId("vp"),
      "vp-landingzones": mgId("vp"),
      "vp-corp": mgId("vp-landingzones"),
    });
    expect(findResource(captured, T.mg, "mg-vp-corp").inputs.displayName).toBe("Corp");
  });

  test("depend on their parent's resource so the engine creates them in order", () => {
    const urn = (id: string) => findResource(captured, T.mg, `mg-${id}`).urn;
    expect(findResource(captured, T.mg, "mg-vp").dependencies).toEqual([]);
    expect(findResource(captured, T.mg, "mg-vp-platform").dependencies).toEqual([urn("vp")]);
    expect(findResource(captured, T.mg, "mg-vp-corp").dependencies).toEqual([urn("vp-landingzones")]);
  });
});

describe("policy baseline", () => {
  const builtIns = loadBuiltIns();

  test("assigns the allowed regions at the root, enforced with a deny", () => {
    for (const name of ["Deny-Resource-Locations", "Deny-RG-Locations"]) {
      const a = assignment("vp", name);
      expect(a.inputs.scope).toBe(mgId("vp"));
      expect(a.inputs.enforcementMode).toBe("Default");
      expect(a.inputs.parameters).toEqual({ listOfAllowedLocations: { value: lz.allowedRegions } });
      expect(effectiveEffects(a.inputs, builtIns)).toEqual(["Deny"]);
      expect(a.dependencies).toContain(findResource(captured, T.mg, "mg-vp").urn);
    }
    expect(assignment("vp", "Deny-Resource-Locations").inputs.policyDefinitionId).toBe(
      "/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c",
    );
    expect(assignment("vp", "Deny-RG-Locations").inputs.policyDefinitionId).toBe(
      "/providers/Microsoft.Authorization/policyDefinitions/e765b5de-1225-4ba3-bd56-1ac6695af988",
    );
  });

  test("requires each chargeback tag on resource groups, except on the groups Azure creates, which it tags", () => {
    const byDefinition = (name: string) =>
      ofType(captured, T.assignment)
        .filter((a) => String(a.inputs.policyDefinitionId).endsWith(`/policyDefinitions/${name}`))
        .map((a) => ({
          scope: a.inputs.scope,
          parameters: a.inputs.parameters,
          identity: a.inputs.identity,
        }));
    const exempt = { value: ["NetworkWatcherRG", "AzureBackupRG_*", "DefaultResourceGroup-*", "MC_*"] };
    expect(byDefinition("Require-RG-Tag")).toEqual(
      REQUIRED_RESOURCE_GROUP_TAGS.map((tag) => ({
        scope: mgId("vp"),
        parameters: { tagName: { value: tag }, exemptResourceGroups: exempt },
        identity: undefined,
      })),
    );
    expect(byDefinition("Modify-RG-Tag-AzureCreated")).toEqual(
      REQUIRED_RESOURCE_GROUP_TAGS.map((tag) => ({
        scope: mgId("vp"),
        parameters: {
          tagName: { value: tag },
          tagValue: { value: "platform" },
          exemptResourceGroups: exempt,
        },
        identity: { type: "SystemAssigned" },
      })),
    );
    // No deny on a missing tag anywhere: the built-in "Require a tag on resource groups" is not assigned.
    expect(byDefinition("96670d01-0a4d-4649-9c89-2d3abc0a5025")).toEqual([]);
    const health = assignment("vp", "Deploy-SvcHealth-BuiltIn");
    expect(
      (health.inputs.parameters as Record<string, { value: unknown }>).additionalTags.value,
    ).toMatchObject({
      department: "platform",
      costCenter: "platform",
    });
  });

  test("limits the department tag to known departments with a custom definition at the top group", () => {
    const def = findResource(captured, T.definition, "pd-Deny-RG-Tag-Values");
    expect(def.inputs).toMatchObject({
      managementGroupId: "vp",
      policyDefinitionName: "Deny-RG-Tag-Values",
      mode: "All",
      policyType: "Custom",
    });
    const a = assignment("vp", "Deny-RG-Dept-Values");
    expect(a.inputs.policyDefinitionId).toBe(
      `${mgId("vp")}/providers/Microsoft.Authorization/policyDefinitions/Deny-RG-Tag-Values`,
    );
    expect(a.inputs.parameters).toEqual({
      tagName: { value: "department" },
      allowedValues: { value: ["platform", "culture", "mobility"] },
      effect: { value: "Deny" },
    });
    expect(a.dependencies).toContain(def.urn);
  });

  test("streams activity logs with an identity that holds its roles at the root and on the workspace", () => {
    const a = assignment("vp", "Deploy-AzActivity-Log");
    expect(a.inputs).toMatchObject({
      identity: { type: "SystemAssigned" },
      location: lz.primaryRegion,
      parameters: { logAnalytics: { value: "log-vp-spaincentral-id" }, logsEnabled: { value: "True" } },
    });
    const roles = ofType(captured, T.role)
      .filter((r) => r.inputs.principalId === "pa-vp-Deploy-AzActivity-Log-principal-id")
      .map((r) => ({
        scope: r.inputs.scope,
        role: r.inputs.roleDefinitionId,
        principalType: r.inputs.principalType,
        dependsOnAssignment: r.dependencies.includes(a.urn),
      }))
      .sort((x, y) => `${x.role}${x.scope}`.localeCompare(`${y.role}${y.scope}`));
    // Monitoring Contributor and Log Analytics Contributor (DataConnectorsAzureActivity.json), at the group and
    // on the workspace, which lives in the management subscription.
    expect(roles).toEqual(
      ["749f88d5-cbae-40b8-bcfc-e573ddc772fa", "92aaf0da-9dab-42b6-94a3-d43ce8d16293"].flatMap((guid) =>
        [mgId("vp"), "log-vp-spaincentral-id"].sort().map((scope) => ({
          scope,
          role: `/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
          principalType: "ServicePrincipal",
          dependsOnAssignment: true,
        })),
      ),
    );
    for (const r of ofType(captured, T.role)) expect(r.inputs.roleAssignmentName).toMatch(/^[0-9a-f-]{36}$/);
    const names = ofType(captured, T.role).map((r) => r.inputs.roleAssignmentName);
    expect(new Set(names).size).toBe(names.length);
  });

  test("denies public IPs in corp the ALZ way (Not allowed resource types + NIC policy)", () => {
    const ip = assignment("vp-corp", "Deny-Public-IP");
    expect(ip.inputs).toMatchObject({
      scope: mgId("vp-corp"),
      policyDefinitionId:
        "/providers/Microsoft.Authorization/policyDefinitions/6c112d4e-5bc7-47ae-a041-ea2d9dccd749",
      parameters: {
        listOfResourceTypesNotAllowed: { value: ["Microsoft.Network/publicIPAddresses"] },
        effect: { value: "Deny" },
      },
    });
    expect(assignment("vp-corp", "Deny-Public-IP-On-NIC").inputs.policyDefinitionId).toBe(
      "/providers/Microsoft.Authorization/policyDefinitions/83a86a26-fd1f-447c-b59d-e51f44264114",
    );
  });

  test("gives every assignment a name of at most 24 characters, a message and enforcement Default", () => {
    for (const a of ofType(captured, T.assignment)) {
      expect(String(a.inputs.policyAssignmentName).length).toBeLessThanOrEqual(24);
      expect(a.inputs.enforcementMode).toBe("Default");
      expect((a.inputs.nonComplianceMessages as unknown[]).length).toBe(1);
    }
  });
});

describe("management and connectivity", () => {
  test("the workspace keeps logs for the configured retention on PerGB2018", () => {
    const ws = findResource(captured, T.workspace, "log-vp-spaincentral");
    expect(ws.inputs).toMatchObject({
      workspaceName: "log-vp-spaincentral",
      resourceGroupName: "rg-vp-mgmt-spaincentral",
      location: "spaincentral",
      retentionInDays: lz.logRetentionDays,
      sku: { name: "PerGB2018" },
    });
    expect(ws.dependencies).toContain(findResource(captured, T.rg, "rg-vp-mgmt-spaincentral").urn);
  });

  test("the activity log goes to the workspace with every category", () => {
    const setting = findResource(captured, T.activity, "diag-vp-activity-log");
    expect(setting.inputs.workspaceId).toBe("log-vp-spaincentral-id");
    expect(
      (setting.inputs.logs as { category: string; enabled: boolean }[]).map((l) => [l.category, l.enabled]),
    ).toEqual(
      [
        "Administrative",
        "Security",
        "ServiceHealth",
        "Alert",
        "Recommendation",
        "Policy",
        "Autoscale",
        "ResourceHealth",
      ].map((c) => [c, true]),
    );
  });

  test("the hub has the definition's address space and inline subnets", () => {
    const hub = findResource(captured, T.vnet, "vnet-vp-hub-spaincentral");
    expect(hub.inputs).toMatchObject({
      virtualNetworkName: "vnet-vp-hub-spaincentral",
      resourceGroupName: "rg-vp-hub-spaincentral",
      location: "spaincentral",
      addressSpace: { addressPrefixes: ["10.20.0.0/22"] },
      subnets: [{ name: "GatewaySubnet", addressPrefix: "10.20.0.0/26" }],
    });
  });

  test("every resource group carries the tags the root policy requires, plus ownership tags", () => {
    const tags = Object.fromEntries(ofType(captured, T.rg).map((rg) => [rg.name, rg.inputs.tags]));
    expect(tags).toEqual({
      "rg-vp-mgmt-spaincentral": {
        managedBy: "tenant-provisioning",
        environment: "test",
        department: "platform",
        costCenter: "platform",
        workload: "management",
      },
      "rg-vp-hub-spaincentral": {
        managedBy: "tenant-provisioning",
        environment: "test",
        department: "platform",
        costCenter: "platform",
        workload: "connectivity",
      },
    });
    for (const type of [T.workspace, T.vnet]) {
      for (const r of ofType(captured, type))
        expect(r.inputs.tags).toMatchObject({ managedBy: "tenant-provisioning", department: "platform" });
    }
  });

  test("resources are created in allowed regions only", () => {
    const located = captured.filter((c) => typeof c.inputs.location === "string" && c.type !== T.assignment);
    // Two resource groups, the workspace, the hub, the agent identity and its three data collection rules.
    expect(located.length).toBe(8);
    for (const r of located) expect(lz.allowedRegions).toContain(r.inputs.location);
  });
});
