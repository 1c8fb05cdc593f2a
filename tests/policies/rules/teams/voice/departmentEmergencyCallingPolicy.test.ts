import { voiceDepartmentEmergencyPolicy } from "../../../../../policies/rules/teams/voice/departmentEmergencyCallingPolicy";
import { RESOURCE_TYPES } from "../../../../../src/resourceTypes";
import { groupPolicyAssignments, tenantStack } from "../../../helpers/fixtures";
import { changed, runStackPolicy, urnOf } from "../../../helpers/harness";

describe("teams-voice-department-emergency-calling-policy", () => {
  it("accepts a voice department with the policy (and ignores departments without numbers)", () => {
    expect(runStackPolicy(voiceDepartmentEmergencyPolicy, tenantStack())).toEqual([]);
  });

  it("reports a voice department whose grants lack the emergency calling policy", () => {
    const stack = changed(tenantStack(), "policies-culture", (e) => ({
      ...e,
      props: { ...groupPolicyAssignments(), assignments: groupPolicyAssignments().assignments.slice(0, 1) },
    }));
    expect(runStackPolicy(voiceDepartmentEmergencyPolicy, stack)).toEqual([
      {
        message: "Department 'culture' assigns 2 numbers but its group has no TeamsEmergencyCallingPolicy.",
        urn: urnOf(RESOURCE_TYPES.numberAssignments, "numbers-culture"),
      },
    ]);
  });

  it("reports a voice department without any grants", () => {
    const stack = changed(tenantStack(), "policies-culture", () => undefined);
    expect(runStackPolicy(voiceDepartmentEmergencyPolicy, stack).map((v) => v.message)).toEqual([
      "Department 'culture' assigns 2 numbers but its group has no TeamsEmergencyCallingPolicy.",
    ]);
  });

  it("does not take another department's grant", () => {
    const stack = changed(tenantStack(), "policies-culture", (e) => ({
      ...e,
      props: { ...groupPolicyAssignments("mobility") },
    }));
    expect(runStackPolicy(voiceDepartmentEmergencyPolicy, stack)).toHaveLength(1);
  });
});
