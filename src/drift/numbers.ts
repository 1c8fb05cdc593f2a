/**
 * Phone numbers per department: every row of the department's numbers file (the NumberAssignments inputs of
 * `departmentNumberArgs`) against who holds the number live, its LIS location translated back to the
 * definition's location id, and its category; then numbers of the department's ranges assigned live but in
 * no department's file.
 */
import type { TenantDefinition } from "../config/definition";
import { findRange } from "../config/numberRanges";
import type { Department } from "../config/schema/department";
import { departmentNumberArgs } from "../teams/layerNumbers";
import { upnOf, type LiveIndex } from "./liveIndex";
import type { DriftEntry } from "./types";

export function compareNumbers(
  definition: TenantDefinition,
  department: Department,
  index: LiveIndex,
  definedNumbers: ReadonlySet<string>,
): DriftEntry[] {
  const out: DriftEntry[] = [];
  const base = { area: "numbers" as const, department: department.id };
  const rows = departmentNumberArgs(definition, department.id)?.assignments ?? [];
  for (const row of rows) {
    const live = index.numberByTel.get(row.number);
    const holder = index.holderOf.get(row.number);
    const expectedUser = index.userByUpn.get(row.userPrincipalName.toLowerCase());
    if (!holder) {
      out.push({
        ...base,
        kind: live ? "number-unassigned" : "number-not-in-inventory",
        subject: row.number,
        expected: row.userPrincipalName,
        actual: null,
        message: live
          ? `${row.number} is unassigned; the definition gives it to ${row.userPrincipalName}`
          : `${row.number} is not in the tenant's number inventory; the definition gives it to ${row.userPrincipalName}`,
      });
      continue;
    }
    if (!expectedUser || holder !== expectedUser.id.toLowerCase()) {
      const actual = upnOf(index, holder);
      out.push({
        ...base,
        kind: "number-other-user",
        subject: row.number,
        expected: row.userPrincipalName,
        actual,
        message: `${row.number} is assigned to ${actual}; the definition gives it to ${row.userPrincipalName}`,
      });
      continue;
    }
    if (live) {
      const liveLocation = live.locationId
        ? (index.definitionLocationOf.get(live.locationId) ?? `LIS location ${live.locationId}`)
        : null;
      if (liveLocation !== row.emergencyLocation) {
        out.push({
          ...base,
          kind: "number-location",
          subject: row.number,
          expected: row.emergencyLocation,
          actual: liveLocation,
          message: `${row.number} (${row.userPrincipalName}) has emergency location ${liveLocation ?? "none"}; the definition says ${row.emergencyLocation}`,
        });
      }
    }
    const category =
      live?.assignmentCategory ??
      index.configById.get(holder)?.telephoneNumbers.find((t) => t.telephoneNumber === row.number)
        ?.assignmentCategory ??
      null;
    if (category !== null && category !== row.category) {
      out.push({
        ...base,
        kind: "number-category",
        subject: row.number,
        expected: row.category,
        actual: category,
        message: `${row.number} (${row.userPrincipalName}) is assigned as ${category}; the definition says ${row.category}`,
      });
    }
  }

  // Assigned live in one of the department's ranges, but no department's file has it.
  const ranges = definition.tenant.numberRanges.filter((r) => department.numberRanges.includes(r.id));
  if (ranges.length > 0) {
    for (const number of index.heldNumbers) {
      if (definedNumbers.has(number) || !findRange(ranges, number)) continue;
      const holder = index.holderOf.get(number)!;
      const actual = upnOf(index, holder);
      out.push({
        ...base,
        kind: "number-not-in-definition",
        subject: number,
        expected: null,
        actual,
        message: `${number} of a ${department.id} range is assigned to ${actual} but is in no numbers file`,
      });
    }
  }
  return out;
}
