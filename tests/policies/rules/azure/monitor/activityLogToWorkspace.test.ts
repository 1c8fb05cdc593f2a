import { AZURE } from "../../../../../policies/lib/azure";
import { activityLogToWorkspace } from "../../../../../policies/rules/azure/monitor/activityLogToWorkspace";
import { azureStack } from "../../../helpers/fixtures";
import { changed, runStackPolicy, urnOf } from "../../../helpers/harness";

const setting = "diag-vp-activity-log";

describe("azure-monitor-diagnosticsetting-central-workspace", () => {
  it("accepts the compliant stack", () => {
    expect(runStackPolicy(activityLogToWorkspace, azureStack())).toEqual([]);
  });

  it("accepts a setting that names the workspace by id without a recorded dependency", () => {
    const stack = changed(azureStack(), setting, (e) => ({ ...e, dependsOn: [] }));
    expect(runStackPolicy(activityLogToWorkspace, stack)).toEqual([]);
  });

  it("reports a setting that sends elsewhere", () => {
    const stack = changed(azureStack(), setting, (e) => ({
      ...e,
      dependsOn: [],
      props: {
        ...e.props,
        workspaceId:
          "/subscriptions/x/resourceGroups/y/providers/Microsoft.OperationalInsights/workspaces/other",
      },
    }));
    expect(runStackPolicy(activityLogToWorkspace, stack)).toEqual([
      {
        message: `Activity-log export '${setting}' does not send to the central workspace.`,
        urn: urnOf(AZURE.subscriptionDiagnosticSetting, setting),
      },
    ]);
  });

  it("reports a setting without the Administrative category", () => {
    const stack = changed(azureStack(), setting, (e) => ({
      ...e,
      props: { ...e.props, logs: [{ category: "Administrative", enabled: false }] },
    }));
    expect(runStackPolicy(activityLogToWorkspace, stack).map((v) => v.message)).toEqual([
      `Activity-log export '${setting}' does not enable the 'Administrative' category.`,
    ]);
  });

  it("reports a workspace without an activity-log export", () => {
    const stack = changed(azureStack(), setting, () => undefined);
    expect(runStackPolicy(activityLogToWorkspace, stack)).toEqual([
      { message: "The stack has a Log Analytics workspace but exports no subscription activity log to it." },
    ]);
  });

  it("is not applicable to a stack without a workspace", () => {
    const stack = changed(azureStack(), "log-vp-spaincentral", () => undefined);
    expect(() => runStackPolicy(activityLogToWorkspace, stack)).toThrow(
      `Policy only applies to resources of type '${AZURE.workspace}'`,
    );
  });
});
