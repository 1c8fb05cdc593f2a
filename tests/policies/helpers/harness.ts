import type {
  PolicyResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import type { RegisteredPolicy } from "../../../policies/lib/define";

/**
 * Runs one policy with hand-made args, as upstream's policy tests do (pulumi-offline.md §4.3), without the
 * engine or the offline evaluator. Props go through `unknownCheckingProxy` like the analyzer's.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as { unknownCheckingProxy<T>(v: T): T };

export class NotApplicable extends Error {}

export interface Violation {
  message: string;
  urn?: string;
}

const OPTIONS = {
  protect: false,
  ignoreChanges: [],
  aliases: [],
  customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
  additionalSecretOutputs: [],
};

const notApplicable = (reason?: string): never => {
  throw new NotApplicable(reason);
};

export const urnOf = (type: string, name: string) => `urn:pulumi:test::tenant::${type}::${name}`;

/** Messages a resource policy reports for one resource of `type` with `props` (inputs). */
export function runResourcePolicy(
  registered: RegisteredPolicy,
  type: string,
  props: Record<string, unknown>,
  config: Record<string, unknown> = {},
): string[] {
  const policy = registered.policy as ResourceValidationPolicy;
  const proxied = unknownCheckingProxy(structuredClone(props));
  const args: ResourceValidationArgs = {
    type,
    props: proxied,
    urn: urnOf(type, "subject"),
    name: "subject",
    opts: OPTIONS,
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: <T extends object>() => config as T,
    notApplicable,
  };
  const messages: string[] = [];
  const validations = Array.isArray(policy.validateResource)
    ? policy.validateResource
    : [policy.validateResource];
  for (const v of validations) void v?.(args, (m) => messages.push(m));
  return messages;
}

/** A resource of a fabricated stack: type, name, props and, optionally, its parent and dependencies by name. */
export interface StackEntry {
  type: string;
  name: string;
  props?: Record<string, unknown>;
  parent?: string;
  dependsOn?: string[];
}

/** PolicyResources with parent and dependencies resolved to objects, as the analyzer builds them. */
export function policyResources(entries: readonly StackEntry[]): PolicyResource[] {
  const byName = new Map<string, PolicyResource>();
  for (const e of entries) {
    const props = unknownCheckingProxy(structuredClone(e.props ?? {}));
    byName.set(e.name, {
      type: e.type,
      props,
      urn: urnOf(e.type, e.name),
      name: e.name,
      opts: OPTIONS,
      dependencies: [],
      propertyDependencies: {},
      isType: () => false,
      asType: () => undefined,
    });
  }
  for (const e of entries) {
    const r = byName.get(e.name) as PolicyResource;
    if (e.parent) r.parent = byName.get(e.parent);
    r.dependencies = (e.dependsOn ?? []).map((d) => byName.get(d) as PolicyResource);
  }
  return [...byName.values()];
}

/** Violations a stack policy reports for the fabricated stack. */
export function runStackPolicy(
  registered: RegisteredPolicy,
  entries: readonly StackEntry[],
  config: Record<string, unknown> = {},
): Violation[] {
  const policy = registered.policy as StackValidationPolicy;
  const args: StackValidationArgs = {
    resources: policyResources(entries),
    stackTags: new Map(),
    getConfig: <T extends object>() => config as T,
    notApplicable,
  };
  const violations: Violation[] = [];
  void policy.validateStack(args, (message, urn) => violations.push(urn ? { message, urn } : { message }));
  return violations;
}

/** Replaces the entry named `name` with `change(entry)`; fails when there is none, so a typo cannot pass. */
export function changed(
  entries: readonly StackEntry[],
  name: string,
  change: (e: StackEntry) => StackEntry | undefined,
): StackEntry[] {
  if (!entries.some((e) => e.name === name)) throw new Error(`no entry named '${name}'`);
  return entries.flatMap((e) => (e.name === name ? (change(structuredClone(e)) ?? []) : [e]));
}

/** A copy of `value` without `keys`: the one-field change "this property is absent". */
export function without<T extends object>(value: T, ...keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([k]) => !keys.includes(k as keyof T)),
  ) as Partial<T>;
}
