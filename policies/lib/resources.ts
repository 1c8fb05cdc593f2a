import type { PolicyResource } from "@pulumi/policy";
import { COMPONENT_TYPES } from "../../src/resourceTypes";

/** Helpers for stack policies. Props are outputs under the engine and inputs offline; read what both carry. */

export const DEPARTMENT_ZONE = COMPONENT_TYPES.departmentLandingZone;
export const PLATFORM_DEPARTMENT = "platform";

export function ofType(resources: readonly PolicyResource[], token: string): PolicyResource[] {
  return resources.filter((r) => r.type === token);
}

/** A string prop, or undefined when absent or not a string (an unknown still throws, as it should). */
export function stringProp(props: Record<string, unknown>, key: string): string | undefined {
  const value = props[key];
  return typeof value === "string" ? value : undefined;
}

/**
 * The department a resource belongs to: its `department` tag, else the DepartmentLandingZone component above it
 * (named after the department id). `platform` and unowned resources give undefined.
 */
export function departmentOf(resource: PolicyResource): string | undefined {
  const tags = resource.props.tags as Record<string, unknown> | undefined;
  const tag = tags && typeof tags === "object" ? tags.department : undefined;
  if (typeof tag === "string") return tag === PLATFORM_DEPARTMENT ? undefined : tag;
  for (let p = resource.parent; p; p = p.parent) {
    if (p.type === DEPARTMENT_ZONE) return p.name;
  }
  return undefined;
}

/** Lists in messages: `'a', 'b' and 'c'`. */
export function quoteList(items: readonly string[]): string {
  const quoted = items.map((i) => `'${i}'`);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
}
