/**
 * `pulumi-nodejs:dynamic/tenant-teams:VoiceRoutingPolicy` (New/Set/Remove-CsOnlineVoiceRoutingPolicy): the
 * ordered PSTN usages a user's calls may take. The order is the preference, so a reorder is a change.
 */

import type { VoiceRoutingPolicyInputs } from "../../../resourceTypes";
import { definedOnly, plainSettings } from "../../provider/canonical";
import type { SettingsResourceSpec } from "../../provider/settingsProvider";
import { policyStore } from "../../provider/store";

export function voiceRoutingPolicySettings(i: VoiceRoutingPolicyInputs): Record<string, unknown> {
  // `pstnUsages` is `-OnlinePstnUsages` in the cmdlet.
  return definedOnly({ ...plainSettings(i, ["pstnUsages"]), OnlinePstnUsages: [...i.pstnUsages] });
}

export const voiceRoutingPolicySpec: SettingsResourceSpec<VoiceRoutingPolicyInputs> = {
  store: policyStore("OnlineVoiceRoutingPolicy"),
  settingsOf: voiceRoutingPolicySettings,
};
