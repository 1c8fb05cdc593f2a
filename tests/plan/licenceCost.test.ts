import type { TenantDefinition } from "../../src/config/definition";
import {
  departmentMonthlyCost,
  describeDepartmentCost,
  describeTotal,
  licenceCost,
  priceList,
  signedMoney,
  standingCost,
  type PriceList,
} from "../../src/plan/licenceCost";
import type { GroupLicensesInputs } from "../../src/resourceTypes";
import { costRisks } from "../../src/plan/risk";
import { formatStandingCost } from "../../src/plan/format/text";
import { costBlock } from "../../src/plan/format/markdown";

const EUR: PriceList = {
  currency: "EUR",
  perSeat: new Map([
    ["SPE_E5", 54.75],
    ["MCOEV", 7.9],
    ["PHONESYSTEM_VIRTUALUSER", 0],
  ]),
};

const group = (department: string, headcount: number, ...skus: string[]): GroupLicensesInputs => ({
  department,
  groupId: `g-${department}`,
  headcount,
  licences: skus.map((skuPartNumber) => ({ skuPartNumber, disabledPlans: [], seatsOwned: 100 })),
});
const byId = (...groups: GroupLicensesInputs[]) => new Map(groups.map((g) => [g.department, g]));

describe("departmentMonthlyCost", () => {
  it("is headcount × the price of every SKU the department holds, to the cent", () => {
    expect(departmentMonthlyCost(group("culture", 3, "SPE_E5", "MCOEV"), EUR)).toBe(187.95);
  });
  it("counts unpriced SKUs and absent departments as nothing", () => {
    expect(departmentMonthlyCost(group("culture", 10, "SPE_F1"), EUR)).toBe(0);
    expect(departmentMonthlyCost(undefined, EUR)).toBe(0);
  });
});

describe("licenceCost", () => {
  const base = byId(group("culture", 40, "SPE_E5"), group("mobility", 30, "SPE_E5", "MCOEV"));

  it("lists only departments whose cost changes, with their budget, and totals every department", () => {
    const head = byId(group("culture", 42, "SPE_E5"), group("mobility", 30, "SPE_E5", "MCOEV", "SPE_F1"));
    const cost = licenceCost({
      base,
      head,
      basePrices: EUR,
      headPrices: EUR,
      budgets: new Map([["culture", 500]]),
    });
    expect(cost).toEqual({
      currency: "EUR",
      total: { before: 4069.5, after: 4179, delta: 109.5 },
      departments: [{ department: "culture", before: 2190, after: 2299.5, delta: 109.5, budget: 500 }],
      unpriced: ["SPE_F1"],
    });
    expect(describeTotal(cost!)).toBe("4,069.50 → 4,179.00 EUR a month (+109.50)");
    expect(describeDepartmentCost(cost!.departments[0]!, "EUR")).toBe(
      "2,190.00 → 2,299.50 EUR a month (+109.50) · Azure budget 500.00 a month",
    );
  });

  it("costs the base at the base's prices, so a price change is a cost change", () => {
    const cheaper: PriceList = { currency: "EUR", perSeat: new Map([["SPE_E5", 50]]) };
    const cost = licenceCost({ base, head: base, basePrices: cheaper, headPrices: EUR, budgets: new Map() });
    expect(cost?.departments.map((d) => [d.department, d.delta])).toEqual([
      ["culture", 190],
      ["mobility", 379.5],
    ]);
  });

  it("costs the base at the head's prices when the base had none, and has no cost without head prices", () => {
    const cost = licenceCost({
      base,
      head: base,
      basePrices: undefined,
      headPrices: EUR,
      budgets: new Map(),
    });
    expect(cost?.departments).toEqual([]);
    expect(describeTotal(cost!)).toBe("4,069.50 EUR a month, unchanged");
    expect(
      licenceCost({ base, head: base, basePrices: EUR, headPrices: undefined, budgets: new Map() }),
    ).toBe(undefined);
  });

  it("reads the price list from tenant.yaml's licensing.prices", () => {
    const definition = {
      tenant: { licensing: { prices: [{ sku: "SPE_E5", currency: "EUR", perSeatPerMonth: 54.75 }] } },
    } as unknown as TenantDefinition;
    expect(priceList(definition)).toEqual({ currency: "EUR", perSeat: new Map([["SPE_E5", 54.75]]) });
    expect(priceList(undefined)).toBe(undefined);
  });

  it("signs amounts with a real minus sign", () => {
    expect([signedMoney(1234.5), signedMoney(-0.1), signedMoney(0)]).toEqual(["+1,234.50", "−0.10", "±0.00"]);
  });
});

describe("costRisks", () => {
  const cost = licenceCost({
    base: byId(group("culture", 40, "SPE_E5"), group("mobility", 30, "SPE_E5")),
    head: byId(group("culture", 60, "SPE_E5"), group("mobility", 31, "SPE_E5")),
    basePrices: EUR,
    headPrices: EUR,
    budgets: new Map(),
  });

  it("reports a department whose increase is above the threshold, and only it", () => {
    expect(costRisks(cost, 1000)).toEqual([
      {
        level: "medium",
        kind: "cost-increase",
        department: "culture",
        message:
          "culture: licence cost +1,095.00 EUR a month (2,190.00 → 3,285.00), above the 1,000.00 of planRisks.costIncreasePerMonth",
      },
    ]);
  });

  it("reports nothing without a threshold", () => {
    expect(costRisks(cost, undefined)).toEqual([]);
  });
});

describe("standingCost (the plain plan)", () => {
  const groups = byId(group("culture", 40, "SPE_E5"), group("mobility", 30, "SPE_E5", "SPE_F1"));

  it("costs every department at the definition as it stands, with its budget, and totals them", () => {
    const cost = standingCost(groups, EUR, new Map([["culture", 500]]));
    expect(cost).toEqual({
      currency: "EUR",
      total: 3832.5,
      departments: [
        { department: "culture", cost: 2190, budget: 500 },
        { department: "mobility", cost: 1642.5 },
      ],
      unpriced: ["SPE_F1"],
    });
    expect(formatStandingCost(cost)).toEqual([
      "",
      "  department    licences/month (EUR)  Azure budget/month",
      "  culture                   2,190.00              500.00",
      "  mobility                  1,642.50",
      "  (total)                   3,832.50",
      "  unpriced (counted as 0): SPE_F1",
    ]);
  });

  it("is absent when nothing is priced", () => {
    expect(standingCost(groups, undefined, new Map())).toBe(undefined);
    expect(formatStandingCost(undefined)).toEqual([]);
  });
});

describe("costBlock (markdown)", () => {
  const cost = licenceCost({
    base: byId(group("culture", 40, "SPE_E5")),
    head: byId(group("culture", 41, "SPE_E5")),
    basePrices: EUR,
    headPrices: EUR,
    budgets: new Map([["culture", 500]]),
  });

  it("says the total, then each department whose cost changes", () => {
    expect(costBlock(cost, 1000)).toEqual([
      "**Licence cost** · 2,190.00 → 2,244.75 EUR a month (+54.75)",
      "- `culture`: 2,190.00 → 2,244.75 EUR a month (+54.75) · Azure budget 500.00 a month",
    ]);
  });

  it("says nothing when not even the total fits the comment's budget", () => {
    expect(costBlock(cost, 40)).toEqual([]);
  });
});
