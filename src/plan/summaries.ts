import type { RenderedGraph } from "../render/graph";
import { RESOURCE_TYPES } from "../resourceTypes";
import type { PhoneSchedulesDesired, PhoneServicesDesired } from "../teams/phoneServices/desired";
import {
  phoneSchedulesLines,
  phoneServicesLines,
  scheduleUsers,
  type PhoneServiceLine,
} from "./phoneServices";
import { accessChanges, accessIndex, type DirectoryNames } from "./access";
import { BUDGET_TYPE, diffBudget } from "./budgets";
import { licencesByDepartment, skuDeltas } from "./licences";
import type { DeclaredRanks, DepartmentSummary, ResourceChange } from "./model";
import { diffNumbers, numberChangeDepartment, numberEntries } from "./numbers";
import { departmentOfResource, indexByUrn } from "./ownership";
import {
  diffPolicyAssignments,
  policyAssignmentsByDepartment,
  TEAMS_POLICY_TYPES,
} from "./policyAssignments";

/**
 * Phone services in words per department (undefined: the tenant-wide calendars and schedules), from the
 * PhoneServices and PhoneSchedules inputs at the base and the head.
 */
function phoneServicesByDepartment(
  base: RenderedGraph | undefined,
  head: RenderedGraph,
): Map<string | undefined, PhoneServiceLine[]> {
  const byDepartment = (graph: RenderedGraph | undefined) =>
    new Map(
      (graph?.resources ?? [])
        .filter((r) => r.type === RESOURCE_TYPES.phoneServices)
        .map((r) => [String(r.inputs.department), r.inputs as unknown as PhoneServicesDesired]),
    );
  const schedulesOf = (graph: RenderedGraph | undefined) =>
    graph?.resources.find((r) => r.type === RESOURCE_TYPES.phoneSchedules)?.inputs as
      PhoneSchedulesDesired | undefined;
  const before = byDepartment(base);
  const after = byDepartment(head);
  const out = new Map<string | undefined, PhoneServiceLine[]>();
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const lines = phoneServicesLines(before.get(id), after.get(id));
    if (lines.length > 0) out.set(id, lines);
  }
  const tenantLines = phoneSchedulesLines(
    schedulesOf(base),
    schedulesOf(head),
    scheduleUsers([...after.values()]),
  );
  if (tenantLines.length > 0) out.set(undefined, tenantLines);
  return out;
}

/** The key of the tenant-wide section in maps keyed by department. */
const TENANT = "";

/** Departments a graph has: every department a resource belongs to. */
export function departmentsOf(graph: RenderedGraph | undefined): Set<string> {
  const index = indexByUrn(graph?.resources ?? []);
  const ids = new Set<string>();
  for (const r of graph?.resources ?? []) {
    const id = departmentOfResource(r, index);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

function emptySummary(department: string | undefined): DepartmentSummary {
  return {
    department,
    status: "changed",
    licences: [],
    numbers: [],
    policies: [],
    policyResources: [],
    budgets: [],
    access: [],
    phone: [],
    changes: [],
  };
}

/** True when the summary has nothing to say (no resource change and no entry-level change). */
export function isEmptySummary(s: DepartmentSummary): boolean {
  return (
    s.changes.length === 0 &&
    s.licences.length === 0 &&
    s.numbers.length === 0 &&
    s.policies.length === 0 &&
    s.budgets.length === 0 &&
    s.phone.length === 0
  );
}

/**
 * Per department (then tenant-wide), the changes in reviewer words: licences ± per SKU, numbers added,
 * removed and moved, policy grants, budgets, and the resource changes behind them. Departments without any
 * change are left out; order is by id (the plan orders by risk later).
 */
export function summarizeDepartments(
  base: RenderedGraph | undefined,
  head: RenderedGraph,
  changes: readonly ResourceChange[],
  declaredRanks?: DeclaredRanks,
  names: DirectoryNames = new Map(),
): DepartmentSummary[] {
  const summaries = new Map<string, DepartmentSummary>();
  const at = (department: string | undefined) => {
    const key = department ?? TENANT;
    let s = summaries.get(key);
    if (!s) summaries.set(key, (s = emptySummary(department)));
    return s;
  };

  for (const c of changes) {
    at(c.department).changes.push(c);
    if (TEAMS_POLICY_TYPES.includes(c.type)) at(c.department).policyResources.push(c);
  }

  for (const [department, lines] of phoneServicesByDepartment(base, head))
    at(department).phone.push(...lines);

  const licBefore = licencesByDepartment(base);
  const licAfter = licencesByDepartment(head);
  for (const id of new Set([...licBefore.keys(), ...licAfter.keys()])) {
    const deltas = skuDeltas(licBefore.get(id), licAfter.get(id));
    if (deltas.length > 0) at(id).licences.push(...deltas);
  }

  for (const n of diffNumbers(numberEntries(base), numberEntries(head))) {
    at(numberChangeDepartment(n)).numbers.push(n);
  }

  const polBefore = policyAssignmentsByDepartment(base);
  const polAfter = policyAssignmentsByDepartment(head);
  for (const id of new Set([...polBefore.keys(), ...polAfter.keys()])) {
    const diff = diffPolicyAssignments(polBefore.get(id), polAfter.get(id), {
      before: declaredRanks?.base.get(id),
      after: declaredRanks?.head.get(id),
    });
    if (diff.length > 0) at(id).policies.push(...diff);
  }

  // Both graphs indexed once, for the budgets and every section's access changes.
  const index = accessIndex(base, head, names);
  for (const c of changes) {
    if (c.type !== BUDGET_TYPE) continue;
    const b = diffBudget(c.name, index.was.get(c.urn), index.now.get(c.urn));
    if (b) at(c.department).budgets.push(b);
  }

  for (const s of summaries.values()) s.access = accessChanges(s.changes, index);

  const before = departmentsOf(base);
  const after = departmentsOf(head);
  for (const s of summaries.values()) {
    if (s.department === undefined) continue;
    if (!before.has(s.department) && after.has(s.department)) s.status = "new";
    else if (before.has(s.department) && !after.has(s.department)) s.status = "removed";
  }
  return [...summaries.values()]
    .filter((s) => !isEmptySummary(s))
    .sort((a, b) => (a.department ?? "\uffff").localeCompare(b.department ?? "\uffff"));
}
