import { AZURE } from "../../../policies/lib/azure";
import { RESOURCE_TYPES } from "../../../src/resourceTypes";
import type {
  DialPlanInputs,
  GroupLicensesInputs,
  GroupPolicyAssignmentsInputs,
  NumberAssignmentsInputs,
} from "../../../src/resourceTypes";
import type { StackEntry } from "./harness";

/**
 * Compliant baselines, one factory per resource type (compliance-policies' `resource.ts`): each test starts
 * from one, changes one field and asserts the exact message or none.
 */

export const tags = (department = "culture", costCenter = "CC-100") => ({
  managedBy: "tenant-provisioning",
  environment: "test",
  department,
  costCenter,
});

export const resourceGroup = (department = "culture") => ({
  resourceGroupName: `rg-vp-${department}`,
  location: "spaincentral",
  tags: tags(department),
});

export const virtualNetwork = (department = "culture") => ({
  virtualNetworkName: `vnet-vp-${department}-spaincentral`,
  resourceGroupName: `rg-vp-${department}`,
  location: "spaincentral",
  addressSpace: { addressPrefixes: ["10.20.4.0/24"] },
  tags: tags(department),
});

export const numberAssignments = (department = "culture"): NumberAssignmentsInputs => ({
  department,
  assignments: [
    {
      userPrincipalName: "ana@villa.example",
      number: "+34915550001",
      numberType: "directRouting",
      emergencyLocation: "town-hall-p0",
      category: "primary",
    },
    {
      userPrincipalName: "pedro@villa.example",
      number: "+34915550002",
      numberType: "directRouting",
      emergencyLocation: "town-hall-p0",
      category: "primary",
    },
  ],
});

export const groupLicenses = (department = "culture", headcount = 40): GroupLicensesInputs => ({
  department,
  groupId: `${department}-group-id`,
  headcount,
  licences: [
    { skuPartNumber: "SPE_E5", disabledPlans: [], seatsOwned: 100 },
    { skuPartNumber: "MCOEV", disabledPlans: [], seatsOwned: 80 },
  ],
});

export const groupPolicyAssignments = (department = "culture"): GroupPolicyAssignmentsInputs => ({
  department,
  groupId: `${department}-group-id`,
  assignments: [
    { policyType: "TeamsCallingPolicy", policyName: "Standard", rank: 10 },
    { policyType: "TeamsEmergencyCallingPolicy", policyName: "Emergency", rank: 10 },
  ],
});

export const dialPlan = (): DialPlanInputs => ({
  name: "ES-Villa",
  normalizationRules: [
    { name: "Extension", pattern: "^(\\d{4})$", translation: "+3491555$1", isInternalExtension: true },
  ],
});

/** The Azure part of a two-department stack, as the landing zone and vending render it. */
export function azureStack(): StackEntry[] {
  const department = (id: string): StackEntry[] => [
    { type: "tenant:department:DepartmentLandingZone", name: id },
    { type: AZURE.resourceGroup, name: `rg-vp-${id}`, parent: id, props: resourceGroup(id) },
    { type: AZURE.virtualNetwork, name: `vnet-vp-${id}`, parent: id, props: virtualNetwork(id) },
    {
      type: AZURE.budget,
      name: `budget-vp-${id}`,
      parent: id,
      dependsOn: [`rg-vp-${id}`],
      props: {
        budgetName: `budget-vp-${id}`,
        scope: `/subscriptions/sub/resourceGroups/rg-vp-${id}`,
        amount: 500,
        category: "Cost",
        timeGrain: "Monthly",
      },
    },
  ];
  return [
    {
      type: AZURE.policyAssignment,
      name: "pa-vp-Deny-Resource-Locations",
      props: {
        scope: "/providers/Microsoft.Management/managementGroups/vp",
        policyDefinitionId:
          "/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c",
        parameters: { listOfAllowedLocations: { value: ["spaincentral", "westeurope"] } },
      },
    },
    {
      type: AZURE.resourceGroup,
      name: "rg-vp-mgmt",
      props: {
        ...resourceGroup("platform"),
        resourceGroupName: "rg-vp-mgmt",
        tags: tags("platform", "platform"),
      },
    },
    {
      type: AZURE.workspace,
      name: "log-vp-spaincentral",
      dependsOn: ["rg-vp-mgmt"],
      props: {
        workspaceName: "log-vp-spaincentral",
        resourceGroupName: "rg-vp-mgmt",
        location: "spaincentral",
        tags: tags("platform", "platform"),
      },
    },
    {
      type: AZURE.subscriptionDiagnosticSetting,
      name: "diag-vp-activity-log",
      dependsOn: ["log-vp-spaincentral"],
      props: {
        name: "diag-vp-activity-log",
        workspaceId:
          "/subscriptions/sub/resourceGroups/rg-vp-mgmt/providers/Microsoft.OperationalInsights/workspaces/log-vp-spaincentral",
        logs: [
          { category: "Administrative", enabled: true },
          { category: "Security", enabled: true },
        ],
      },
    },
    ...department("culture"),
    ...department("mobility"),
  ];
}

/** The Teams and M365 part of a stack: culture has numbers, mobility licences only. */
export function tenantStack(): StackEntry[] {
  return [
    {
      type: RESOURCE_TYPES.groupLicenses,
      name: "licences-culture",
      props: { ...groupLicenses("culture", 40) },
    },
    {
      type: RESOURCE_TYPES.groupLicenses,
      name: "licences-mobility",
      props: { ...groupLicenses("mobility", 30) },
    },
    {
      type: RESOURCE_TYPES.numberAssignments,
      name: "numbers-culture",
      props: { ...numberAssignments("culture") },
    },
    {
      type: RESOURCE_TYPES.groupPolicyAssignments,
      name: "policies-culture",
      props: { ...groupPolicyAssignments("culture") },
    },
  ];
}
