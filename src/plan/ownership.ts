import type { RenderedResource } from "../render/graph";
import { DYNAMIC_MODULES } from "../resourceTypes";
import { PLATFORM_DEPARTMENT, TAG_KEYS } from "../tags";
import type { PlanLayer } from "./model";
import { isRecord } from "./values";

/**
 * Who owns a resource in the plan: a department and a layer. Read from the graph alone (parents, inputs,
 * tags), so a resource deleted at the base is placed as well as one created at the head.
 */

/**
 * Components standing for one department; their logical name is the department id. The `TYPE`s of
 * DepartmentLandingZone and DepartmentIdentity (a test pins them equal); written out here so the pure plan code
 * does not load azure-native just to learn two strings.
 */
export const DEPARTMENT_COMPONENTS: readonly string[] = [
  "tenant:department:DepartmentLandingZone",
  "tenant:identity:DepartmentIdentity",
];

/** Component type prefixes → layer: the program's components say which layer built their children. */
const COMPONENT_LAYERS: readonly [string, PlanLayer][] = [
  ["tenant:identity:", "identity"],
  ["tenant:department:", "landingZone"],
  ["tenant:landingZone:", "landingZone"],
  ["tenant:m365:", "m365"],
  ["tenant:teams:", "teamsVoice"],
  ["tenant:teamsVoice:", "teamsVoice"],
];

/** Type token prefixes → layer, for resources outside any layer component. */
const TYPE_LAYERS: readonly [string, PlanLayer][] = [
  [`pulumi-nodejs:dynamic/${DYNAMIC_MODULES.m365}:`, "m365"],
  [`pulumi-nodejs:dynamic/${DYNAMIC_MODULES.teams}:`, "teamsVoice"],
  ["azuread:", "identity"],
  ["azure-native:", "landingZone"],
];

export type UrnIndex = ReadonlyMap<string, RenderedResource>;

export function indexByUrn(resources: readonly RenderedResource[]): Map<string, RenderedResource> {
  return new Map(resources.map((r) => [r.urn, r]));
}

/** The nearest department component at or above a resource: its logical name is the department id. */
function departmentComponentOf(resource: RenderedResource, byUrn: UrnIndex): string | undefined {
  for (
    let at: RenderedResource | undefined = resource;
    at;
    at = at.parent ? byUrn.get(at.parent) : undefined
  ) {
    if (DEPARTMENT_COMPONENTS.includes(at.type)) return at.name;
  }
  return undefined;
}

/**
 * The department a resource is created for, as the plain `tenant plan` counts it (graphSummary.ts,
 * subscriptions.ts): the nearest department component above it, else the `department` input the per-department
 * dynamic resources carry (src/resourceTypes.ts). Tags are not read: a resource placed by tag alone counts as
 * shared there.
 */
export function departmentCreatedFor(resource: RenderedResource, byUrn: UrnIndex): string | undefined {
  const component = departmentComponentOf(resource, byUrn);
  if (component !== undefined) return component;
  const department = resource.inputs.department;
  return typeof department === "string" ? department : undefined;
}

/**
 * The department a resource belongs to in a `--base` plan: the nearest department component above it; else its
 * own `department` input (the toolkit's dynamic resources carry one); else its `department` tag unless that is
 * the platform's (so a resource deleted at the base is placed as well as one created at the head).
 */
export function departmentOfResource(resource: RenderedResource, byUrn: UrnIndex): string | undefined {
  const component = departmentComponentOf(resource, byUrn);
  if (component !== undefined) return component;
  const own = resource.inputs.department;
  if (typeof own === "string" && own.length > 0) return own;
  const tags = resource.inputs.tags;
  const tag = isRecord(tags) ? tags[TAG_KEYS.department] : undefined;
  return typeof tag === "string" && tag !== PLATFORM_DEPARTMENT ? tag : undefined;
}

/** The layer that builds a resource: from its nearest layer component, else from its type token. */
export function layerOfResource(resource: RenderedResource, byUrn: UrnIndex): PlanLayer {
  for (let at = resource.parent ? byUrn.get(resource.parent) : undefined; at;) {
    const hit = COMPONENT_LAYERS.find(([prefix]) => at!.type.startsWith(prefix));
    if (hit) return hit[1];
    at = at.parent ? byUrn.get(at.parent) : undefined;
  }
  return TYPE_LAYERS.find(([prefix]) => resource.type.startsWith(prefix))?.[1] ?? "other";
}
