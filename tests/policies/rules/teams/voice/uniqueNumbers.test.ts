import { uniqueNumbers } from "../../../../../policies/rules/teams/voice/uniqueNumbers";
import { RESOURCE_TYPES } from "../../../../../src/resourceTypes";
import { numberAssignments, tenantStack } from "../../../helpers/fixtures";
import { runStackPolicy, urnOf, changed } from "../../../helpers/harness";

describe("teams-voice-numberassignments-unique-numbers", () => {
  it("accepts distinct numbers", () => {
    expect(runStackPolicy(uniqueNumbers, tenantStack())).toEqual([]);
  });

  it("reports a number assigned in two departments, at the second", () => {
    const mobility = {
      type: RESOURCE_TYPES.numberAssignments,
      name: "numbers-mobility",
      props: {
        ...numberAssignments("mobility"),
        assignments: [{ ...numberAssignments().assignments[0], userPrincipalName: "luis@villa.example" }],
      },
    };
    expect(runStackPolicy(uniqueNumbers, [...tenantStack(), mobility])).toEqual([
      {
        message:
          "Number +34915550001 is assigned 2 times: ana@villa.example in 'culture', luis@villa.example in 'mobility'.",
        urn: urnOf(RESOURCE_TYPES.numberAssignments, "numbers-mobility"),
      },
    ]);
  });

  it("reports a number assigned twice within a department", () => {
    const stack = changed(tenantStack(), "numbers-culture", (e) => {
      const inputs = numberAssignments();
      inputs.assignments[1].number = inputs.assignments[0].number;
      return { ...e, props: { ...inputs } };
    });
    expect(runStackPolicy(uniqueNumbers, stack).map((v) => v.message)).toEqual([
      "Number +34915550001 is assigned 2 times: ana@villa.example in 'culture', pedro@villa.example in 'culture'.",
    ]);
  });
});
