import type { TenantDefinition } from "./definition";
import { findRange, rangeSize } from "./numberRanges";
import { RESOURCE_ACCOUNT_SKU } from "./schema/phoneServices";

export interface RangeUse {
  id: string;
  type: string;
  size: number;
  assigned: number;
}

export interface SkuUse {
  partNumber: string;
  seats: number;
  demanded: number;
}

/** The one-screen picture of a valid definition that `tenant validate` prints. */
export interface DefinitionSummary {
  organization: string;
  departments: number;
  districts: number;
  users: number;
  numbers: number;
  ranges: RangeUse[];
  skus: SkuUse[];
  emergencyLocations: number;
}

export function summarize(def: TenantDefinition): DefinitionSummary {
  const { tenant, departments } = def;
  const assigned = new Map<string, number>();
  let numbers = 0;
  const resourceAccountNumbers = departments.flatMap((d) =>
    (d.phoneServices?.resourceAccounts ?? []).flatMap((r) => (r.number ? [{ number: r.number }] : [])),
  );
  // A resource account's public number uses its range like a user's does.
  for (const rows of [...Object.values(def.numbers), resourceAccountNumbers]) {
    for (const row of rows) {
      numbers++;
      const range = findRange(tenant.numberRanges, row.number);
      if (range) assigned.set(range.id, (assigned.get(range.id) ?? 0) + 1);
    }
  }
  return {
    organization: tenant.organization.name,
    departments: departments.length,
    districts: departments.filter((d) => d.kind === "district").length,
    users: departments.reduce((sum, d) => sum + d.headcount, 0),
    numbers,
    ranges: tenant.numberRanges.map((r) => ({
      id: r.id,
      type: r.type,
      size: rangeSize(r),
      assigned: assigned.get(r.id) ?? 0,
    })),
    skus: tenant.licensing.skus.map((sku) => ({
      partNumber: sku.partNumber,
      seats: sku.seats,
      demanded:
        seatsDemanded(def, sku.partNumber) +
        (sku.partNumber === RESOURCE_ACCOUNT_SKU ? resourceAccountsDeclared(def) : 0),
    })),
    emergencyLocations: tenant.emergencyAddresses.reduce((sum, a) => sum + a.locations.length, 0),
  };
}

/** Seats a SKU needs: the headcount of every department whose licences include it. */
export function seatsDemanded(def: Pick<TenantDefinition, "departments">, partNumber: string): number {
  return def.departments
    .filter((d) => d.licences.some((l) => l.sku === partNumber))
    .reduce((sum, d) => sum + d.headcount, 0);
}

/** Resource accounts the departments declare: each takes a seat of RESOURCE_ACCOUNT_SKU. */
export function resourceAccountsDeclared(def: Pick<TenantDefinition, "departments">): number {
  return def.departments.reduce((sum, d) => sum + (d.phoneServices?.resourceAccounts.length ?? 0), 0);
}
