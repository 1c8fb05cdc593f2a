import { isEmptyDelta, licenceDelta } from "../../../src/m365/licensing/delta";
import { E5, EV, YAMMER, SWAY, e5, ev } from "./helpers/skus";

describe("licenceDelta", () => {
  it.each([
    [
      "nothing assigned yet",
      [],
      [e5(), ev],
      {
        addLicenses: [
          { skuId: E5, disabledPlans: [] },
          { skuId: EV, disabledPlans: [] },
        ],
        removeLicenses: [],
      },
    ],
    [
      "identical, any case and order",
      [{ skuId: E5.toUpperCase(), disabledPlans: [SWAY, YAMMER] }],
      [e5([YAMMER, SWAY])],
      { addLicenses: [], removeLicenses: [] },
    ],
    [
      "changed plans re-send the SKU whole",
      [
        { skuId: E5, disabledPlans: [YAMMER] },
        { skuId: EV, disabledPlans: [] },
      ],
      [e5([SWAY]), ev],
      { addLicenses: [{ skuId: E5, disabledPlans: [SWAY] }], removeLicenses: [] },
    ],
    [
      "a dropped SKU is removed",
      [
        { skuId: E5, disabledPlans: [] },
        { skuId: EV, disabledPlans: [] },
      ],
      [e5()],
      { addLicenses: [], removeLicenses: [EV] },
    ],
    ["everything dropped", [{ skuId: E5, disabledPlans: [] }], [], { addLicenses: [], removeLicenses: [E5] }],
  ])("%s", (_name, current, desired, expected) => {
    expect(licenceDelta(current, desired)).toEqual(expected);
  });

  it("knows an empty delta", () => {
    expect(isEmptyDelta({ addLicenses: [], removeLicenses: [] })).toBe(true);
    expect(isEmptyDelta({ addLicenses: [], removeLicenses: [E5] })).toBe(false);
  });
});
