/**
 * `pulumi-nodejs:dynamic/tenant-teams:GlobalPolicyGrant`: `Grant-Cs<Policy> -Global -PolicyName <name>`, the
 * tenant default of one policy type. Used for the emergency call routing policy, which Teams cannot grant to
 * groups (graph-teams-licensing.md §3.5), so the definition grants it tenant-wide
 * (`teamsVoice.globalEmergencyCallRoutingPolicy`). Delete resets the default to the built-in Global policy,
 * which is also what lets the policy itself be deleted afterwards.
 *
 * No read: the port cannot read a -Global grant back, so refresh keeps the state and a re-run with the same
 * inputs makes no write (diff compares inputs).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { GlobalPolicyGrantInputs } from "../../resourceTypes";
import {
  configureFrom,
  teamsAdminFor,
  type TeamsProviderOptions,
  type TeamsStackSettings,
} from "../policies/context";

export type GlobalPolicyGrantProvider = pulumi.dynamic.ResourceProvider<
  GlobalPolicyGrantInputs,
  GlobalPolicyGrantInputs
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
        changes: olds.policyName !== news.policyName || olds.policyType !== news.policyType,
        // Another type is another tenant default: grant the new one, then reset the old.
        replaces: olds.policyType !== news.policyType ? ["policyType"] : [],
        deleteBeforeReplace: false,
      };
    },
    async create(inputs) {
      await admin().powershell.grantGlobalPolicy(inputs.policyType, inputs.policyName);
      return { id: inputs.policyType, outs: inputs };
    },
    async update(_id, _olds, news) {
      await admin().powershell.grantGlobalPolicy(news.policyType, news.policyName);
      return { outs: news };
    },
    async delete(_id, props) {
      await admin().powershell.grantGlobalPolicy(props.policyType, undefined);
    },
  };
}
