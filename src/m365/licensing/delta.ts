/**
 * The one assignLicense a change needs. `addLicenses` replaces a SKU's disabled plans rather than adding to
 * them (graph-teams-licensing.md §1.2), so a SKU whose plans changed is re-sent whole; SKUs that are already
 * as desired are left out, and SKUs the group holds but the definition no longer lists are removed.
 */
import type { AssignedLicense, LicenceDelta, ResolvedLicence } from "./types";

export function licenceDelta(
  current: readonly AssignedLicense[],
  desired: readonly ResolvedLicence[],
): LicenceDelta {
  const byId = new Map(current.map((c) => [c.skuId.toLowerCase(), c]));
  const wanted = new Set(desired.map((d) => d.skuId.toLowerCase()));
  const addLicenses = desired
    .filter((d) => {
      const have = byId.get(d.skuId.toLowerCase());
      return !have || !samePlans(have.disabledPlans, d.disabledPlanIds);
    })
    .map((d) => ({ skuId: d.skuId.toLowerCase(), disabledPlans: [...d.disabledPlanIds] }))
    .sort((a, b) => a.skuId.localeCompare(b.skuId));
  const removeLicenses = [...byId.keys()].filter((id) => !wanted.has(id)).sort();
  return { addLicenses, removeLicenses };
}

export function isEmptyDelta(delta: LicenceDelta): boolean {
  return delta.addLicenses.length === 0 && delta.removeLicenses.length === 0;
}

function samePlans(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a.map((p) => p.toLowerCase()));
  const y = new Set(b.map((p) => p.toLowerCase()));
  return x.size === y.size && [...x].every((p) => y.has(p));
}
