import { RESOURCE_TYPES } from "../resourceTypes";

/**
 * Which input changes force a replacement ("likely replace"). Offline we cannot ask a provider, so this is a
 * small documented table, not the providers' truth:
 * - azure-native: the properties that name or place a resource (its `<Class>Name`, `resourceGroupName`,
 *   `location`) are part of its ARM id, so a change means a new resource; plus the immutable ones listed.
 * - azuread: the ForceNew properties the azuread provider documents for the types the program uses.
 * - The toolkit's dynamic resources: the `replaces` their providers' `diff` returns (the contract in
 *   src/resourceTypes.ts: a batch belongs to one department and one group).
 * Everything else is reported as an in-place update; `pulumi preview` is the authority.
 */
const REPLACE_ON_CHANGE: Record<string, readonly string[]> = {
  "azure-native:resources:ResourceGroup": ["resourceGroupName", "location"],
  "azure-native:network:VirtualNetwork": ["virtualNetworkName", "resourceGroupName", "location"],
  "azure-native:network:VirtualNetworkPeering": [
    "virtualNetworkPeeringName",
    "virtualNetworkName",
    "resourceGroupName",
  ],
  "azure-native:network:Subnet": ["subnetName", "virtualNetworkName", "resourceGroupName"],
  "azure-native:consumption:Budget": ["budgetName", "scope"],
  // A role assignment cannot be edited in Azure: any change of who, what or where is a new assignment.
  "azure-native:authorization:RoleAssignment": [
    "roleAssignmentName",
    "scope",
    "principalId",
    "roleDefinitionId",
  ],
  // An eligibility is defined by scope, principal and role (PimRoleEligibilitySchedule's documentation).
  "azure-native:authorization:PimRoleEligibilitySchedule": ["scope", "principalId", "roleDefinitionId"],
  "azure-native:authorization:PolicyAssignment": ["policyAssignmentName", "scope"],
  "azure-native:authorization:PolicyDefinitionAtManagementGroup": [
    "policyDefinitionName",
    "managementGroupId",
  ],
  "azure-native:management:ManagementGroup": ["groupId"],
  "azure-native:management:ManagementGroupSubscription": ["groupId", "subscriptionId"],
  "azure-native:operationalinsights:Workspace": ["workspaceName", "resourceGroupName", "location"],
  "azure-native:monitor:SubscriptionDiagnosticSetting": ["name"],
  "azuread:index/group:Group": ["assignableToRole"],
  [RESOURCE_TYPES.groupLicenses]: ["department", "groupId"],
  [RESOURCE_TYPES.numberAssignments]: ["department"],
  [RESOURCE_TYPES.groupPolicyAssignments]: ["department", "groupId"],
};

/** azure-native properties that name or place any resource (a fallback for types not in the table). */
const AZURE_NATIVE_PLACEMENT = ["resourceGroupName", "location"];

/** The replace-on-change property paths of a type (top-level input names). */
export function replaceProperties(type: string): readonly string[] {
  const listed = REPLACE_ON_CHANGE[type];
  if (listed) return listed;
  if (type.startsWith("azure-native:")) {
    const cls = type.split(":").pop() ?? "";
    return [...AZURE_NATIVE_PLACEMENT, `${cls.charAt(0).toLowerCase()}${cls.slice(1)}Name`];
  }
  return [];
}

/** True when a change at `path` (e.g. `location`, `tags.x`) touches a replace-on-change property of `type`. */
export function forcesReplace(type: string, path: string): boolean {
  const top = path.split(/[.[]/, 1)[0] ?? path;
  return replaceProperties(type).includes(top);
}
