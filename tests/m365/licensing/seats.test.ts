import { formatSeatShortage, seatNeeds, seatShortages } from "../../../src/m365/licensing/seats";
import { E5, EV, SKUS } from "./helpers/skus";

describe("seats", () => {
  const members = [
    { id: "u1", assignedLicenses: [{ skuId: E5, disabledPlans: [] }] },
    { id: "u2", assignedLicenses: [] },
    { id: "u3" },
  ];
  it("counts members who do not hold the SKU against enabled − consumed", () => {
    const needs = seatNeeds(
      [
        { skuId: E5, disabledPlans: [] },
        { skuId: EV, disabledPlans: [] },
      ],
      members,
      SKUS,
    );
    expect(needs).toEqual([
      { skuPartNumber: "SPE_E5", skuId: E5, needed: 2, free: 10, enabled: 100, consumed: 90 },
      { skuPartNumber: "MCOEV", skuId: EV, needed: 3, free: 5, enabled: 5, consumed: 0 },
    ]);
    expect(seatShortages(needs)).toEqual([]);
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `m${i}` }));
    const short = seatShortages(seatNeeds([{ skuId: E5, disabledPlans: [] }], many, SKUS));
    expect(formatSeatShortage("culture", short, new Map([["SPE_E5", 100]]))).toBe(
      "not enough licences for department culture; nothing was assigned:\n" +
        "  SPE_E5: 12 seats needed, 10 free (100 enabled, 90 consumed)\n" +
        "Buy seats (or free them elsewhere), or take the SKU off the department, then run again.",
    );
  });
});
