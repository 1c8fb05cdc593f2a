import { ARCHETYPES, type ManagementGroup } from "../../src/config/schema/landingZone";
import { ARCHETYPE_ASSIGNMENTS } from "../../src/landing-zone/archetypes";
import { planAssignments } from "../../src/landing-zone/policyBaseline";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { baselineContext } from "./helpers/baselineContext";

const BUILT_INS = JSON.parse(readFileSync(join(__dirname, "reference", "builtin-policies.json"), "utf8")) as {
  name: string;
  effects: string[];
}[];

const ctx = baselineContext();
const mg = (
  id: string,
  parent: string | undefined,
  archetypes: ManagementGroup["archetypes"],
): ManagementGroup => ({
  id,
  displayName: id,
  parent,
  archetypes,
});

test("the table covers every archetype of the schema", () => {
  expect(Object.keys(ARCHETYPE_ASSIGNMENTS).sort()).toEqual([...ARCHETYPES].sort());
});

test("assignment keys are unique within an archetype and fit Azure's 24 characters unchanged", () => {
  for (const specs of Object.values(ARCHETYPE_ASSIGNMENTS)) {
    const keys = specs.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key.length).toBeLessThanOrEqual(24);
  }
});

test("remediating assignments (with roles) are exactly those whose policy can deploy or modify", () => {
  const effectsOf = new Map(BUILT_INS.map((b) => [b.name, b.effects.map((e) => e.toLowerCase())]));
  for (const spec of Object.values(ARCHETYPE_ASSIGNMENTS).flat()) {
    if (!("builtIn" in spec.policy)) continue;
    const deploys = (effectsOf.get(spec.policy.name) ?? []).some(
      (e) => e === "deployifnotexists" || e === "modify",
    );
    expect({ key: spec.key, identity: (spec.remediationRoles ?? []).length > 0 }).toEqual({
      key: spec.key,
      identity: deploys,
    });
  }
});

test("planAssignments resolves the table per group, custom ids at the top group", () => {
  const plan = planAssignments(
    [mg("corp", "top", ["corp"]), mg("top", undefined, ["root"]), mg("id", "top", ["identity"])],
    ctx,
  );
  expect(plan.map((p) => `${p.groupId}/${p.name}`)).toEqual([
    "top/Deny-Resource-Locations",
    "top/Deny-RG-Locations",
    "top/Req-RG-Tag-department",
    "top/Req-RG-Tag-costCenter",
    "top/Tag-AzureRG-department",
    "top/Tag-AzureRG-costCenter",
    "top/Deny-RG-Dept-Values",
    "top/Audit-ResourceRGLocation",
    "top/Deploy-AzActivity-Log",
    "top/Deny-UnmanagedDisk",
    "top/Deploy-ASC-Monitoring",
    "top/Deny-Classic-Resources",
    "top/Audit-ZoneResiliency",
    "top/Deploy-Diag-LogsCat",
    "top/Deploy-MCSB2-Monitoring",
    "top/Deploy-MDEndpoints",
    "top/Deploy-MDEndpointsAMA",
    "top/Deploy-MDFC-OssDb",
    "top/Deploy-MDFC-SqlAtp",
    "top/Deploy-SvcHealth-BuiltIn",
    "corp/Deny-Public-IP",
    "corp/Deny-Public-IP-On-NIC",
    "corp/Deny-HybridNetworking",
    "id/Deny-Public-IP",
    "id/Deploy-VM-Backup",
  ]);
  const dept = plan.find((p) => p.name === "Deny-RG-Dept-Values")!;
  expect(dept.policyDefinitionId).toBe(
    "/providers/Microsoft.Management/managementGroups/top/providers/Microsoft.Authorization/policyDefinitions/Deny-RG-Tag-Values",
  );
  expect(plan.find((p) => p.name === "Deploy-AzActivity-Log")!.parameters).toEqual({
    logAnalytics: { value: ctx.workspaceId },
    logsEnabled: { value: "True" },
  });
});

test("a group with two archetypes sharing an assignment gets it once", () => {
  const plan = planAssignments([mg("g", undefined, ["corp", "identity"])], ctx);
  expect(plan.map((p) => p.name)).toEqual([
    "Deny-Public-IP",
    "Deny-Public-IP-On-NIC",
    "Deny-HybridNetworking",
    "Deploy-VM-Backup",
  ]);
});

test("the agent policies point at the city's rules and identity, and grant their roles there too", () => {
  const plan = planAssignments([mg("lz", undefined, ["landingZones"])], ctx);
  const vm = plan.find((p) => p.name === "Deploy-VM-Monitoring")!;
  expect(vm.parameters).toMatchObject({
    dcrResourceId: { value: ctx.dataCollectionRuleIds.vmInsights },
    userAssignedIdentityResourceId: { value: ctx.amaIdentityId },
    bringYourOwnUserAssignedManagedIdentity: { value: true },
  });
  expect(vm.spec.writeScopes?.(ctx)).toEqual([ctx.dataCollectionRuleIds.vmInsights, ctx.amaIdentityId]);
  const sqlAudit = plan.find((p) => p.name === "Deploy-AzSqlDb-Auditing")!;
  expect(sqlAudit.spec.writeScopes?.(ctx)).toEqual([ctx.workspaceId]);
});

test("a group without archetypes gets nothing", () => {
  expect(planAssignments([mg("g", undefined, [])], ctx)).toEqual([]);
});

test("sandbox and decommissioned groups get ALZ's guardrails", () => {
  const plan = planAssignments(
    [mg("top", undefined, ["root"]), mg("sb", "top", ["sandbox"]), mg("dc", "top", ["decommissioned"])],
    ctx,
  );
  const at = (group: string) => plan.filter((p) => p.groupId === group);
  expect(at("sb").map((p) => p.name)).toEqual(["Deny-HybridNetworking", "Deny-VNET-Peer-Cross-Sub"]);
  const peering = at("sb")[1];
  expect(peering.policyDefinitionId).toBe(
    "/providers/Microsoft.Management/managementGroups/top/providers/Microsoft.Authorization/policyDefinitions/Deny-VNET-Peer-Cross-Sub",
  );
  // The city's spokes peer with the hub; any other network outside the subscription is refused.
  expect(peering.parameters).toEqual({
    allowedVnets: { value: [ctx.hubVirtualNetworkId] },
    effect: { value: "Deny" },
  });
  // ALZ's Enforce-ALZ-Decomm as its two members: the deny and the VM auto-shutdown.
  expect(at("dc").map((p) => p.name)).toEqual(["Deny-Decomm-Resources", "Deploy-Decomm-VM-Shutdn"]);
  const [decomm, shutdown] = at("dc");
  expect(shutdown.policyDefinitionId).toBe(
    "/providers/Microsoft.Management/managementGroups/top/providers/Microsoft.Authorization/policyDefinitions/Deploy-Vm-autoShutdown",
  );
  // ALZ's set passes the member no parameters: its defaults (00:00 UTC, no notification) apply.
  expect(shutdown.parameters).toBeUndefined();
  expect(shutdown.spec.remediationRoles).toEqual(["9980e02c-c2be-4d73-94e8-173b1dc7cf3c"]);
  expect(decomm.policyDefinitionId).toBe(
    "/providers/Microsoft.Authorization/policyDefinitions/a08ec900-254a-4555-9bf5-e42af04b5c5c",
  );
  const allowed = decomm.parameters?.listOfResourceTypesAllowed.value as string[];
  expect(allowed).toContain("microsoft.authorization/locks");
  expect(allowed.some((t) => t.startsWith("microsoft.compute") || t.startsWith("microsoft.network"))).toBe(
    false,
  );
});
