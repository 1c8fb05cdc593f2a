import { ISO_4217 } from "../schema/iso4217";
import type { Rule, RuleContext } from "./context";
import { place, suggestion } from "./wording";

const msg = {
  unknownCurrency: (currency: string) =>
    `currency '${currency}' is not an ISO 4217 currency code — use the code of the currency the city pays in, such as EUR or USD`,
  otherCurrency: (currency: string, first: string, where: string) =>
    `price in ${currency}, but the tenant's prices are in ${first} (${where}) — give every price in one currency so department costs add up`,
  unknownSku: (sku: string, hint: string) =>
    `price for SKU '${sku}', which is not in licensing.skus (${hint}) — price only SKUs the catalogue declares`,
  repeatedSku: (sku: string, first: string) =>
    `SKU '${sku}' is already priced at ${first} — give each SKU one price`,
};

export const pricesRule: Rule = {
  info: {
    id: "licence-prices",
    summary:
      "Licence prices are in one ISO 4217 currency for the whole tenant, and price each catalogue SKU at most once.",
    errors: [
      { when: "a price's currency is not an ISO 4217 code", example: msg.unknownCurrency("EUD") },
      {
        when: "prices use more than one currency",
        example: msg.otherCurrency("USD", "EUR", "stacks/example/tenant.yaml:178"),
      },
      {
        when: "a price names a SKU the catalogue does not have",
        example: msg.unknownSku("SPE_E3", "did you mean 'SPE_E5'?"),
      },
      {
        when: "a SKU is priced twice",
        example: msg.repeatedSku("SPE_E5", "stacks/example/tenant.yaml:178"),
      },
    ],
  },
  check: checkPrices,
};

function checkPrices(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  if (!tenant) return;
  const { skus, prices } = tenant.value.licensing;
  const partNumbers = skus.map((s) => s.partNumber);
  const priced = new Map<string, number>();
  let currencyAt: number | undefined;
  prices.forEach((price, i) => {
    const path = (field: string) => ["licensing", "prices", i, field];
    if (!ISO_4217.has(price.currency)) ctx.at(tenant, path("currency"), msg.unknownCurrency(price.currency));
    else if (currencyAt === undefined) currencyAt = i;
    else {
      const first = prices[currencyAt]!.currency;
      if (price.currency !== first) {
        const where = place(tenant, ["licensing", "prices", currencyAt, "currency"]);
        ctx.at(tenant, path("currency"), msg.otherCurrency(price.currency, first, where));
      }
    }
    if (!partNumbers.includes(price.sku)) {
      ctx.at(tenant, path("sku"), msg.unknownSku(price.sku, suggestion(price.sku, partNumbers)));
      return;
    }
    const seen = priced.get(price.sku);
    if (seen !== undefined) {
      ctx.at(
        tenant,
        path("sku"),
        msg.repeatedSku(price.sku, place(tenant, ["licensing", "prices", seen, "sku"])),
      );
    } else priced.set(price.sku, i);
  });
}
