import { seatsDemanded } from "../summary";
import type { Rule, RuleContext } from "./context";

const msg = {
  over: (sku: string, demanded: number, seats: number, biggest: string) =>
    `departments taking ${sku} need ${demanded} seats, but ${seats} are owned (largest: ${biggest}) — raise seats to at least ${demanded}, buy more licences, or take ${sku} off a department`,
};

/** How many of the largest demanding departments a message names: enough to act on, short enough to read. */
const NAMED = 3;

export const seatsRule: Rule = {
  info: {
    id: "licence-seats",
    summary:
      "For every SKU, the headcounts of the departments that take it add up to no more than the seats the catalogue owns.",
    errors: [
      {
        when: "the departments taking a SKU need more seats than `seats`",
        example: msg.over("SPE_E5", 27410, 27000, "security 4100, mobility 3050, citizen-services 2900"),
      },
    ],
  },
  check: checkSeats,
};

function checkSeats(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  if (!tenant) return;
  const departments = ctx.loaded.departments.map((d) => d.value);
  tenant.value.licensing.skus.forEach((sku, i) => {
    const demanded = seatsDemanded({ departments }, sku.partNumber);
    if (demanded <= sku.seats) return;
    const biggest = departments
      .filter((d) => d.licences.some((l) => l.sku === sku.partNumber))
      .sort((a, b) => b.headcount - a.headcount || a.id.localeCompare(b.id))
      .slice(0, NAMED)
      .map((d) => `${d.id} ${d.headcount}`)
      .join(", ");
    ctx.at(tenant, ["licensing", "skus", i, "seats"], msg.over(sku.partNumber, demanded, sku.seats, biggest));
  });
}
