import { ROOT_STACK_TYPE, type RenderedGraph, type RenderedResource } from "../render/graph";
import type { PropertyChange, ResourceChange } from "./model";
import { departmentOfResource, indexByUrn, layerOfResource, type UrnIndex } from "./ownership";
import { forcesReplace } from "./replace";
import { containsSecret, isRecord, printable, sameValue } from "./values";
import { arrayKeyFor } from "./arrayKeys";
import { reviewerInputs } from "./inputsView";
import { changeContext } from "./changeContext";

/**
 * The diff engine: two rendered graphs in, resource changes out, keyed by URN (as the engine keys state).
 * Pure: no I/O, no Pulumi runtime. Only cloud resources are diffed: components carry no inputs and reads
 * (StackReference) create nothing, so neither can be a change a reviewer approves.
 */
export function diffGraphs(base: RenderedGraph | undefined, head: RenderedGraph): ResourceChange[] {
  const baseResources = base ? base.resources.filter(isDiffable) : [];
  const headResources = head.resources.filter(isDiffable);
  const baseIndex = indexByUrn(base?.resources ?? []);
  const headIndex = indexByUrn(head.resources);
  const before = new Map(baseResources.map((r) => [r.urn, r]));
  const changes: ResourceChange[] = [];
  for (const now of headResources) {
    const was = before.get(now.urn);
    if (!was) {
      changes.push({ ...identity(now, headIndex), op: "create", inputs: printableInputs(now) });
      continue;
    }
    const change = diffResource(was, now, headIndex);
    if (change) changes.push(change);
  }
  const after = new Set(headResources.map((r) => r.urn));
  for (const was of baseResources) {
    if (!after.has(was.urn)) {
      changes.push({
        ...identity(was, baseIndex),
        ...(was.protect ? { protected: true } : {}),
        op: "delete",
        inputs: printableInputs(was),
      });
    }
  }
  return changes;
}

function isDiffable(r: RenderedResource): boolean {
  return r.custom && !r.read && r.type !== ROOT_STACK_TYPE;
}

function identity(r: RenderedResource, index: UrnIndex): Omit<ResourceChange, "op"> {
  return {
    urn: r.urn,
    type: r.type,
    name: r.name,
    department: departmentOfResource(r, index),
    layer: layerOfResource(r, index),
    properties: [],
    replaceReasons: [],
  };
}

function printableInputs(r: RenderedResource): Record<string, unknown> {
  return printable(reviewerInputs(r)) as Record<string, unknown>;
}

/** Update, likely replace, or nothing, for one resource present on both sides. */
export function diffResource(
  was: RenderedResource,
  now: RenderedResource,
  headIndex: UrnIndex,
): ResourceChange | undefined {
  // Rebuilt per call for number assignments (tens of thousands of entries): once per side.
  const nowInputs = reviewerInputs(now);
  const properties = diffValues(reviewerInputs(was), nowInputs, "", was.type).map((p) =>
    forcesReplace(was.type, p.path) ? { ...p, replaces: true } : p,
  );
  const replaceReasons = properties.filter((p) => p.replaces).map((p) => p.path);
  // The provider reference is `<provider urn>::<id>`; another provider means another subscription or tenant.
  if (providerUrn(was.provider) !== providerUrn(now.provider)) {
    replaceReasons.push("provider (subscription) changed");
  }
  if (properties.length === 0 && replaceReasons.length === 0) return undefined;
  const context = changeContext(now.type, nowInputs);
  return {
    ...identity(now, headIndex),
    ...(was.protect ? { protected: true } : {}),
    ...(context ? { context: printable(context) as Record<string, unknown> } : {}),
    op: replaceReasons.length > 0 ? "replace" : "update",
    properties,
    replaceReasons,
  };
}

function providerUrn(ref: string | undefined): string | undefined {
  return ref?.split("::").slice(0, -1).join("::") || undefined;
}

const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

function leaf(path: string, old: unknown, now: unknown): PropertyChange {
  const change: PropertyChange = { path };
  if (old !== undefined) change.old = printable(old);
  if (now !== undefined) change.new = printable(now);
  if (containsSecret(old) || containsSecret(now)) change.secret = true;
  return change;
}

/**
 * Every changed leaf path between two input values. Objects recurse per key; arrays of objects with a known
 * key (arrayKeys.ts) recurse per entry, so one number moving in a list of 3,000 is one path, not 3,000 shifted
 * indexes; other arrays are compared whole (a list of prefixes or thresholds reads best as old → new).
 */
export function diffValues(old: unknown, now: unknown, path: string, type: string): PropertyChange[] {
  if (sameValue(old, now)) return [];
  if (isRecord(old) && isRecord(now)) {
    const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])].sort();
    return keys.flatMap((k) => diffValues(old[k], now[k], join(path, k), type));
  }
  if (Array.isArray(old) && Array.isArray(now)) {
    const key = arrayKeyFor(type, path, old, now);
    if (key) return diffKeyedArray(old, now, path, type, key);
  }
  return [leaf(path, old, now)];
}

function diffKeyedArray(
  old: readonly unknown[],
  now: readonly unknown[],
  path: string,
  type: string,
  key: string,
): PropertyChange[] {
  const keyOf = (e: unknown) => String((e as Record<string, unknown>)[key]);
  const before = new Map(old.map((e) => [keyOf(e), e]));
  const after = new Map(now.map((e) => [keyOf(e), e]));
  const changes: PropertyChange[] = [];
  for (const [k, e] of after) changes.push(...diffValues(before.get(k), e, `${path}[${k}]`, type));
  for (const [k, e] of before) if (!after.has(k)) changes.push(leaf(`${path}[${k}]`, e, undefined));
  return changes;
}
