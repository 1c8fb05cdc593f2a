import { problemsAfter, type RuleCase } from "../helpers/validate";

const T = "tenant.yaml";
/** The minimal fixture's catalogue ends with MCOEV's seats; prices go right after it. */
const AFTER = "    - partNumber: MCOEV\n      seats: 10\n";
const prices = (...rows: string[]): [string, string, string] => [
  T,
  AFTER,
  `${AFTER}  prices:\n${rows.map((r) => `    - ${r}\n`).join("")}`,
];

describe("licence-prices", () => {
  const cases: RuleCase[] = [
    {
      name: "prices in one currency for catalogue SKUs, a free SKU included",
      edits: [
        prices(
          "{ sku: SPE_E5, currency: EUR, perSeatPerMonth: 54.75 }",
          "{ sku: MCOEV, currency: EUR, perSeatPerMonth: 0 }",
        ),
      ],
      errors: [],
    },
    {
      name: "a currency that is not ISO 4217",
      edits: [prices("{ sku: SPE_E5, currency: EUD, perSeatPerMonth: 54.75 }")],
      errors: [
        "tenant.yaml:51:32: licensing.prices[0].currency: currency 'EUD' is not an ISO 4217 currency code — use the code of the currency the city pays in, such as EUR or USD",
      ],
    },
    {
      name: "two currencies in one tenant",
      edits: [
        prices(
          "{ sku: SPE_E5, currency: EUR, perSeatPerMonth: 54.75 }",
          "{ sku: MCOEV, currency: USD, perSeatPerMonth: 10 }",
        ),
      ],
      errors: [
        "tenant.yaml:52:31: licensing.prices[1].currency: price in USD, but the tenant's prices are in EUR (tenant.yaml:51) — give every price in one currency so department costs add up",
      ],
    },
    {
      name: "a price for a SKU the catalogue does not declare",
      edits: [prices("{ sku: SPE_E3, currency: EUR, perSeatPerMonth: 36 }")],
      errors: [
        "tenant.yaml:51:14: licensing.prices[0].sku: price for SKU 'SPE_E3', which is not in licensing.skus (did you mean 'SPE_E5'?) — price only SKUs the catalogue declares",
      ],
    },
    {
      name: "a SKU priced twice",
      edits: [
        prices(
          "{ sku: SPE_E5, currency: EUR, perSeatPerMonth: 54.75 }",
          "{ sku: SPE_E5, currency: EUR, perSeatPerMonth: 50 }",
        ),
      ],
      errors: [
        "tenant.yaml:52:14: licensing.prices[1].sku: SKU 'SPE_E5' is already priced at tenant.yaml:51 — give each SKU one price",
      ],
    },
    {
      name: "a negative price",
      edits: [prices("{ sku: SPE_E5, currency: EUR, perSeatPerMonth: -1 }")],
      errors: [
        "tenant.yaml:51:54: licensing.prices[0].perSeatPerMonth: -1 is too small: it must be at least 0 — raise it",
      ],
    },
    {
      name: "a cost-increase threshold of zero",
      edits: [[T, "licensing:\n", "planRisks:\n  costIncreasePerMonth: 0\nlicensing:\n"]],
      errors: [
        "tenant.yaml:44:25: planRisks.costIncreasePerMonth: 0 is too small: it must be more than 0 — raise it",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});
