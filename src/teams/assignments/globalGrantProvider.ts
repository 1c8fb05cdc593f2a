/**
 * `pulumi-nodejs:dynamic/tenant-teams:GlobalPolicyGrant`: `Grant-Cs<Policy> -Global -PolicyName <name>`, the
 * tenant default of one policy type. Used for the emergency call routing policy, which Teams cannot grant to
 * groups (graph-teams-licensing.md §3.5), so the definition grants it tenant-wide
 * (`teamsVoice.globalEmergencyCallRoutingPolicy`).
 *
 * What the grant does, as documented (office-docs-powershell teams/teams-ps/MicrosoftTeams/
 * Grant-CsTeamsEmergencyCallRoutingPolicy.md @ 93336da, -Global): "Sets the parameters of the Global policy
 * instance to the values in the specified policy instance" — a COPY, not a pointer. So:
 * - create remembers Global's settings first (`restoreSettings`), then grants;
 * - a change of the named policy's settings (`settings` input) grants again, since Global keeps the old copy;
 * - delete resets Global with `Remove-Cs… -Identity Global`, then puts the remembered settings back with
 *   Set-Cs… -Identity Global ("resets the … Global policy instance to its default values",
 *   Remove-CsTeamsEmergencyCallRoutingPolicy.md Example 2). `-PolicyName $null` is documented only for a
 *   user's assignment and is never sent.
 * The named policy does not stay in use by the grant: it can be deleted independently.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { GlobalPolicyGrantInputs, GlobalPolicyGrantOutputs } from "../../resourceTypes";
import { sameValue } from "../provider/canonical";
import {
  configureFrom,
  teamsAdminFor,
  type TeamsProviderOptions,
  type TeamsStackSettings,
} from "../provider/context";

export type GlobalPolicyGrantProvider = pulumi.dynamic.ResourceProvider<
  GlobalPolicyGrantInputs,
  GlobalPolicyGrantOutputs
>;

export function createGlobalPolicyGrantProvider(
  options: TeamsProviderOptions = {},
): GlobalPolicyGrantProvider {
  const stack: TeamsStackSettings = {};
  const admin = () => teamsAdminFor(options, stack);
  return {
    configure: configureFrom(stack),
    async check(_olds, news) {
      const failures =
        news.policyType === "TeamsEmergencyCallRoutingPolicy"
          ? []
          : [
              {
                property: "policyType",
                reason: "only TeamsEmergencyCallRoutingPolicy is granted tenant-wide",
              },
            ];
      if (typeof news.policyName !== "string" || news.policyName === "")
        failures.push({ property: "policyName", reason: "must be a policy name" });
      return { inputs: news, failures };
    },
    async diff(_id, olds, news) {
      return {
        changes:
          olds.policyName !== news.policyName ||
          olds.policyType !== news.policyType ||
          !sameValue(olds.settings ?? {}, news.settings ?? {}),
        // Another type is another tenant default: grant the new one, then restore the old.
        replaces: olds.policyType !== news.policyType ? ["policyType"] : [],
        deleteBeforeReplace: false,
      };
    },
    async create(inputs) {
      const ps = admin().powershell;
      const before = await ps.getPolicy(inputs.policyType, "Global");
      await ps.grantGlobalPolicy(inputs.policyType, inputs.policyName);
      return { id: inputs.policyType, outs: { ...inputs, restoreSettings: before?.settings ?? {} } };
    },
    async update(_id, olds, news) {
      await admin().powershell.grantGlobalPolicy(news.policyType, news.policyName);
      return { outs: { ...news, restoreSettings: olds.restoreSettings } };
    },
    async delete(_id, props) {
      const ps = admin().powershell;
      const restore = props.restoreSettings;
      // Set alone cannot unset what the grant copied and the earlier Global never had (a Description, say):
      // reset Global to its defaults first, then put back the remembered settings (setPolicy skips an empty set).
      await ps.removePolicy(props.policyType, "Global");
      if (restore) await ps.setPolicy(props.policyType, "Global", restore);
    },
  };
}
