/**
 * `pulumi-nodejs:dynamic/tenant-teams:VoiceRoute` (New/Set/Remove-CsOnlineVoiceRoute): which dialled numbers
 * leave through which SBCs, for which PSTN usages.
 */

import type { VoiceRouteInputs } from "../../../resourceTypes";
import { definedOnly } from "../../provider/canonical";
import type { SettingsResourceSpec } from "../../provider/settingsProvider";
import { voiceRouteStore } from "../../provider/store";

export function voiceRouteSettings(i: VoiceRouteInputs): Record<string, unknown> {
  return definedOnly({
    Description: i.description,
    NumberPattern: i.numberPattern,
    OnlinePstnGatewayList: [...i.gateways],
    OnlinePstnUsages: [...i.pstnUsages],
    Priority: i.priority,
  });
}

export const voiceRouteSpec: SettingsResourceSpec<VoiceRouteInputs> = {
  store: voiceRouteStore,
  settingsOf: voiceRouteSettings,
  validate: (i) =>
    Number.isInteger(i.priority) && i.priority >= 0
      ? []
      : [{ property: "priority", reason: "must be a whole number >= 0 (lower wins)" }],
};
