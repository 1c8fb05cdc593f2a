import type { RenderedGraph, RenderedResource } from "../../../src/render/graph";

/** The one resource with this type and logical name; fails with what there is otherwise. */
export function one(graph: RenderedGraph, type: string, name: string): RenderedResource {
  const found = graph.resources.filter((r) => r.type === type && r.name === name);
  if (found.length !== 1) {
    const names = graph.resources.filter((r) => r.type === type).map((r) => r.name);
    throw new Error(
      `expected one ${type} named '${name}', found ${found.length}; there are: ${names.join(", ")}`,
    );
  }
  return found[0];
}

export function ofType(graph: RenderedGraph, type: string): RenderedResource[] {
  return graph.resources.filter((r) => r.type === type);
}

export const T = {
  stack: "pulumi:pulumi:Stack",
  stackReference: "pulumi:pulumi:StackReference",
  provider: "pulumi:providers:azure-native",
  landingZone: "tenant:landingZone:LandingZone",
  departmentZone: "tenant:department:DepartmentLandingZone",
  departmentNetwork: "tenant:department:DepartmentNetwork",
  placement: "tenant:department:SubscriptionPlacement",
  departmentIdentity: "tenant:identity:DepartmentIdentity",
  resourceGroup: "azure-native:resources:ResourceGroup",
  vnet: "azure-native:network:VirtualNetwork",
  peering: "azure-native:network:VirtualNetworkPeering",
  budget: "azure-native:consumption:Budget",
  roleAssignment: "azure-native:authorization:RoleAssignment",
  roleEligibility: "azure-native:authorization:PimRoleEligibilitySchedule",
  mgSubscription: "azure-native:management:ManagementGroupSubscription",
  managementGroup: "azure-native:management:ManagementGroup",
  group: "azuread:index/group:Group",
} as const;
