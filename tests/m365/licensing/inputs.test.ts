import { checkInputs, UNKNOWN_VALUE } from "../../../src/m365/licensing/inputs";
import { GROUP } from "./helpers/skus";

describe("check", () => {
  const good = {
    department: "culture",
    groupId: GROUP,
    headcount: 40,
    licences: [
      { skuPartNumber: "SPE_E5", disabledPlans: ["Z_PLAN", "A_PLAN", "A_PLAN"], seatsOwned: 100 },
      { skuPartNumber: "MCOEV", disabledPlans: [], seatsOwned: 10 },
    ],
  };
  it("normalises order and duplicates", () => {
    const { inputs, failures } = checkInputs(good);
    expect(failures).toEqual([]);
    expect(inputs.licences).toEqual([
      { skuPartNumber: "MCOEV", disabledPlans: [], seatsOwned: 10 },
      { skuPartNumber: "SPE_E5", disabledPlans: ["A_PLAN", "Z_PLAN"], seatsOwned: 100 },
    ]);
  });
  it("accepts an unknown group id during preview", () => {
    expect(checkInputs({ ...good, groupId: UNKNOWN_VALUE }).failures).toEqual([]);
  });
  it.each([
    [{ department: "" }, "department", "must be the department id, a non-empty string"],
    [
      { groupId: "grp-culture" },
      "groupId",
      'must be the object id (a GUID) of the department\'s Entra group, got "grp-culture"',
    ],
    [{ headcount: -1 }, "headcount", "must be a whole number >= 0, got -1"],
    [{ licences: "SPE_E5" }, "licences", "must be a list of {skuPartNumber, disabledPlans, seatsOwned}"],
    [
      { licences: [{ skuPartNumber: "E5 plan", disabledPlans: [], seatsOwned: 1 }] },
      "licences[0].skuPartNumber",
      'must be a SKU part number such as SPE_E5, got "E5 plan"',
    ],
    [
      {
        licences: [
          { skuPartNumber: "SPE_E5", disabledPlans: [], seatsOwned: 1 },
          { skuPartNumber: "spe_e5", disabledPlans: [], seatsOwned: 1 },
        ],
      },
      "licences[1].skuPartNumber",
      "SKU spe_e5 is listed twice; list each SKU once",
    ],
    [
      { licences: [{ skuPartNumber: "SPE_E5", disabledPlans: "SWAY", seatsOwned: 1 }] },
      "licences[0].disabledPlans",
      "must be a list of service-plan names such as YAMMER_ENTERPRISE",
    ],
    [
      { licences: [{ skuPartNumber: "SPE_E5", disabledPlans: [], seatsOwned: 1.5 }] },
      "licences[0].seatsOwned",
      "must be a whole number >= 0, got 1.5",
    ],
  ])("%j fails on %s", (change, property, reason) => {
    expect(checkInputs({ ...good, ...change }).failures).toEqual([{ property, reason }]);
  });
});
