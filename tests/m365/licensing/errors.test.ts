import {
  errorReason,
  formatLicenceErrorReport,
  summarizeLicenceErrors,
} from "../../../src/m365/licensing/errors";
import { E5, EV, GROUP } from "./helpers/skus";

describe("licence errors", () => {
  it.each([
    [{ state: "Active", error: "None" }, undefined],
    [{ state: "Active", error: null }, undefined],
    [{ state: "Error", error: "CountViolation" }, "CountViolation"],
    [{ state: "Error", error: "Others" }, "Other"],
    [{ state: "ActiveWithError", error: null }, "Other"],
  ])("%j → %s", (state, reason) => {
    expect(errorReason(state)).toBe(reason);
  });

  it("groups this group's failures by reason and SKU, ignoring other sources", () => {
    const member = (id: string, error: string, skuId = E5, group = GROUP) => ({
      id,
      userPrincipalName: `${id}@city.example`,
      licenseAssignmentStates: [{ skuId, assignedByGroup: group, state: "Error", error }],
    });
    const report = summarizeLicenceErrors(
      GROUP,
      [
        member("a", "CountViolation"),
        member("b", "CountViolation", EV),
        member("c", "MutuallyExclusiveViolation"),
        member("d", "CountViolation", E5, "other-group"),
      ],
      (id) => (id === E5 ? "SPE_E5" : "MCOEV"),
      7,
    );
    expect(report.byReason).toEqual([
      {
        reason: "CountViolation",
        members: 2,
        skus: { SPE_E5: 1, MCOEV: 1 },
        examples: ["a@city.example", "b@city.example"],
      },
      { reason: "MutuallyExclusiveViolation", members: 1, skus: { SPE_E5: 1 }, examples: ["c@city.example"] },
    ]);
    expect(formatLicenceErrorReport("culture", GROUP, report)).toBe(
      [
        `7 member(s) of department culture (group ${GROUP}) have licence errors:`,
        "  CountViolation: 2 member(s) (MCOEV 1, SPE_E5 1) — not enough seats: buy seats or free them, then run again; e.g. a@city.example, b@city.example",
        "  MutuallyExclusiveViolation: 1 member(s) (SPE_E5 1) — a service plan conflicts with another licence the user holds; e.g. c@city.example",
        "  (reasons read for the first 4 of 7 members)",
      ].join("\n"),
    );
  });
});
