/**
 * Licences per department group, as the GroupLicenses resource owns them: the desired set comes from
 * `desiredLicences` and is resolved against the tenant's own `subscribedSkus` with `resolveLicences`, so a
 * plan name matches by id exactly as `pulumi up` would send it. Departments without licences have no
 * GroupLicenses resource, so their group's licences are not compared.
 */
import type { TenantDefinition } from "../config/definition";
import type { Department } from "../config/schema/department";
import { desiredLicences } from "../m365/licensing/desired";
import { resolveLicences } from "../m365/licensing/resolve";
import type { SubscribedSku } from "../m365/licensing/types";
import type { LiveGroup, LiveLicence } from "../live/snapshot";
import type { LiveIndex } from "./liveIndex";
import type { DriftEntry } from "./types";

function subscribedSkus(index: LiveIndex): SubscribedSku[] {
  return index.live.skus.map((s) => ({
    skuId: s.skuId,
    skuPartNumber: s.skuPartNumber,
    servicePlans: s.servicePlans,
  }));
}

const planList = (names: readonly string[]) => (names.length > 0 ? [...names].sort().join(", ") : "none");

function liveName(l: LiveLicence): string {
  return l.skuPartNumber ?? l.skuId.toLowerCase();
}

export function compareLicences(
  definition: TenantDefinition,
  department: Department,
  group: LiveGroup,
  index: LiveIndex,
): DriftEntry[] {
  if (department.licences.length === 0) return [];
  const out: DriftEntry[] = [];
  const base = { area: "licences" as const, department: department.id };
  const desired = desiredLicences(definition, department).licences;
  const { resolved, problems } = resolveLicences(desired, subscribedSkus(index));
  for (const problem of problems) {
    out.push({
      ...base,
      kind: "licence-unresolvable",
      subject: group.displayName,
      expected: null,
      actual: null,
      message: `${problem}; drift cannot compare it`,
    });
  }
  const unresolved = desired
    .filter((d) => !resolved.some((r) => r.skuPartNumber.toLowerCase() === d.skuPartNumber.toLowerCase()))
    .map((d) => d.skuPartNumber.toLowerCase());
  const assigned = new Map(group.assignedLicenses.map((l) => [l.skuId.toLowerCase(), l]));
  for (const r of resolved) {
    const live = assigned.get(r.skuId);
    const subject = `${group.displayName} ${r.skuPartNumber}`;
    if (!live) {
      out.push({
        ...base,
        kind: "licence-missing",
        subject,
        expected: `${r.skuPartNumber} (disabled plans: ${planList(r.disabledPlans)})`,
        actual: null,
        message: `group ${group.displayName} does not have ${r.skuPartNumber}, which the definition assigns`,
      });
      continue;
    }
    const liveIds = [...new Set(live.disabledPlanIds.map((p) => p.toLowerCase()))].sort();
    if (liveIds.join(",") !== r.disabledPlanIds.join(",")) {
      const names = live.disabledPlanNames.length === liveIds.length ? live.disabledPlanNames : liveIds;
      out.push({
        ...base,
        kind: "licence-disabled-plans",
        subject,
        expected: planList(r.disabledPlans),
        actual: planList(names),
        message: `group ${group.displayName} has ${r.skuPartNumber} with other plans switched off than the definition`,
      });
    }
  }
  for (const live of group.assignedLicenses) {
    const id = live.skuId.toLowerCase();
    if (resolved.some((r) => r.skuId === id)) continue;
    if (live.skuPartNumber && unresolved.includes(live.skuPartNumber.toLowerCase())) continue;
    out.push({
      ...base,
      kind: "licence-extra",
      subject: `${group.displayName} ${liveName(live)}`,
      expected: null,
      actual: `${liveName(live)} (disabled plans: ${planList(live.disabledPlanNames)})`,
      message: `group ${group.displayName} has ${liveName(live)}, which the definition does not assign`,
    });
  }
  return out;
}
