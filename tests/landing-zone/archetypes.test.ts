import { ARCHETYPES, type ManagementGroup } from "../../src/config/schema/landingZone";
import { ARCHETYPE_ASSIGNMENTS, type BaselineContext } from "../../src/landing-zone/archetypes";
import { planAssignments } from "../../src/landing-zone/policyBaseline";

const ctx: BaselineContext = {
  allowedRegions: ["spaincentral", "westeurope"],
  primaryRegion: "spaincentral",
  workspaceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log",
  departmentIds: ["culture"],
};
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

test("remediating assignments (with roles) are exactly those whose policy deploys", () => {
  const withRoles = Object.values(ARCHETYPE_ASSIGNMENTS)
    .flat()
    .filter((s) => (s.remediationRoles ?? []).length > 0)
    .map((s) => s.key);
  expect(withRoles).toEqual(["Deploy-AzActivity-Log"]);
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
    "top/Deny-RG-Dept-Values",
    "top/Audit-ResourceRGLocation",
    "top/Deploy-AzActivity-Log",
    "top/Deny-UnmanagedDisk",
    "top/Deploy-ASC-Monitoring",
    "corp/Deny-Public-IP",
    "corp/Deny-Public-IP-On-NIC",
    "corp/Deny-HybridNetworking",
    "id/Deny-Public-IP",
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
  ]);
});

test("a group without archetypes gets nothing", () => {
  expect(planAssignments([mg("g", undefined, [])], ctx)).toEqual([]);
});
