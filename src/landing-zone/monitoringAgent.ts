import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as monitor from "@pulumi/azure-native/monitor";
import type * as pulumi from "@pulumi/pulumi";
import { fitName } from "../naming";
import type { Tags } from "../tags";

/**
 * What the Azure Monitor Agent policies of ALZ point at (its `ama_*` default values, Azure-Landing-Zones-Library
 * platform/alz/alz_policy_default_values.json @ faae8cc): one user-assigned identity the agents run as, and three
 * data collection rules (VM insights, change tracking, Defender for SQL), all beside the central workspace.
 */
export interface MonitoringAgentArgs {
  shortName: string;
  region: string;
  resourceGroupName: pulumi.Input<string>;
  workspaceId: pulumi.Input<string>;
  tags: Tags;
}

export interface MonitoringAgent {
  identity: managedidentity.UserAssignedIdentity;
  vmInsights: monitor.DataCollectionRule;
  changeTracking: monitor.DataCollectionRule;
  defenderSql: monitor.DataCollectionRule;
}

const CHANGE_TRACKING_STREAMS = [
  "Microsoft-ConfigurationChange",
  "Microsoft-ConfigurationChangeV2",
  "Microsoft-ConfigurationData",
];

const DEFENDER_SQL_STREAMS = [
  "Microsoft-DefenderForSqlAlerts",
  "Microsoft-DefenderForSqlLogins",
  "Microsoft-DefenderForSqlTelemetry",
  "Microsoft-DefenderForSqlScanEvents",
  "Microsoft-DefenderForSqlScanResults",
  "Microsoft-SqlAtpStatus-DefenderForSql",
];

/** `<kind>-<short>-<what>-<region>`, at most 64 characters (data collection rules and identities allow more). */
const name = (kind: string, shortName: string, what: string, region: string) =>
  fitName([kind, shortName, what, region].join("-"), 64);

export function createMonitoringAgent(
  args: MonitoringAgentArgs,
  opts: pulumi.CustomResourceOptions,
): MonitoringAgent {
  const common = { resourceGroupName: args.resourceGroupName, location: args.region, tags: args.tags };
  const identityName = name("id", args.shortName, "ama", args.region);
  const identity = new managedidentity.UserAssignedIdentity(
    identityName,
    { ...common, resourceName: identityName },
    opts,
  );
  const rule = (
    what: string,
    description: string,
    body: Omit<monitor.DataCollectionRuleArgs, "resourceGroupName">,
  ) => {
    const ruleName = name("dcr", args.shortName, what, args.region);
    return new monitor.DataCollectionRule(
      ruleName,
      { ...common, ...body, dataCollectionRuleName: ruleName, description },
      opts,
    );
  };
  const toWorkspace = (destination: string) => ({
    logAnalytics: [{ name: destination, workspaceResourceId: args.workspaceId }],
  });
  // The rule the built-in "VMInsights_AMA_Deploy_DCR_DCRA_VM" (azure-policy @ f4a50ba) would create with the
  // dependency map on: performance counters and the Dependency Agent's service map.
  const vmInsights = rule("vminsights", "Data collection rule for VM insights.", {
    dataSources: {
      performanceCounters: [
        {
          name: "VMInsightsPerfCounters",
          streams: ["Microsoft-InsightsMetrics"],
          samplingFrequencyInSeconds: 60,
          counterSpecifiers: ["\\VmInsights\\DetailedMetrics"],
        },
      ],
      extensions: [
        {
          name: "DependencyAgentDataSource",
          extensionName: "DependencyAgent",
          streams: ["Microsoft-ServiceMap"],
          extensionSettings: {},
        },
      ],
    },
    destinations: toWorkspace("VMInsightsPerf-Logs-Dest"),
    dataFlows: [
      { streams: ["Microsoft-InsightsMetrics"], destinations: ["VMInsightsPerf-Logs-Dest"] },
      { streams: ["Microsoft-ServiceMap"], destinations: ["VMInsightsPerf-Logs-Dest"] },
    ],
  });
  // Change tracking and inventory, as Microsoft's sample rule (MicrosoftDocs/azure-docs
  // articles/automation/change-tracking/change-tracking-data-collection-rule-creation.md @ 1cf63ef) sets it up,
  // without its registry keys (all disabled there).
  const changeTracking = rule("changetracking", "Data collection rule for change tracking and inventory.", {
    dataSources: {
      extensions: [
        {
          name: "CTDataSource-Windows",
          extensionName: "ChangeTracking-Windows",
          streams: CHANGE_TRACKING_STREAMS,
          extensionSettings: {
            enableFiles: true,
            enableSoftware: true,
            enableRegistry: true,
            enableServices: true,
            enableInventory: true,
            fileSettings: { fileCollectionFrequency: 2700 },
            softwareSettings: { softwareCollectionFrequency: 1800 },
            inventorySettings: { inventoryCollectionFrequency: 36000 },
            servicesSettings: { serviceCollectionFrequency: 1800 },
          },
        },
        {
          name: "CTDataSource-Linux",
          extensionName: "ChangeTracking-Linux",
          streams: CHANGE_TRACKING_STREAMS,
          extensionSettings: {
            enableFiles: true,
            enableSoftware: true,
            enableRegistry: false,
            enableServices: true,
            enableInventory: true,
            fileSettings: { fileCollectionFrequency: 900 },
            softwareSettings: { softwareCollectionFrequency: 300 },
            inventorySettings: { inventoryCollectionFrequency: 36000 },
            servicesSettings: { serviceCollectionFrequency: 300 },
          },
        },
      ],
    },
    destinations: toWorkspace("Microsoft-CT-Dest"),
    dataFlows: [{ streams: CHANGE_TRACKING_STREAMS, destinations: ["Microsoft-CT-Dest"] }],
  });
  // The rule the built-in "MDC_DfSQL_AMA_UserWorkspacePipeline_VM" (azure-policy @ f4a50ba) would create.
  const defenderSql = rule("defendersql", "Data collection rule for Microsoft Defender for SQL.", {
    dataSources: {
      extensions: [
        {
          name: "MicrosoftDefenderForSQL",
          extensionName: "MicrosoftDefenderForSQL",
          streams: DEFENDER_SQL_STREAMS,
          extensionSettings: { enableCollectionOfSqlQueriesForSecurityResearch: false },
        },
      ],
    },
    destinations: toWorkspace("LogAnalyticsDest"),
    dataFlows: [{ streams: DEFENDER_SQL_STREAMS, destinations: ["LogAnalyticsDest"] }],
  });
  return { identity, vmInsights, changeTracking, defenderSql };
}
