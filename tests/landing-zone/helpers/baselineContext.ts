import type { BaselineContext } from "../../../src/landing-zone/assignmentSpec";

const RG = "/subscriptions/s/resourceGroups/rg/providers";

/**
 * A policy baseline context with realistic ARM ids (the platform resources the parameter builders point at), for
 * tests of the assignments' parameters, write scopes and remediation. A test overrides what it is about.
 */
export function baselineContext(overrides: Partial<BaselineContext> = {}): BaselineContext {
  return {
    allowedRegions: ["spaincentral", "westeurope"],
    primaryRegion: "spaincentral",
    workspaceId: `${RG}/Microsoft.OperationalInsights/workspaces/log`,
    departmentIds: ["culture"],
    amaIdentityId: `${RG}/Microsoft.ManagedIdentity/userAssignedIdentities/id-ama`,
    dataCollectionRuleIds: {
      vmInsights: `${RG}/Microsoft.Insights/dataCollectionRules/dcr-vmi`,
      changeTracking: `${RG}/Microsoft.Insights/dataCollectionRules/dcr-ct`,
      defenderSql: `${RG}/Microsoft.Insights/dataCollectionRules/dcr-sql`,
    },
    hubVirtualNetworkId:
      "/subscriptions/c/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub",
    alertEmails: ["soc@example.org"],
    ...overrides,
  };
}
