import { budgetView, diffBudget, BUDGET_TYPE } from "../../src/plan/budgets";
import type { RenderedResource } from "../../src/render/graph";

// A consumption.Budget's inputs as the renderer produces them: notifications is a map of alerts.
function budget(amount: number, alerts: Record<string, { threshold: number; contactEmails: string[] }>) {
  const resource: RenderedResource = {
    urn: "urn:pulumi:city::tenant::azure-native:consumption:Budget::budget-culture",
    type: BUDGET_TYPE,
    name: "budget-culture",
    custom: true,
    parent: "",
    dependencies: [],
    inputs: { amount, notifications: alerts },
    read: false,
  };
  return resource;
}

const ANA = "ana@villa.example";
const EVA = "eva@villa.example";

describe("budgetView", () => {
  it("collects thresholds in order and contacts once each, across alerts", () => {
    const view = budgetView(
      budget(500, {
        actual100: { threshold: 100, contactEmails: [EVA, ANA] },
        actual80: { threshold: 80, contactEmails: [ANA] },
      }).inputs,
    );
    expect(view).toEqual({ amount: 500, thresholds: [80, 100], contacts: [ANA, EVA] });
  });

  it.each([
    ["no inputs", undefined],
    ["no notifications", { amount: "500" }],
    ["notifications that are not a map", { notifications: [1, 2] }],
    ["alerts without threshold or contacts", { notifications: { a: {}, b: "x" } }],
  ])("%s reads as nothing, never throws", (_name, inputs) =>
    expect(budgetView(inputs as Record<string, unknown> | undefined)).toEqual({
      amount: undefined,
      thresholds: [],
      contacts: [],
    }),
  );
});

describe("diffBudget", () => {
  const base = budget(500, { a: { threshold: 80, contactEmails: [ANA] } });

  it("the same budget, its alerts renamed, is no change", () =>
    expect(
      diffBudget("culture", base, budget(500, { renamed: { threshold: 80, contactEmails: [ANA] } })),
    ).toBe(undefined));

  it("a new budget: everything is after, its contacts added", () =>
    expect(diffBudget("culture", undefined, base)).toEqual({
      name: "culture",
      amountBefore: undefined,
      amountAfter: 500,
      thresholdsBefore: [],
      thresholdsAfter: [80],
      contactsAdded: [ANA],
      contactsRemoved: [],
    }));

  it("amount, thresholds and contacts each count as a change", () => {
    expect(
      diffBudget("culture", base, budget(400, { a: { threshold: 80, contactEmails: [ANA] } }))?.amountAfter,
    ).toBe(400);
    expect(
      diffBudget("culture", base, budget(500, { a: { threshold: 90, contactEmails: [ANA] } }))
        ?.thresholdsAfter,
    ).toEqual([90]);
    expect(
      diffBudget("culture", base, budget(500, { a: { threshold: 80, contactEmails: [EVA] } })),
    ).toMatchObject({
      contactsAdded: [EVA],
      contactsRemoved: [ANA],
    });
  });
});
