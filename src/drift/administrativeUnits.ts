/**
 * Delegated administration (issue #16): each department's administrative unit against what Graph v1.0 holds,
 * matched by display name. The definition side is the provider's own pure functions (desiredAdministrativeUnit,
 * unitPatch), so a tenant `pulumi up` left behind has no drift, and a rule edited, the dynamic processing paused or
 * the unit deleted by hand is named with both sides. Units carrying the organisation's prefix (`au-<short>-`) that
 * no department has are extra; anyone else's units are left alone.
 */
import type { TenantDefinition } from "../config/definition";
import {
  desiredAdministrativeUnit,
  graphAdministrativeUnit,
  unitPatch,
  viewOf,
} from "../identity/delegation/administrativeUnit/desired";
import type { LiveTenant } from "../live/snapshot";
import type { DriftEntry } from "./types";

export function compareAdministrativeUnits(
  definition: TenantDefinition,
  live: LiveTenant["administrativeUnits"],
): DriftEntry[] {
  if (!definition.tenant.identity?.delegatedAdministration || !live) return [];
  const shortName = definition.tenant.organization.shortName;
  const byName = new Map(live.map((raw) => viewOf(raw)).map((u) => [u.displayName.toLowerCase(), u]));
  const entries: DriftEntry[] = [];
  const wanted = new Set<string>();
  for (const department of definition.departments) {
    const inputs = desiredAdministrativeUnit(shortName, department);
    wanted.add(inputs.displayName.toLowerCase());
    const unit = byName.get(inputs.displayName.toLowerCase());
    const base = { area: "identity" as const, department: department.id, subject: inputs.displayName };
    if (!unit) {
      entries.push({
        ...base,
        kind: "administrative-unit-missing",
        expected: inputs.membershipRule,
        actual: null,
        message: `administrative unit ${inputs.displayName} is not in Entra: the department's admins have no scope — \`pulumi up\` creates it again`,
      });
      continue;
    }
    const keys = Object.keys(unitPatch(unit, inputs));
    if (keys.length === 0) continue;
    const want = graphAdministrativeUnit(inputs);
    const pick = (o: Record<string, string>) =>
      JSON.stringify(Object.fromEntries(keys.map((k) => [k, o[k]])));
    entries.push({
      ...base,
      kind: "administrative-unit-settings",
      expected: pick(want),
      actual: pick(unit as unknown as Record<string, string>),
      message: `administrative unit ${inputs.displayName} differs from the definition in ${keys.join(", ")}: changed outside the toolkit — \`pulumi up\` sets it back`,
    });
  }
  const prefix = `au-${shortName}-`.toLowerCase();
  for (const [name, unit] of byName)
    if (name.startsWith(prefix) && !wanted.has(name))
      entries.push({
        area: "identity",
        kind: "administrative-unit-extra",
        department: null,
        subject: unit.displayName,
        expected: null,
        actual: unit.membershipRule,
        message: `administrative unit ${unit.displayName} carries the organisation's prefix but no department has it — delete it in Entra, or restore the department`,
      });
  return entries;
}
