import type {
  ChangeOp,
  DepartmentSummary,
  NumberEntry,
  PropertyChange,
  ResourceChange,
} from "../../../src/plan/model";

/** A department's plan section with nothing in it; a test adds what it is about. */
export function departmentSummary(overrides: Partial<DepartmentSummary> = {}): DepartmentSummary {
  return {
    department: "culture",
    status: "changed",
    licences: [],
    numbers: [],
    policies: [],
    policyResources: [],
    budgets: [],
    access: [],
    phone: [],
    changes: [],
    ...overrides,
  };
}

/** One resource change of `type` named `name` (urn `urn:<name>`), in the department layer. */
export function resourceChange(
  op: ChangeOp,
  type: string,
  name: string,
  more: { properties?: PropertyChange[]; replaceReasons?: string[]; context?: Record<string, unknown> } = {},
): ResourceChange {
  return {
    op,
    urn: `urn:${name}`,
    type,
    name,
    layer: "other",
    properties: more.properties ?? [],
    replaceReasons: more.replaceReasons ?? [],
    ...(more.context ? { context: more.context } : {}),
  };
}

/** A numbers file entry of culture at the town hall. */
export function numberEntry(number: string, user: string, emergencyLocation = "town-hall-p0"): NumberEntry {
  return {
    number,
    user,
    department: "culture",
    emergencyLocation,
    category: "primary",
    numberType: "DirectRouting",
  };
}
