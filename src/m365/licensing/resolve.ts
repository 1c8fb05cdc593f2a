/**
 * Part numbers and plan names → ids. The definition names SKUs by part number and plans by name because the
 * ids differ between clouds (GCC, national clouds) and are unreadable in review; the tenant's own
 * `subscribedSkus` is the only authority for the ids (graph-teams-licensing.md §1.6 note).
 */
import type { Licence, ResolvedLicence, SubscribedSku } from "./types";

export interface Resolution {
  resolved: ResolvedLicence[];
  /** One sentence per licence that cannot be assigned in this tenant; empty when all resolve. */
  problems: string[];
}

/** SKUs that cannot take new assignments (§1.1 capabilityStatus); Warning is a grace period and still works. */
const UNASSIGNABLE_STATUS = ["Suspended", "Deleted", "LockedOut"];

export function findSku(skus: readonly SubscribedSku[], partNumber: string): SubscribedSku | undefined {
  // Exact first; Microsoft's part numbers are upper-case but a hand-typed definition may not be.
  return (
    skus.find((s) => s.skuPartNumber === partNumber) ??
    skus.find((s) => s.skuPartNumber.toLowerCase() === partNumber.toLowerCase())
  );
}

export function resolveLicences(licences: readonly Licence[], skus: readonly SubscribedSku[]): Resolution {
  const resolved: ResolvedLicence[] = [];
  const problems: string[] = [];
  const available = skus.map((s) => s.skuPartNumber).sort();
  for (const licence of licences) {
    const sku = findSku(skus, licence.skuPartNumber);
    if (!sku) {
      problems.push(
        `SKU ${licence.skuPartNumber} is not subscribed in this tenant (subscribedSkus has ${available.join(", ") || "none"})`,
      );
      continue;
    }
    if (sku.appliesTo && sku.appliesTo !== "User") {
      problems.push(
        `SKU ${licence.skuPartNumber} applies to ${sku.appliesTo}, not to users; it cannot be assigned`,
      );
      continue;
    }
    if (sku.capabilityStatus && UNASSIGNABLE_STATUS.includes(sku.capabilityStatus)) {
      problems.push(
        `SKU ${licence.skuPartNumber} is ${sku.capabilityStatus} in this tenant; renew or reactivate the subscription`,
      );
      continue;
    }
    const plans = sku.servicePlans ?? [];
    const ids: string[] = [];
    for (const name of licence.disabledPlans) {
      const plan =
        plans.find((p) => p.servicePlanName === name) ??
        plans.find((p) => p.servicePlanName.toLowerCase() === name.toLowerCase());
      if (plan) ids.push(plan.servicePlanId.toLowerCase());
      else {
        problems.push(
          `service plan ${name} is not part of SKU ${licence.skuPartNumber} in this tenant (it has ${plans
            .map((p) => p.servicePlanName)
            .sort()
            .join(", ")})`,
        );
      }
    }
    resolved.push({
      skuPartNumber: sku.skuPartNumber,
      skuId: sku.skuId.toLowerCase(),
      disabledPlans: [...licence.disabledPlans].sort(),
      disabledPlanIds: [...new Set(ids)].sort(),
    });
  }
  return { resolved, problems };
}

/**
 * The other way, for refresh: the group's assigned licences as part numbers and plan names. An id the tenant
 * no longer lists (a cancelled subscription) is kept as the id, so the drift stays visible.
 */
export function describeAssigned(
  assigned: readonly { skuId: string; disabledPlans: readonly string[] }[],
  skus: readonly SubscribedSku[],
): ResolvedLicence[] {
  return assigned
    .map((a) => {
      const sku = skus.find((s) => s.skuId.toLowerCase() === a.skuId.toLowerCase());
      const planIds = a.disabledPlans.map((p) => p.toLowerCase()).sort();
      const planName = (id: string) =>
        sku?.servicePlans?.find((p) => p.servicePlanId.toLowerCase() === id)?.servicePlanName ?? id;
      return {
        skuPartNumber: sku?.skuPartNumber ?? a.skuId.toLowerCase(),
        skuId: a.skuId.toLowerCase(),
        disabledPlans: planIds.map(planName).sort(),
        disabledPlanIds: planIds,
      };
    })
    .sort((x, y) => x.skuPartNumber.localeCompare(y.skuPartNumber));
}
