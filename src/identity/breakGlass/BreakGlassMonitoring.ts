import * as aadiam from "@pulumi/azure-native/aadiam";
import * as monitor from "@pulumi/azure-native/monitor";
import * as pulumi from "@pulumi/pulumi";
import type { BreakGlassAccount } from "../../config/schema/identity";
import { diagnosticSettingName, fitName } from "../../naming";
import { COMPONENT_TYPES } from "../../resourceTypes";
import { platformTags } from "../../tags";
import { breakGlassSignInQuery, ENTRA_LOG_CATEGORIES } from "./alertQuery";

export interface BreakGlassMonitoringArgs {
  shortName: string;
  accounts: readonly BreakGlassAccount[];
  /** Resource id of the central Log Analytics workspace (landing-zone layer). */
  workspaceId: pulumi.Input<string>;
  /** Region of the workspace: the alert rule lives beside it. */
  region: string;
  /** Who is mailed when an emergency account signs in. */
  recipients: readonly string[];
}

/**
 * `/subscriptions/…/resourceGroups/<name>/providers/…` → `<name>`. An offline plan of a stack that reads the
 * workspace from its platform stack holds a stand-in (`<stack: landingZone.platform.workspaceId>`,
 * src/render/stackReferenceStub.ts): the plan then names where the group comes from.
 */
export function resourceGroupOf(resourceId: string): string {
  const stub = /^<(.+)>$/.exec(resourceId);
  if (stub) return `<resource group of ${stub[1]}>`;
  const m = /\/resourceGroups\/([^/]+)/i.exec(resourceId);
  if (!m) throw new Error(`not a resource-group scoped id: ${resourceId}`);
  return m[1];
}

/**
 * Every sign-in of a break-glass account raises an alert (issue #16): Entra's sign-in logs go to the central
 * workspace (a tenant-level diagnostic setting), and a log alert on that workspace mails the security contacts
 * within five minutes of one. Nobody should ever sign in with those accounts except in an emergency.
 */
export class BreakGlassMonitoring extends pulumi.ComponentResource {
  static readonly TYPE = COMPONENT_TYPES.breakGlassMonitoring;
  declare readonly entraLogs: aadiam.DiagnosticSetting;
  declare readonly actionGroup: monitor.ActionGroup;
  declare readonly alert: monitor.ScheduledQueryRule;

  constructor(name: string, args: BreakGlassMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super(BreakGlassMonitoring.TYPE, name, {}, opts);
    const { shortName } = args;
    const child = { parent: this };
    const settingName = diagnosticSettingName(shortName, "entra");
    this.entraLogs = new aadiam.DiagnosticSetting(
      settingName,
      {
        name: settingName,
        workspaceId: args.workspaceId,
        logs: ENTRA_LOG_CATEGORIES.map((category) => ({ category, enabled: true })),
      },
      child,
    );
    const resourceGroupName = pulumi.output(args.workspaceId).apply(resourceGroupOf);
    // The management workload's tags, as the workspace beside them has (the stack is the environment).
    const tags = platformTags(pulumi.getStack(), "management");
    const groupName = fitName(`ag-${shortName}-break-glass`, 260);
    this.actionGroup = new monitor.ActionGroup(
      groupName,
      {
        actionGroupName: groupName,
        resourceGroupName,
        location: "Global",
        enabled: true,
        // At most 12 characters: the sender name of the mail and SMS.
        groupShortName: `${shortName}-bglass`.slice(0, 12),
        tags,
        emailReceivers: args.recipients.map((emailAddress, i) => ({
          name: `security-${i + 1}`,
          emailAddress,
          useCommonAlertSchema: true,
        })),
      },
      child,
    );
    const ruleName = fitName(`alert-${shortName}-break-glass-sign-in`, 260);
    this.alert = new monitor.ScheduledQueryRule(
      ruleName,
      {
        ruleName,
        resourceGroupName,
        location: args.region,
        kind: "LogAlert",
        displayName: `${shortName.toUpperCase()}: emergency access account signed in`,
        description:
          "A break-glass account signed in. Confirm it was a declared emergency; if not, treat it as a compromise.",
        severity: 0,
        enabled: true,
        scopes: [args.workspaceId],
        evaluationFrequency: "PT5M",
        windowSize: "PT5M",
        criteria: {
          allOf: [
            {
              query: breakGlassSignInQuery(args.accounts),
              timeAggregation: "Count",
              operator: "GreaterThan",
              threshold: 0,
              failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
            },
          ],
        },
        autoMitigate: false,
        tags,
        actions: { actionGroups: [this.actionGroup.id] },
      },
      { ...child, dependsOn: [this.entraLogs] },
    );
    this.registerOutputs({});
  }
}
