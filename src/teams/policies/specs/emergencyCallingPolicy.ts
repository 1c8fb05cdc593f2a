/**
 * `pulumi-nodejs:dynamic/tenant-teams:EmergencyCallingPolicy` (New/Set/Remove-CsTeamsEmergencyCallingPolicy):
 * who is told of an emergency call and how.
 */

import type { EmergencyCallingPolicyInputs } from "../../../resourceTypes";
import { definedOnly, plainSettings } from "../../provider/canonical";
import type { SettingsResourceSpec } from "../../provider/settingsProvider";
import { policyStore } from "../../provider/store";

export function emergencyCallingPolicySettings(i: EmergencyCallingPolicyInputs): Record<string, unknown> {
  return definedOnly({
    ...plainSettings(i, ["notificationGroup"]),
    // Teams keeps the group as one `a@x;b@x` string; sending that form makes the read-back compare equal.
    NotificationGroup:
      i.notificationGroup && i.notificationGroup.length > 0 ? i.notificationGroup.join(";") : undefined,
  });
}

export const emergencyCallingPolicySpec: SettingsResourceSpec<EmergencyCallingPolicyInputs> = {
  store: policyStore("TeamsEmergencyCallingPolicy"),
  settingsOf: emergencyCallingPolicySettings,
  validate: (i) =>
    (i.notificationGroup?.length ?? 0) > 10
      ? [{ property: "notificationGroup", reason: "at most 10 addresses (a Teams limit)" }]
      : [],
};
