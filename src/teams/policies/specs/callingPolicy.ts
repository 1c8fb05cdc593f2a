/**
 * `pulumi-nodejs:dynamic/tenant-teams:CallingPolicy`: one Teams calling policy (New/Set/Remove-CsTeamsCallingPolicy).
 * Owns only the settings the definition sets; everything else on the policy is left as Teams or an admin set it.
 */

import type { CallingPolicyInputs } from "../../../resourceTypes";
import { plainSettings } from "../../provider/canonical";
import type { SettingsResourceSpec } from "../../provider/settingsProvider";
import { policyStore } from "../../provider/store";

/** camelCase definition settings → `-PascalCase` cmdlet parameters; `name` is the Identity, not a setting. */
export function callingPolicySettings(inputs: CallingPolicyInputs): Record<string, unknown> {
  return plainSettings(inputs);
}

export const callingPolicySpec: SettingsResourceSpec<CallingPolicyInputs> = {
  store: policyStore("TeamsCallingPolicy"),
  settingsOf: callingPolicySettings,
};
