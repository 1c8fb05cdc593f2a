import type { PolicyResource } from "@pulumi/policy";
import { AZURE } from "../../../lib/azure";
import { definePolicy, validateStackWithToken } from "../../../lib/define";
import { ofType } from "../../../lib/resources";

/** True when `setting` targets `workspace`: by dependency (no unknown to read) or by the workspace's name in its id. */
function targets(setting: PolicyResource, workspace: PolicyResource): boolean {
  if (setting.dependencies.some((d) => d.urn === workspace.urn)) return true;
  const target = setting.props.workspaceId;
  const name = workspace.props.workspaceName ?? workspace.props.name ?? workspace.name;
  return (
    typeof target === "string" &&
    typeof name === "string" &&
    target.toLowerCase().endsWith(`/workspaces/${name.toLowerCase()}`)
  );
}

/**
 * The subscription activity log is exported to the central Log Analytics workspace.
 */
export const activityLogToWorkspace = definePolicy(
  {
    id: "azure-monitor-diagnosticsetting-central-workspace",
    vendor: "azure",
    service: "monitor",
    kind: "stack",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "The subscription activity log is exported to the central Log Analytics workspace.",
    rationale:
      "Who changed what in Azure is evidence for incident response and audits; the security team searches one " +
      "workspace, so every activity-log and diagnostic export must reach it with the Administrative category on.",
    remediation:
      "Keep the landing zone's activity-log diagnostic setting pointed at the central workspace " +
      "(src/landing-zone/management.ts) with the Administrative category enabled.",
    topics: ["logging", "audit"],
    frameworks: ["ENS op.exp.8"],
  },
  {
    // Why a stack policy: a diagnostic setting only names the workspace by id; whether that is *the* central
    // workspace needs both resources. The token makes the engine skip stacks without a workspace (layers that
    // read the landing zone from another stack).
    validateStack: validateStackWithToken(AZURE.workspace, (args, reportViolation) => {
      const workspaces = ofType(args.resources, AZURE.workspace);
      const activityLogs = ofType(args.resources, AZURE.subscriptionDiagnosticSetting);
      if (activityLogs.length === 0) {
        reportViolation(
          "The stack has a Log Analytics workspace but exports no subscription activity log to it.",
        );
      }
      for (const s of activityLogs) {
        if (!workspaces.some((w) => targets(s, w))) {
          reportViolation(`Activity-log export '${s.name}' does not send to the central workspace.`, s.urn);
        }
        const logs = Array.isArray(s.props.logs)
          ? (s.props.logs as { category?: string; enabled?: boolean }[])
          : [];
        if (!logs.some((l) => l.category === "Administrative" && l.enabled === true)) {
          reportViolation(
            `Activity-log export '${s.name}' does not enable the 'Administrative' category.`,
            s.urn,
          );
        }
      }
      for (const s of ofType(args.resources, AZURE.diagnosticSetting)) {
        if (!workspaces.some((w) => targets(s, w))) {
          reportViolation(`Diagnostic setting '${s.name}' does not send to the central workspace.`, s.urn);
        }
      }
    }),
  },
);
