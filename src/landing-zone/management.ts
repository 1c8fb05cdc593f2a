import * as authorization from "@pulumi/azure-native/authorization";
import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as resources from "@pulumi/azure-native/resources";
import type * as pulumi from "@pulumi/pulumi";
import { diagnosticSettingName, logAnalyticsWorkspaceName, platformResourceGroupName } from "../naming";
import type { Tags } from "../tags";

/**
 * The subscription activity-log categories, as the built-in "Configure Azure Activity logs to stream to
 * specified Log Analytics workspace" (2465583e) deploys them, so the setting made here and the one the policy
 * would deploy are the same.
 */
export const ACTIVITY_LOG_CATEGORIES = [
  "Administrative",
  "Security",
  "ServiceHealth",
  "Alert",
  "Recommendation",
  "Policy",
  "Autoscale",
  "ResourceHealth",
] as const;

export interface ManagementArgs {
  shortName: string;
  region: string;
  retentionInDays: number;
  tags: Tags;
}

export interface Management {
  resourceGroup: resources.ResourceGroup;
  lock: authorization.ManagementLockAtResourceGroupLevel;
  workspace: operationalinsights.Workspace;
  activityLog: monitor.SubscriptionDiagnosticSetting;
}

/**
 * The central Log Analytics workspace and the deploying subscription's activity-log export to it.
 * The export is made directly (not left to the DeployIfNotExists policy) so the platform subscription logs
 * from the first deployment; the policy's existence condition (logs enabled, same workspace) is then already
 * met, so it never deploys a second setting beside it.
 */
export function createManagement(args: ManagementArgs, opts: pulumi.CustomResourceOptions): Management {
  const rgName = platformResourceGroupName(args.shortName, "mgmt", args.region);
  // The workspace holds the city's audit trail: protected in Pulumi and locked in Azure against deletion.
  const resourceGroup = new resources.ResourceGroup(
    rgName,
    { resourceGroupName: rgName, location: args.region, tags: args.tags },
    { ...opts, protect: true },
  );
  const lock = new authorization.ManagementLockAtResourceGroupLevel(
    `lock-${rgName}`,
    {
      lockName: "do-not-delete",
      resourceGroupName: resourceGroup.name,
      level: "CanNotDelete",
      notes: "Central Log Analytics workspace (audit trail). Managed by tenant-provisioning.",
    },
    opts,
  );
  const workspaceName = logAnalyticsWorkspaceName(args.shortName, args.region);
  const workspace = new operationalinsights.Workspace(
    workspaceName,
    {
      workspaceName,
      resourceGroupName: resourceGroup.name,
      location: args.region,
      sku: { name: "PerGB2018" },
      retentionInDays: args.retentionInDays,
      tags: args.tags,
    },
    { ...opts, protect: true },
  );
  const settingName = diagnosticSettingName(args.shortName, "activity-log");
  const activityLog = new monitor.SubscriptionDiagnosticSetting(
    settingName,
    {
      name: settingName,
      workspaceId: workspace.id,
      logs: ACTIVITY_LOG_CATEGORIES.map((category) => ({ category, enabled: true })),
    },
    opts,
  );
  return { resourceGroup, lock, workspace, activityLog };
}
