import { noUnmarkedLicenceRemoval } from "../../../../../policies/rules/m365/licensing/noUnmarkedLicenceRemoval";
import { RESOURCE_TYPES } from "../../../../../src/resourceTypes";
import { tenantStack } from "../../../helpers/fixtures";
import { changed, runStackPolicy, urnOf, type StackEntry } from "../../../helpers/harness";

const previous = {
  numbers: { culture: ["+34915550001", "+34915550002"] },
  skus: { culture: ["SPE_E5", "MCOEV"], mobility: ["SPE_E5", "MCOEV"] },
};

const withoutMcoev = (stack: StackEntry[], marker?: string[]) =>
  changed(stack, "licences-culture", (e) => ({
    ...e,
    props: {
      ...e.props,
      licences: [{ skuPartNumber: "SPE_E5", disabledPlans: [], seatsOwned: 100 }],
      ...(marker ? { intentionalRemovals: { numbers: [], skus: marker } } : {}),
    },
  }));

describe("m365-licensing-grouplicenses-no-unmarked-removal", () => {
  it("accepts an unchanged stack", () => {
    expect(runStackPolicy(noUnmarkedLicenceRemoval, tenantStack(), { previous })).toEqual([]);
  });

  it("reports a SKU dropped without a marker", () => {
    expect(runStackPolicy(noUnmarkedLicenceRemoval, withoutMcoev(tenantStack()), { previous })).toEqual([
      {
        message:
          "Department 'culture' would lose MCOEV; list it in intentionalRemovals.skus to remove it on purpose.",
        urn: urnOf(RESOURCE_TYPES.groupLicenses, "licences-culture"),
      },
    ]);
  });

  it("accepts a SKU dropped with the department's marker", () => {
    expect(
      runStackPolicy(noUnmarkedLicenceRemoval, withoutMcoev(tenantStack(), ["MCOEV"]), { previous }),
    ).toEqual([]);
  });

  it("reads the marker from the department's NumberAssignments too", () => {
    const stack = changed(withoutMcoev(tenantStack()), "numbers-culture", (e) => ({
      ...e,
      props: { ...e.props, intentionalRemovals: { numbers: [], skus: ["MCOEV"] } },
    }));
    expect(runStackPolicy(noUnmarkedLicenceRemoval, stack, { previous })).toEqual([]);
  });

  it("does not take another department's marker", () => {
    const stack = changed(withoutMcoev(tenantStack()), "licences-mobility", (e) => ({
      ...e,
      props: { ...e.props, intentionalRemovals: { numbers: [], skus: ["MCOEV"] } },
    }));
    expect(runStackPolicy(noUnmarkedLicenceRemoval, stack, { previous })).toHaveLength(1);
  });

  it("reports every SKU of a department whose licences are gone altogether", () => {
    const stack = changed(tenantStack(), "licences-mobility", () => undefined);
    expect(runStackPolicy(noUnmarkedLicenceRemoval, stack, { previous })).toEqual([
      {
        message:
          "Department 'mobility' would lose SPE_E5; list it in intentionalRemovals.skus to remove it on purpose.",
      },
      {
        message:
          "Department 'mobility' would lose MCOEV; list it in intentionalRemovals.skus to remove it on purpose.",
      },
    ]);
  });

  it("is not applicable without the previous state", () => {
    expect(() => runStackPolicy(noUnmarkedLicenceRemoval, tenantStack())).toThrow(
      "No previous state was given (policy config 'previous').",
    );
  });
});
