import { describeAssigned, resolveLicences } from "../../../src/m365/licensing/resolve";
import { E5, YAMMER, SWAY, SKUS, e5, ev } from "./helpers/skus";

describe("resolveLicences", () => {
  it.each([
    [
      "part number and plans by name",
      [{ skuPartNumber: "SPE_E5", disabledPlans: ["SWAY", "YAMMER_ENTERPRISE"], seatsOwned: 1 }],
      [
        {
          skuPartNumber: "SPE_E5",
          skuId: E5,
          disabledPlans: ["SWAY", "YAMMER_ENTERPRISE"],
          disabledPlanIds: [SWAY, YAMMER].sort(),
        },
      ],
      [],
    ],
    [
      "case-insensitive fallback",
      [{ skuPartNumber: "spe_e5", disabledPlans: ["sway"], seatsOwned: 1 }],
      [{ skuPartNumber: "SPE_E5", skuId: E5, disabledPlans: ["sway"], disabledPlanIds: [SWAY] }],
      [],
    ],
    [
      "a SKU in grace period (Warning) still resolves",
      [{ skuPartNumber: "MCOEV", disabledPlans: [], seatsOwned: 1 }],
      [ev],
      [],
    ],
    [
      "an unknown SKU",
      [{ skuPartNumber: "SPE_E3", disabledPlans: [], seatsOwned: 1 }],
      [],
      [
        "SKU SPE_E3 is not subscribed in this tenant (subscribedSkus has CASUSPENDED, COMPANYWIDE, MCOEV, SPE_E5)",
      ],
    ],
    [
      "an unknown plan",
      [{ skuPartNumber: "SPE_E5", disabledPlans: ["KAIZALA"], seatsOwned: 1 }],
      [{ ...e5(), disabledPlans: ["KAIZALA"] }],
      ["service plan KAIZALA is not part of SKU SPE_E5 in this tenant (it has SWAY, YAMMER_ENTERPRISE)"],
    ],
    [
      "a suspended SKU",
      [{ skuPartNumber: "CASUSPENDED", disabledPlans: [], seatsOwned: 1 }],
      [],
      ["SKU CASUSPENDED is Suspended in this tenant; renew or reactivate the subscription"],
    ],
    [
      "a company-wide SKU",
      [{ skuPartNumber: "COMPANYWIDE", disabledPlans: [], seatsOwned: 1 }],
      [],
      ["SKU COMPANYWIDE applies to Company, not to users; it cannot be assigned"],
    ],
  ])("%s", (_name, licences, resolved, problems) => {
    const result = resolveLicences(licences, SKUS);
    expect(result.problems).toEqual(problems);
    expect(result.resolved).toEqual(resolved.map((r) => ({ ...r, disabledPlans: r.disabledPlans })));
  });

  it("describes assigned licences back in part numbers and plan names, keeping unknown ids", () => {
    expect(
      describeAssigned(
        [
          { skuId: E5, disabledPlans: [YAMMER.toUpperCase()] },
          { skuId: "CCCC", disabledPlans: [] },
        ],
        SKUS,
      ),
    ).toEqual([
      { skuPartNumber: "cccc", skuId: "cccc", disabledPlans: [], disabledPlanIds: [] },
      { skuPartNumber: "SPE_E5", skuId: E5, disabledPlans: ["YAMMER_ENTERPRISE"], disabledPlanIds: [YAMMER] },
    ]);
  });
});
