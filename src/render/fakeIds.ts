import { createHash } from "node:crypto";

/** The subscription the mocks pretend to deploy into (what `getClientConfig` answers). */
export const MOCK_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
export const MOCK_TENANT_ID = "00000000-0000-0000-0000-0000000000aa";

/** A stable GUID-shaped id from a seed: same definition, same ids, so two renders compare line by line. */
export function fakeGuid(seed: string): string {
  const h = createHash("sha256").update(`render:${seed}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The object id a rendered `getUsers` gives a UPN (UPNs compare case-insensitively, as in Entra). */
export function renderedUserObjectId(upn: string): string {
  return fakeGuid(`user:${upn.toLowerCase()}`);
}

/** The object id of the identity running the deployment, as the rendered `getClientConfig` answers it. */
export const RENDERED_DEPLOYER_OBJECT_ID = fakeGuid("deployer");

type Inputs = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const rg = (sub: string, inputs: Inputs) =>
  `/subscriptions/${sub}/resourceGroups/${str(inputs.resourceGroupName) ?? "unknown"}`;

/**
 * ARM id shapes of the azure-native resources the program creates, so values that flow from one resource's id
 * into another's inputs (budget and role scopes, peering remotes) read like real ones in a plan.
 */
const ARM_IDS: Record<string, (sub: string, inputs: Inputs, name: string) => string> = {
  "azure-native:resources:ResourceGroup": (sub, _i, name) => `/subscriptions/${sub}/resourceGroups/${name}`,
  "azure-native:network:VirtualNetwork": (sub, i, name) =>
    `${rg(sub, i)}/providers/Microsoft.Network/virtualNetworks/${name}`,
  "azure-native:network:VirtualNetworkPeering": (sub, i, name) =>
    `${rg(sub, i)}/providers/Microsoft.Network/virtualNetworks/${str(i.virtualNetworkName)}/virtualNetworkPeerings/${name}`,
  "azure-native:network:Subnet": (sub, i, name) =>
    `${rg(sub, i)}/providers/Microsoft.Network/virtualNetworks/${str(i.virtualNetworkName)}/subnets/${name}`,
  "azure-native:operationalinsights:Workspace": (sub, i, name) =>
    `${rg(sub, i)}/providers/Microsoft.OperationalInsights/workspaces/${name}`,
  "azure-native:management:ManagementGroup": (_s, _i, name) =>
    `/providers/Microsoft.Management/managementGroups/${name}`,
  "azure-native:management:ManagementGroupSubscription": (sub, i) =>
    `/providers/Microsoft.Management/managementGroups/${str(i.groupId)}/subscriptions/${sub}`,
  "azure-native:consumption:Budget": (_s, i, name) =>
    `${str(i.scope)}/providers/Microsoft.Consumption/budgets/${name}`,
  "azure-native:authorization:RoleAssignment": (_s, i, name) =>
    `${str(i.scope)}/providers/Microsoft.Authorization/roleAssignments/${name}`,
  "azure-native:authorization:PimRoleEligibilitySchedule": (_s, i, name) =>
    `${str(i.scope)}/providers/Microsoft.Authorization/roleEligibilitySchedules/${name}`,
  "azure-native:authorization:PolicyAssignment": (_s, i, name) =>
    `${str(i.scope)}/providers/Microsoft.Authorization/policyAssignments/${name}`,
  "azure-native:authorization:PolicyDefinitionAtManagementGroup": (_s, i, name) =>
    `/providers/Microsoft.Management/managementGroups/${str(i.managementGroupId)}/providers/Microsoft.Authorization/policyDefinitions/${name}`,
  "azure-native:monitor:SubscriptionDiagnosticSetting": (sub, _i, name) =>
    `/subscriptions/${sub}/providers/Microsoft.Insights/diagnosticSettings/${name}`,
};

/**
 * The Azure name an azure-native resource gets: its `<resource>Name` input (`resourceGroupName` for a
 * ResourceGroup, `virtualNetworkName` for a VirtualNetwork, `groupId` for a management group), else the
 * logical name (azure-native would add a random suffix; a plan shows the stable part).
 */
export function azureName(type: string, inputs: Inputs, logicalName: string): string {
  const cls = type.split(":").pop() ?? "";
  const candidates = [`${cls[0]?.toLowerCase()}${cls.slice(1)}Name`, "groupId", "name"];
  if (cls.endsWith("AtManagementGroup"))
    candidates.unshift(`${cls[0]?.toLowerCase()}${cls.slice(1, -"AtManagementGroup".length)}Name`);
  if (cls === "ResourceGroup") candidates.unshift("resourceGroupName");
  for (const key of candidates) {
    const v = str(inputs[key]);
    if (v) return v;
  }
  return logicalName;
}

/** A plausible id for a resource the mocks "create". */
export function fakeResourceId(
  type: string,
  inputs: Inputs,
  logicalName: string,
  subscriptionId: string,
): string {
  if (type.startsWith("azuread:")) return fakeGuid(`${type}::${logicalName}`);
  const arm = ARM_IDS[type];
  const name = azureName(type, inputs, logicalName);
  if (arm) return arm(subscriptionId, inputs, name);
  if (type.startsWith("azure-native:")) {
    const [, module, cls] = type.split(":");
    const base =
      typeof inputs.scope === "string"
        ? inputs.scope
        : typeof inputs.resourceGroupName === "string"
          ? rg(subscriptionId, inputs)
          : `/subscriptions/${subscriptionId}`;
    return `${base}/providers/Microsoft.${module}/${cls}/${name}`;
  }
  return `${logicalName}-id`;
}
