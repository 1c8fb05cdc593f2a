import { dialPlanLimits } from "../../../../../policies/rules/teams/voice/dialPlanLimits";
import { RESOURCE_TYPES } from "../../../../../src/resourceTypes";
import { dialPlan } from "../../../helpers/fixtures";
import { runResourcePolicy } from "../../../helpers/harness";

const T = RESOURCE_TYPES.dialPlan;
const rules = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `r${i}`,
    pattern: "^1$",
    translation: "+1",
    isInternalExtension: false,
  }));

describe("teams-voice-dialplan-limits", () => {
  it("accepts a plan within the limits, at the limits too", () => {
    expect(runResourcePolicy(dialPlanLimits, T, { ...dialPlan() })).toEqual([]);
    expect(
      runResourcePolicy(dialPlanLimits, T, { name: "a".repeat(49), normalizationRules: rules(50) }),
    ).toEqual([]);
  });

  it("reports a name of 50 characters", () => {
    const name = "a".repeat(50);
    expect(runResourcePolicy(dialPlanLimits, T, { ...dialPlan(), name })).toEqual([
      `Dial plan name '${name}' must be 1 to 49 letters, digits, '-' or '.'.`,
    ]);
  });

  it("reports a name with a space", () => {
    expect(runResourcePolicy(dialPlanLimits, T, { ...dialPlan(), name: "ES Villa" })).toEqual([
      "Dial plan name 'ES Villa' must be 1 to 49 letters, digits, '-' or '.'.",
    ]);
  });

  it("reports 51 rules", () => {
    expect(runResourcePolicy(dialPlanLimits, T, { ...dialPlan(), normalizationRules: rules(51) })).toEqual([
      "Dial plan 'ES-Villa' has 51 normalization rules; Teams allows at most 50.",
    ]);
  });
});
