import { budgetNotifications, budgetStartDate } from "../../src/departments/budget";

describe("budgetStartDate", () => {
  it.each([
    ["2026-11-17T10:00:00Z", "2026-11-01T00:00:00Z"],
    ["2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"],
    ["2026-12-31T23:59:59Z", "2026-12-01T00:00:00Z"],
  ])("%s → %s (first of the month, UTC)", (now, expected) =>
    expect(budgetStartDate(new Date(now))).toBe(expected),
  );
});

describe("budgetNotifications", () => {
  const budget = { monthlyAmount: 500, thresholds: [100, 80, 80, 50.5], contacts: ["ana@villa.example"] };

  it("makes one notification per distinct threshold, sorted, to every contact", () => {
    expect(budgetNotifications("culture", budget)).toEqual({
      "actual-ge-50_5-percent": {
        enabled: true,
        operator: "GreaterThanOrEqualTo",
        threshold: 50.5,
        thresholdType: "Actual",
        contactEmails: ["ana@villa.example"],
      },
      "actual-ge-80-percent": expect.objectContaining({ threshold: 80 }),
      "actual-ge-100-percent": expect.objectContaining({ threshold: 100 }),
    });
    expect(Object.keys(budgetNotifications("culture", budget))).toEqual([
      "actual-ge-50_5-percent",
      "actual-ge-80-percent",
      "actual-ge-100-percent",
    ]);
  });

  it("refuses more notifications than Azure accepts", () => {
    expect(() => budgetNotifications("culture", { ...budget, thresholds: [10, 20, 30, 40, 50, 60] })).toThrow(
      "Department 'culture' has 6 budget thresholds; Azure allows at most 5 — drop some from budget.thresholds.",
    );
  });
});
