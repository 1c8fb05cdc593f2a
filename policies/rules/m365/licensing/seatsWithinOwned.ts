import { RESOURCE_TYPES } from "../../../../src/resourceTypes";
import { definePolicy, validateStackWithToken } from "../../../lib/define";
import { groupLicenses } from "../../../lib/teams";

/**
 * The seats departments demand of each SKU do not exceed the seats the tenant owns.
 */
export const seatsWithinOwned = definePolicy(
  {
    id: "m365-licensing-grouplicenses-seats-within-owned",
    vendor: "m365",
    service: "licensing",
    kind: "stack",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "The seats departments demand of each SKU do not exceed the seats the tenant owns.",
    rationale:
      "Group-based licensing silently leaves users unlicensed once a SKU runs out: they lose mail and Teams " +
      "with only an error state on the group. Demand is each group's headcount.",
    remediation:
      "Buy seats and raise the SKU's seats in tenant.yaml licensing.skus, or take the SKU from a department.",
    topics: ["licensing", "capacity"],
  },
  {
    // Why a stack policy: demand is the sum over every department group taking the SKU.
    validateStack: validateStackWithToken(RESOURCE_TYPES.groupLicenses, (args, reportViolation) => {
      const demand = new Map<string, { seats: number; owned: number; departments: string[] }>();
      for (const { inputs } of groupLicenses(args.resources)) {
        for (const l of inputs.licences ?? []) {
          const entry = demand.get(l.skuPartNumber) ?? { seats: 0, owned: Infinity, departments: [] };
          entry.seats += inputs.headcount ?? 0;
          // Every resource carries the same catalogue value; the smallest wins if they ever disagree.
          entry.owned = Math.min(entry.owned, l.seatsOwned);
          entry.departments.push(inputs.department);
          demand.set(l.skuPartNumber, entry);
        }
      }
      for (const [sku, d] of [...demand].sort(([a], [b]) => a.localeCompare(b))) {
        if (d.seats > d.owned) {
          reportViolation(
            `SKU ${sku}: ${d.departments.length} department${d.departments.length === 1 ? "" : "s"} demand ${d.seats} seats but the tenant owns ${d.owned}.`,
          );
        }
      }
    }),
  },
);
