import { emergencyLocation } from "../../../../../policies/rules/teams/voice/emergencyLocation";
import { RESOURCE_TYPES } from "../../../../../src/resourceTypes";
import { numberAssignments } from "../../../helpers/fixtures";
import { runResourcePolicy, without } from "../../../helpers/harness";

const T = RESOURCE_TYPES.numberAssignments;

describe("teams-voice-numberassignments-emergency-location", () => {
  it("accepts numbers with locations", () => {
    expect(runResourcePolicy(emergencyLocation, T, { ...numberAssignments() })).toEqual([]);
  });

  it("reports a number with an empty location", () => {
    const inputs = numberAssignments();
    inputs.assignments[1].emergencyLocation = "";
    expect(runResourcePolicy(emergencyLocation, T, { ...inputs })).toEqual([
      "Number +34915550002 of pedro@villa.example has no emergency location.",
    ]);
  });

  it("reports a number without the field", () => {
    const inputs = numberAssignments();
    const rest = without(inputs.assignments[0], "emergencyLocation");
    expect(runResourcePolicy(emergencyLocation, T, { ...inputs, assignments: [rest] })).toEqual([
      "Number +34915550001 of ana@villa.example has no emergency location.",
    ]);
  });

  it("is not applicable to other types", () => {
    expect(() => runResourcePolicy(emergencyLocation, RESOURCE_TYPES.dialPlan, {})).toThrow(
      `Policy only applies to resources of type '${T}'`,
    );
  });
});
