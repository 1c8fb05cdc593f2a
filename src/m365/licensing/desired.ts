/**
 * What the definition asks of one department group: its SKUs by part number, the plans switched off (the
 * catalogue's for every department plus the department's own, sorted) and the seats the city owns of each.
 */
import type { TenantDefinition } from "../../config/definition";
import type { Department } from "../../config/schema/department";
import type { GroupLicensesInputs } from "../../resourceTypes";
import { normalizeLicences } from "./inputs";

export function desiredLicences(
  definition: TenantDefinition,
  department: Department,
): Omit<GroupLicensesInputs, "groupId"> {
  const catalogue = new Map(definition.tenant.licensing.skus.map((s) => [s.partNumber, s]));
  const licences = department.licences.map((l) => {
    // Validation (rules/licences.ts) guarantees the SKU is in the catalogue.
    const sku = catalogue.get(l.sku);
    return {
      skuPartNumber: l.sku,
      disabledPlans: [...(sku?.disabledPlans ?? []), ...l.disabledPlans],
      seatsOwned: sku?.seats ?? 0,
    };
  });
  // The marker rides on the resource whose removal it allows: the policy pack reads it from here even when the
  // department has no numbers (a retiring department drops its licences before its file goes).
  const skus = department.intentionalRemovals?.skus ?? [];
  return {
    department: department.id,
    headcount: department.headcount,
    licences: normalizeLicences(licences),
    ...(skus.length > 0 ? { intentionalRemovals: { numbers: [], skus: [...skus] } } : {}),
  };
}
