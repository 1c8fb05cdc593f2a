import type { RenderedGraph } from "../render/graph";
import { RESOURCE_TYPES, type GroupLicensesInputs } from "../resourceTypes";
import type { SeatUse, SkuDelta } from "./model";

/** GroupLicenses inputs per department (one resource each, resourceTypes.ts). */
export function licencesByDepartment(graph: RenderedGraph | undefined): Map<string, GroupLicensesInputs> {
  const map = new Map<string, GroupLicensesInputs>();
  for (const r of graph?.resources ?? []) {
    if (r.type !== RESOURCE_TYPES.groupLicenses || r.read) continue;
    const inputs = r.inputs as Partial<GroupLicensesInputs>;
    const department = typeof inputs.department === "string" ? inputs.department : r.name;
    map.set(department, {
      department,
      groupId: String(inputs.groupId ?? ""),
      headcount: typeof inputs.headcount === "number" ? inputs.headcount : 0,
      licences: Array.isArray(inputs.licences) ? inputs.licences : [],
    });
  }
  return map;
}

/**
 * Seats one department demands per SKU before and after: group-based licensing gives every member each SKU
 * of the group, so a department demands its headcount of every SKU it holds. Only SKUs that change are kept.
 */
export function skuDeltas(before?: GroupLicensesInputs, after?: GroupLicensesInputs): SkuDelta[] {
  const skus = new Set([...(before?.licences ?? []), ...(after?.licences ?? [])].map((l) => l.skuPartNumber));
  const deltas: SkuDelta[] = [];
  for (const sku of [...skus].sort()) {
    const was = before?.licences.find((l) => l.skuPartNumber === sku);
    const now = after?.licences.find((l) => l.skuPartNumber === sku);
    const delta: SkuDelta = {
      sku,
      before: was ? (before?.headcount ?? 0) : 0,
      after: now ? (after?.headcount ?? 0) : 0,
      // Plans of a SKU that appears or disappears as a whole are not news; only within a kept SKU.
      plansDisabled: was && now ? now.disabledPlans.filter((p) => !was.disabledPlans.includes(p)) : [],
      plansEnabled: was && now ? was.disabledPlans.filter((p) => !now.disabledPlans.includes(p)) : [],
    };
    if (delta.before !== delta.after || delta.plansDisabled.length > 0 || delta.plansEnabled.length > 0) {
      deltas.push(delta);
    }
  }
  return deltas;
}

/** Seat use per SKU across the tenant at the head (demanded vs owned), with the base demand for comparison. */
export function seatUse(base: RenderedGraph | undefined, head: RenderedGraph): SeatUse[] {
  const seats = new Map<string, SeatUse>();
  const add = (graph: RenderedGraph | undefined, field: "demanded" | "demandedBefore") => {
    for (const g of licencesByDepartment(graph).values()) {
      for (const l of g.licences) {
        const s = seats.get(l.skuPartNumber) ?? {
          sku: l.skuPartNumber,
          demanded: 0,
          owned: 0,
          demandedBefore: 0,
        };
        s[field] += g.headcount;
        if (field === "demanded") s.owned = Math.max(s.owned, l.seatsOwned ?? 0);
        seats.set(l.skuPartNumber, s);
      }
    }
  };
  add(head, "demanded");
  add(base, "demandedBefore");
  return [...seats.values()].sort((a, b) => b.demanded - a.demanded || a.sku.localeCompare(b.sku));
}
