/**
 * `pulumi-nodejs:dynamic/tenant-teams:DialPlan` (New/Set/Remove-CsTenantDialPlan): a tenant dial plan and its
 * normalization rules. The rules are ONE ordered setting: first match wins, so a reorder is a change and the
 * whole list is sent on Set (the module's `@{Replace}`), never diffed as a set — M365DSC's single-rule and
 * first-rule-only drift bugs (graph-teams-licensing.md §4.4) come from losing that.
 */

import type { DialPlanInputs } from "../../../resourceTypes";
import { definedOnly, plainSettings } from "../../provider/canonical";
import type { CheckFailure, SettingsResourceSpec } from "../../provider/settingsProvider";
import { policyStore } from "../../provider/store";

/** Teams limits (§3.4). */
export const MAX_NORMALIZATION_RULES = 50;
const DIAL_PLAN_NAME = /^[A-Za-z0-9.-]{1,49}$/;

export function dialPlanSettings(i: DialPlanInputs): Record<string, unknown> {
  return definedOnly({
    ...plainSettings(i, ["normalizationRules"]),
    NormalizationRules: i.normalizationRules.map((r) =>
      definedOnly({
        Name: r.name,
        Description: r.description,
        Pattern: r.pattern,
        Translation: r.translation,
        IsInternalExtension: r.isInternalExtension,
      }),
    ),
  });
}

export function validateDialPlan(i: DialPlanInputs): CheckFailure[] {
  const failures: CheckFailure[] = [];
  if (!DIAL_PLAN_NAME.test(i.name))
    failures.push({ property: "name", reason: "at most 49 characters of letters, digits, '-' and '.'" });
  const rules = i.normalizationRules ?? [];
  if (rules.length > MAX_NORMALIZATION_RULES)
    failures.push({
      property: "normalizationRules",
      reason: `${rules.length} rules; a dial plan holds at most ${MAX_NORMALIZATION_RULES}`,
    });
  const names = rules.map((r) => r.name.toLowerCase());
  if (new Set(names).size !== names.length)
    failures.push({ property: "normalizationRules", reason: "rule names must be unique within the plan" });
  return failures;
}

export const dialPlanSpec: SettingsResourceSpec<DialPlanInputs> = {
  store: policyStore("TenantDialPlan"),
  settingsOf: dialPlanSettings,
  validate: validateDialPlan,
};
