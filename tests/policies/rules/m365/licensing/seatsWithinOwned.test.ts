import { seatsWithinOwned } from "../../../../../policies/rules/m365/licensing/seatsWithinOwned";
import { RESOURCE_TYPES } from "../../../../../src/resourceTypes";
import { tenantStack } from "../../../helpers/fixtures";
import { changed, runStackPolicy, type StackEntry } from "../../../helpers/harness";

const mobilityHeadcount = (headcount: number): StackEntry[] =>
  changed(tenantStack(), "licences-mobility", (e) => ({ ...e, props: { ...e.props, headcount } }));

describe("m365-licensing-grouplicenses-seats-within-owned", () => {
  it("accepts demand within the seats owned (70 of 100 SPE_E5, 70 of 80 MCOEV)", () => {
    expect(runStackPolicy(seatsWithinOwned, tenantStack())).toEqual([]);
  });

  it("accepts demand equal to the seats owned", () => {
    expect(runStackPolicy(seatsWithinOwned, mobilityHeadcount(40))).toEqual([]);
  });

  it("reports a SKU whose demand exceeds the seats owned by one", () => {
    expect(runStackPolicy(seatsWithinOwned, mobilityHeadcount(41))).toEqual([
      { message: "SKU MCOEV: 2 departments demand 81 seats but the tenant owns 80." },
    ]);
  });

  it("reports every SKU over, in SKU order", () => {
    expect(runStackPolicy(seatsWithinOwned, mobilityHeadcount(61)).map((v) => v.message)).toEqual([
      "SKU MCOEV: 2 departments demand 101 seats but the tenant owns 80.",
      "SKU SPE_E5: 2 departments demand 101 seats but the tenant owns 100.",
    ]);
  });

  it("is not applicable without GroupLicenses", () => {
    expect(() => runStackPolicy(seatsWithinOwned, [])).toThrow(
      `Policy only applies to resources of type '${RESOURCE_TYPES.groupLicenses}'`,
    );
  });
});
