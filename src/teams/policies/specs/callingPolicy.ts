/**
 * `pulumi-nodejs:dynamic/tenant-teams:CallingPolicy`: one Teams calling policy (New/Set/Remove-CsTeamsCallingPolicy).
 * Owns only the settings the definition sets; everything else on the policy is left as Teams or an admin set it.
 */

import type { CallingPolicyInputs } from "../../../resourceTypes";
import { definedOnly, pascal } from "../../provider/canonical";
import type { SettingsResourceSpec } from "../../provider/settingsProvider";
import { policyStore } from "../../provider/store";

/** Properties of the resource that are not policy settings: the identity and the provider's bookkeeping. */
const NOT_SETTINGS = new Set(["name", "kind", "settings", "__provider"]);

/** camelCase definition settings → `-PascalCase` cmdlet parameters; `name` is the Identity, not a setting. */
export function callingPolicySettings(inputs: CallingPolicyInputs): Record<string, unknown> {
  return definedOnly(
    Object.fromEntries(
      Object.entries(inputs)
        .filter(([k]) => !NOT_SETTINGS.has(k))
        .map(([k, v]) => [pascal(k), v]),
    ),
  );
}

export const callingPolicySpec: SettingsResourceSpec<CallingPolicyInputs> = {
  store: policyStore("TeamsCallingPolicy"),
  settingsOf: callingPolicySettings,
};
