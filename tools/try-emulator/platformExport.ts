/**
 * What scripts/try-emulator's platform stack exports, read from the emulator's groups: the identity layer's
 * `departments.<id>.{groupId, adminGroupId}` that the m365 and teamsVoice layers read through
 * `tenant:platformStack`. Pure: a definition and the groups Graph listed in, the export or the problems out.
 */
import type { TenantDefinition } from "../../src/config/definition";
import { departmentGroupName } from "../../src/naming";

/** The groups request: what platformExportFromGroups and looksRestartedEmpty read. */
export const GROUPS_REQUEST = "/groups?$select=id,displayName,assignedLicenses&$top=999";

/** A group as GROUPS_REQUEST returns it. */
export interface ListedGroup {
  id: string;
  displayName?: string | null;
  assignedLicenses?: { skuId: string }[] | null;
}

export interface DepartmentGroups {
  groupId: string;
  adminGroupId: string;
}

/** The m365 and teamsVoice layers never read the admin group, and the emulator seeds none. */
export const PLACEHOLDER_ADMIN_GROUP_ID = "00000000-0000-0000-0000-0000000000ad";

export type PlatformExport =
  { ok: true; departments: Record<string, DepartmentGroups> } | { ok: false; problems: string[] };

/**
 * Each department's group, found by the name the toolkit gives it (`grp-<short>-<id>`, matched without regard
 * to case, as drift matches it). A missing or ambiguous group is a problem naming the department and the group.
 */
export function platformExportFromGroups(
  definition: TenantDefinition,
  groups: readonly ListedGroup[],
): PlatformExport {
  const byName = new Map<string, string[]>();
  for (const g of groups) {
    const key = (g.displayName ?? "").toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), g.id]);
  }
  const problems: string[] = [];
  const departments: Record<string, DepartmentGroups> = {};
  for (const d of definition.departments) {
    const name = departmentGroupName(definition.tenant.organization.shortName, d.id);
    const ids = byName.get(name.toLowerCase()) ?? [];
    if (ids.length === 0) problems.push(`department ${d.id}: the emulator has no group ${name}`);
    else if (ids.length > 1)
      problems.push(
        `department ${d.id}: the emulator has ${ids.length} groups named ${name} (${ids.join(", ")})`,
      );
    else departments[d.id] = { groupId: ids[0], adminGroupId: PLACEHOLDER_ADMIN_GROUP_ID };
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, departments };
}

/**
 * True when a stack that was applied meets a tenant with no licence on any department group although the
 * definition gives some: the emulator was restarted without its `--state` file, and the stack's state describes
 * objects that no longer exist (an `up` would see no change and build nothing).
 */
export function looksRestartedEmpty(
  definition: TenantDefinition,
  departments: Record<string, DepartmentGroups>,
  groups: readonly ListedGroup[],
): boolean {
  const licensed = definition.departments.filter((d) => d.licences.length > 0).map((d) => d.id);
  if (licensed.length === 0) return false;
  const ids = new Set(licensed.map((id) => departments[id]?.groupId));
  return groups.filter((g) => ids.has(g.id)).every((g) => (g.assignedLicenses ?? []).length === 0);
}
