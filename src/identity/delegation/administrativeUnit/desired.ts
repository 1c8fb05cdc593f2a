/**
 * What a department's administrative unit should be: the provider sends it, the emulator's seed stores it and
 * drift compares with it, so all three agree by construction. Pure.
 */
import type { Department } from "../../../config/schema/department";
import { departmentAdministrativeUnitName } from "../../../naming";
import type { AdministrativeUnitInputs } from "../../../resourceTypes";
import { membershipRule } from "../../membershipRule";

export function desiredAdministrativeUnit(
  shortName: string,
  department: Department,
): AdministrativeUnitInputs {
  return {
    department: department.id,
    displayName: departmentAdministrativeUnitName(shortName, department.id),
    description: `${department.displayName}: the department's users, administered by its admins (scoped roles).`,
    membershipRule: membershipRule(department.membership),
  };
}

/**
 * The body of `POST /directory/administrativeUnits` (and of the PATCH that turns an adopted unit dynamic):
 * membershipType `Dynamic` with the rule, processing `On` (learn.microsoft.com/graph/api/directory-post-administrativeunits,
 * v1.0, read 2026-12-04: membershipType "dynamic, assigned", membershipRuleProcessingState "On, Paused").
 */
export function graphAdministrativeUnit(inputs: AdministrativeUnitInputs): Record<string, string> {
  return {
    displayName: inputs.displayName,
    description: inputs.description,
    membershipType: "Dynamic",
    membershipRule: inputs.membershipRule,
    membershipRuleProcessingState: "On",
  };
}

/** The settings the toolkit owns, as read back from Graph, for diff and drift. */
export interface AdministrativeUnitView {
  id: string;
  displayName: string;
  description: string;
  membershipType: string;
  membershipRule: string;
  membershipRuleProcessingState: string;
}

export const ADMINISTRATIVE_UNIT_SELECT =
  "id,displayName,description,membershipType,membershipRule,membershipRuleProcessingState";

export function viewOf(raw: Record<string, unknown>): AdministrativeUnitView {
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  return {
    id: text(raw.id),
    displayName: text(raw.displayName),
    description: text(raw.description),
    membershipType: text(raw.membershipType),
    membershipRule: text(raw.membershipRule),
    membershipRuleProcessingState: text(raw.membershipRuleProcessingState),
  };
}

/**
 * The properties a unit must change to match `inputs` (empty when it matches). Membership type and processing
 * state compare case-insensitively: the docs write `dynamic` and `On`, the service's casing is *assumed*.
 */
export function unitPatch(
  view: AdministrativeUnitView,
  inputs: AdministrativeUnitInputs,
): Record<string, string> {
  const want = graphAdministrativeUnit(inputs);
  const patch: Record<string, string> = {};
  for (const key of ["displayName", "description", "membershipRule"] as const)
    if (view[key] !== want[key]) patch[key] = want[key];
  for (const key of ["membershipType", "membershipRuleProcessingState"] as const)
    if (view[key].toLowerCase() !== want[key].toLowerCase()) patch[key] = want[key];
  return patch;
}
