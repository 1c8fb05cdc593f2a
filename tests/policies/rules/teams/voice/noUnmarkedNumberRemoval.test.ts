import { noUnmarkedNumberRemoval } from "../../../../../policies/rules/teams/voice/noUnmarkedNumberRemoval";
import { RESOURCE_TYPES } from "../../../../../src/resourceTypes";
import { numberAssignments, tenantStack } from "../../../helpers/fixtures";
import { changed, runStackPolicy, urnOf, type StackEntry } from "../../../helpers/harness";

const previous = { numbers: { culture: ["+34915550001", "+34915550002"] }, skus: {} };

const onlyAna = (stack: StackEntry[], marker?: string[]) =>
  changed(stack, "numbers-culture", (e) => ({
    ...e,
    props: {
      ...e.props,
      assignments: numberAssignments().assignments.slice(0, 1),
      ...(marker ? { intentionalRemovals: { numbers: marker, skus: [] } } : {}),
    },
  }));

describe("teams-voice-numberassignments-no-unmarked-removal", () => {
  it("accepts an unchanged stack", () => {
    expect(runStackPolicy(noUnmarkedNumberRemoval, tenantStack(), { previous })).toEqual([]);
  });

  it("reports a number dropped without a marker, at the department's numbers", () => {
    expect(runStackPolicy(noUnmarkedNumberRemoval, onlyAna(tenantStack()), { previous })).toEqual([
      {
        message:
          "Department 'culture' would stop assigning 1 number (+34915550002); list them in intentionalRemovals.numbers to remove them on purpose.",
        urn: urnOf(RESOURCE_TYPES.numberAssignments, "numbers-culture"),
      },
    ]);
  });

  it("accepts a number dropped with the marker", () => {
    expect(
      runStackPolicy(noUnmarkedNumberRemoval, onlyAna(tenantStack(), ["+34915550002"]), { previous }),
    ).toEqual([]);
  });

  it("accepts a number that moved to another department", () => {
    const moved: StackEntry = {
      type: RESOURCE_TYPES.numberAssignments,
      name: "numbers-mobility",
      props: { ...numberAssignments("mobility"), assignments: numberAssignments().assignments.slice(1) },
    };
    expect(runStackPolicy(noUnmarkedNumberRemoval, [...onlyAna(tenantStack()), moved], { previous })).toEqual(
      [],
    );
  });

  it("takes the marker from GroupLicenses when the department has no numbers left", () => {
    const stack = changed(
      changed(tenantStack(), "numbers-culture", () => undefined),
      "licences-culture",
      (e) => ({
        ...e,
        props: { ...e.props, intentionalRemovals: { numbers: ["+34915550001", "+34915550002"], skus: [] } },
      }),
    );
    expect(runStackPolicy(noUnmarkedNumberRemoval, stack, { previous })).toEqual([]);
  });

  it("lists at most ten numbers and counts the rest", () => {
    const many = Array.from({ length: 12 }, (_, i) => `+3491555${String(1000 + i)}`);
    const violations = runStackPolicy(noUnmarkedNumberRemoval, tenantStack(), {
      previous: { numbers: { culture: [...many, "+34915550001"] }, skus: {} },
    });
    expect(violations.map((v) => v.message)).toEqual([
      `Department 'culture' would stop assigning 12 numbers (${many.slice(0, 10).join(", ")} and 2 more); list them in intentionalRemovals.numbers to remove them on purpose.`,
    ]);
  });

  it("is not applicable without the previous state", () => {
    expect(() => runStackPolicy(noUnmarkedNumberRemoval, tenantStack())).toThrow(
      "No previous state was given (policy config 'previous').",
    );
  });
});
