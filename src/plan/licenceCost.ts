import type { TenantDefinition } from "../config/definition";
import type { GroupLicensesInputs } from "../resourceTypes";
import type { CostChange, DepartmentCost, LicenceCost } from "./model";

/**
 * Licence cost in the plan: group-based licensing gives every member each SKU of the group, so a department
 * costs its headcount times the monthly price of each SKU it holds (the same seats the seat chart counts).
 * Prices come from `licensing.prices` in tenant.yaml, in one currency (the licence-prices rule).
 */

export interface PriceList {
  currency: string;
  /** Price per seat and month, by SKU part number. */
  perSeat: ReadonlyMap<string, number>;
}

/** The definition's price list, or undefined when it prices nothing. */
export function priceList(definition: TenantDefinition | undefined): PriceList | undefined {
  const prices = definition?.tenant.licensing.prices ?? [];
  if (prices.length === 0) return undefined;
  return {
    currency: prices[0]!.currency,
    perSeat: new Map(prices.map((p) => [p.sku, p.perSeatPerMonth])),
  };
}

/** Money to the cent: sums of prices such as 54.75 × 3 drift in binary floating point. */
export function cents(n: number): number {
  return Math.round(n * 100) / 100;
}

/** One department's monthly cost: headcount × each priced SKU it holds (unpriced SKUs count nothing). */
export function departmentMonthlyCost(group: GroupLicensesInputs | undefined, prices: PriceList): number {
  if (!group) return 0;
  const perSeat = group.licences.reduce((sum, l) => sum + (prices.perSeat.get(l.skuPartNumber) ?? 0), 0);
  return cents(group.headcount * perSeat);
}

export interface LicenceCostInput {
  /** GroupLicenses per department at the base and at the head (licences.ts `licencesByDepartment`). */
  base: ReadonlyMap<string, GroupLicensesInputs>;
  head: ReadonlyMap<string, GroupLicensesInputs>;
  basePrices: PriceList | undefined;
  headPrices: PriceList | undefined;
  /** Each department's Azure budget a month at the head (`budget.monthlyAmount`). */
  budgets: ReadonlyMap<string, number>;
}

/**
 * Each department's monthly licence cost at the base and the head, and the tenant's total; undefined when the
 * head prices nothing. The base is costed at the base's prices, so a price change shows as a cost change; when
 * the base had no prices yet, at the head's, so the pull request that adds prices changes no cost. Only
 * departments whose cost changes are listed (a one-user change stays short); the total covers all.
 */
export function licenceCost(input: LicenceCostInput): LicenceCost | undefined {
  const head = input.headPrices;
  if (!head) return undefined;
  const base = input.basePrices ?? head;
  const ids = [...new Set([...input.base.keys(), ...input.head.keys()])].sort();
  const departments: DepartmentCost[] = [];
  let before = 0;
  let after = 0;
  for (const department of ids) {
    const change = costChange(
      departmentMonthlyCost(input.base.get(department), base),
      departmentMonthlyCost(input.head.get(department), head),
    );
    before += change.before;
    after += change.after;
    if (change.delta === 0) continue;
    const budget = input.budgets.get(department);
    departments.push({ department, ...change, ...(budget === undefined ? {} : { budget }) });
  }
  const held = new Set([...input.head.values()].flatMap((g) => g.licences.map((l) => l.skuPartNumber)));
  return {
    currency: head.currency,
    total: costChange(before, after),
    departments,
    unpriced: [...held].filter((sku) => !head.perSeat.has(sku)).sort(),
  };
}

export function costChange(before: number, after: number): CostChange {
  return { before: cents(before), after: cents(after), delta: cents(after - before) };
}

/** Each department's Azure budget a month, by id. */
export function budgetsOf(definition: TenantDefinition | undefined): Map<string, number> {
  return new Map((definition?.departments ?? []).map((d) => [d.id, d.budget.monthlyAmount]));
}

/** `1,234.50` — money as reviewers read it, always two decimals. */
export function money(n: number): string {
  return n.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** `+54.75` / `−54.75` (a real minus sign) / `±0.00`. */
export function signedMoney(n: number): string {
  if (n > 0) return `+${money(n)}`;
  if (n < 0) return `−${money(-n)}`;
  return `±${money(0)}`;
}

/** `culture: 2,190.00 → 2,244.75 EUR a month (+54.75) · Azure budget 500.00` — one line per department. */
export function describeDepartmentCost(d: DepartmentCost, currency: string): string {
  const budget = d.budget === undefined ? "" : ` · Azure budget ${money(d.budget)} a month`;
  return `${money(d.before)} → ${money(d.after)} ${currency} a month (${signedMoney(d.delta)})${budget}`;
}

/** `2,464,500.00 → 2,464,554.75 EUR a month (+54.75)`, or `… EUR a month, unchanged`. */
export function describeTotal(cost: LicenceCost): string {
  const { total, currency } = cost;
  return total.delta === 0
    ? `${money(total.after)} ${currency} a month, unchanged`
    : `${money(total.before)} → ${money(total.after)} ${currency} a month (${signedMoney(total.delta)})`;
}

/** The plain plan's cost (no base): what each department costs a month at the definition as it stands. */
export interface StandingCost {
  currency: string;
  total: number;
  departments: { department: string; cost: number; budget?: number }[];
  unpriced: string[];
}

/** Every department's monthly licence cost and the total; undefined when nothing is priced. */
export function standingCost(
  groups: ReadonlyMap<string, GroupLicensesInputs>,
  prices: PriceList | undefined,
  budgets: ReadonlyMap<string, number>,
): StandingCost | undefined {
  if (!prices) return undefined;
  const departments = [...groups.keys()].sort().map((department) => {
    const budget = budgets.get(department);
    return {
      department,
      cost: departmentMonthlyCost(groups.get(department), prices),
      ...(budget === undefined ? {} : { budget }),
    };
  });
  const held = new Set([...groups.values()].flatMap((g) => g.licences.map((l) => l.skuPartNumber)));
  return {
    currency: prices.currency,
    total: cents(departments.reduce((sum, d) => sum + d.cost, 0)),
    departments,
    unpriced: [...held].filter((sku) => !prices.perSeat.has(sku)).sort(),
  };
}
