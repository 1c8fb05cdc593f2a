import { ROOT_STACK_TYPE, type RenderedGraph, type RenderedResource } from "../render/graph";
import { departmentCreatedFor } from "./ownership";

/** The counts the plain `tenant plan` prints: per type, per department, shared. */

export interface TypeCount {
  type: string;
  count: number;
}

export interface DepartmentCount {
  id: string;
  /** Cloud resources (not components) created for the department, by type. */
  types: TypeCount[];
  total: number;
}

export interface GraphSummary {
  /** Every registration except the root stack, by type; reads (StackReference) are listed separately. */
  types: TypeCount[];
  reads: TypeCount[];
  resources: number;
  components: number;
  departments: DepartmentCount[];
  /** Cloud resources that belong to no single department (landing zone, shared subscriptions). */
  shared: number;
}

function countByType(resources: readonly RenderedResource[]): TypeCount[] {
  const counts = new Map<string, number>();
  for (const r of resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  return [...counts.entries()]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => a.type.localeCompare(b.type));
}

/** Counts per type and per department: the numbers `tenant plan` prints. */
export function summarizeGraph(graph: RenderedGraph, departmentIds: readonly string[]): GraphSummary {
  const all = graph.resources.filter((r) => r.type !== ROOT_STACK_TYPE);
  const created = all.filter((r) => !r.read);
  const cloud = created.filter((r) => r.custom);
  const byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
  const perDepartment = new Map<string, RenderedResource[]>(departmentIds.map((id) => [id, []]));
  let shared = 0;
  for (const r of cloud) {
    const id = departmentCreatedFor(r, byUrn);
    const list = id === undefined ? undefined : perDepartment.get(id);
    if (list) list.push(r);
    else shared += 1;
  }
  return {
    types: countByType(created),
    reads: countByType(all.filter((r) => r.read)),
    resources: cloud.length,
    components: created.length - cloud.length,
    departments: [...perDepartment.entries()].map(([id, list]) => ({
      id,
      types: countByType(list),
      total: list.length,
    })),
    shared,
  };
}
