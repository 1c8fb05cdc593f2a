/**
 * `pulumi-nodejs:dynamic/tenant-teams:EmergencyCallRoutingPolicy` (New/Set/Remove-CsTeamsEmergencyCallRoutingPolicy,
 * Direct Routing): which dial strings are emergency calls and which PSTN usage carries them. Teams cannot
 * grant this type to groups, so the layer grants it tenant-wide (GlobalPolicyGrant).
 */

import type { EmergencyCallRoutingPolicyInputs } from "../../../resourceTypes";
import { definedOnly, plainSettings } from "../../provider/canonical";
import type { SettingsResourceSpec } from "../../provider/settingsProvider";
import { policyStore } from "../../provider/store";

export function emergencyCallRoutingPolicySettings(
  i: EmergencyCallRoutingPolicyInputs,
): Record<string, unknown> {
  return definedOnly({
    ...plainSettings(i, ["emergencyNumbers"]),
    // Ordered, as New-CsTeamsEmergencyNumber objects; the mask is one `;`-separated string in Teams.
    EmergencyNumbers: i.emergencyNumbers.map((n) =>
      definedOnly({
        EmergencyDialString: n.emergencyDialString,
        EmergencyDialMask: n.emergencyDialMask.length > 0 ? n.emergencyDialMask.join(";") : undefined,
        OnlinePSTNUsage: n.onlinePstnUsage,
      }),
    ),
  });
}

export const emergencyCallRoutingPolicySpec: SettingsResourceSpec<EmergencyCallRoutingPolicyInputs> = {
  store: policyStore("TeamsEmergencyCallRoutingPolicy"),
  settingsOf: emergencyCallRoutingPolicySettings,
  validate: (i) => {
    const dial = (i.emergencyNumbers ?? []).map((n) => n.emergencyDialString);
    return new Set(dial).size === dial.length
      ? []
      : [{ property: "emergencyNumbers", reason: "each emergencyDialString may appear once" }];
  },
};
