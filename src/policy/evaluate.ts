import type {
  EnforcementLevel,
  PolicyProviderResource,
  PolicyResource,
  PolicyResourceOptions,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  Severity,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
// `proxy.d.ts` is emitted as `export {}` (pulumi-offline.md §4.3), so the runtime exports are typed here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy") as {
  unknownCheckingProxy<T>(value: T): T;
  UnknownValueError: new (...args: never[]) => Error;
  unknownStringValue: string;
};
import packageJson from "../../policies/package.json";
import type { RegisteredPolicy } from "../../policies/lib/define";
import { summarisePrevious, PREVIOUS_CONFIG_KEY } from "../../policies/lib/previous";
import { PACK_ENFORCEMENT_LEVEL, PACK_NAME, registry } from "../../policies/registry";
import { EXIT } from "../exitCodes";
import { SecretValue, UNKNOWN, type RenderedGraph, type RenderedResource } from "../render/graph";
import { enforcementLevelOf, policyConfigOf, type PackConfig } from "./config";

/** One policy finding, as the engine would report it during `pulumi preview --policy-pack policies`. */
export interface PolicyResult {
  policy: string;
  severity: Severity;
  enforcementLevel: Exclude<EnforcementLevel, "disabled">;
  message: string;
  urn?: string;
  resourceName?: string;
  resourceType?: string;
}

/**
 * A policy that ruled itself out (the engine's `PolicyNotApplicable`), so a reviewer knows what did not run.
 * One entry per policy and reason; `resources` counts the resources it was given for (0 for a stack policy).
 */
export interface NotApplicable {
  policy: string;
  reason: string;
  resources: number;
}

export interface EvaluateOptions {
  /** `policies/config/<stack>.json` (see loadPackConfig); default `{}`. */
  config?: PackConfig;
  /**
   * The base render. The removal policies compare against it (their `previous` config, built here); without it
   * they are not applicable, exactly as under the engine without that config.
   */
  previous?: RenderedGraph;
  /** Policies to run; default every registered one (what policies/index.ts serves). */
  policies?: readonly RegisteredPolicy[];
}

export interface Evaluation {
  results: PolicyResult[];
  notApplicable: NotApplicable[];
}

/** The results of `evaluate`; see there. */
export function evaluatePolicies(graph: RenderedGraph, options: EvaluateOptions = {}): PolicyResult[] {
  return evaluate(graph, options).results;
}

/**
 * Runs the pack's own policy objects against a rendered graph, the way the analyzer in `@pulumi/policy`
 * (server.ts) runs them under the engine:
 * - level: the stack's config entry, else `all`, else the policy's, else the pack's; `disabled` is skipped;
 *   `remediate` reports as `mandatory` (a remediation that still fails);
 * - resource policies get each resource's inputs behind `unknownCheckingProxy`, and their `__pulumiType` lets a
 *   policy skip other types without running; stack policies get every resource with parent and dependencies
 *   resolved to objects;
 * - reading an unknown value gives one advisory "can't run … during preview" result instead of a verdict;
 * - `notApplicable` is collected, not reported.
 * One difference cannot be removed: under the engine a stack policy sees resource *outputs*, here the inputs
 * (a render has no provider to compute outputs). The rules read only properties that are in both.
 */
export function evaluate(graph: RenderedGraph, options: EvaluateOptions = {}): Evaluation {
  const config = withPrevious(options.config ?? {}, options.previous);
  const policies = options.policies ?? registry.all();
  const byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
  const results: PolicyResult[] = [];
  const notApplicable = new Map<string, NotApplicable>();
  const skip = (policy: string, reason: string, resource: boolean) => {
    const key = `${policy}\n${reason}`;
    const entry = notApplicable.get(key) ?? { policy, reason, resources: 0 };
    if (resource) entry.resources += 1;
    notApplicable.set(key, entry);
  };
  let stackResources: PolicyResource[] | undefined;

  for (const { policy } of policies) {
    const configured = enforcementLevelOf(policy, config, PACK_ENFORCEMENT_LEVEL);
    if (configured === "disabled") continue;
    const level = configured === "remediate" ? "mandatory" : configured;
    const report = (urn?: string) => (message: string, violationUrn?: string) => {
      const target = violationUrn ?? urn;
      const resource = target ? byUrn.get(target) : undefined;
      results.push({
        policy: policy.name,
        severity: policy.severity ?? "medium",
        enforcementLevel: level,
        // The CLI prints the description above the message; the message alone is what the reader needs here.
        message: message || policy.description,
        ...(target ? { urn: target } : {}),
        ...(resource ? { resourceName: resource.name, resourceType: resource.type } : {}),
      });
    };
    const run = (urn: string | undefined, call: () => unknown) => {
      try {
        const returned = call();
        if (returned instanceof Promise) {
          throw new Error(
            `Policy '${policy.name}' is asynchronous; the offline evaluator runs synchronous policies only.`,
          );
        }
      } catch (err) {
        if (err instanceof proxy.UnknownValueError) {
          results.push({
            policy: policy.name,
            severity: policy.severity ?? "medium",
            enforcementLevel: "advisory",
            message: `can't run policy '${policy.name}' from policy pack '${PACK_NAME}@v${packageJson.version}' during preview: ${err.message}`,
            ...(urn ? { urn, resourceName: byUrn.get(urn)?.name, resourceType: byUrn.get(urn)?.type } : {}),
          });
        } else if (err instanceof NotApplicableError) {
          skip(policy.name, err.message, urn !== undefined);
        } else {
          throw new Error(`Error validating with policy '${policy.name}': ${(err as Error).message}`, {
            cause: err,
          });
        }
      }
    };
    const getConfig = <T extends object>() => policyConfigOf(policy, config) as T;

    if ("validateStack" in policy) {
      const stackPolicy = policy as StackValidationPolicy;
      const pulumiType = pulumiTypeOf(stackPolicy.validateStack);
      if (pulumiType && !graph.resources.some((r) => r.type === pulumiType)) {
        skip(policy.name, `Policy only applies to resources of type '${pulumiType}'`, false);
        continue;
      }
      stackResources ??= toPolicyResources(graph.resources);
      const args: StackValidationArgs = {
        resources: stackResources,
        stackTags: new Map(),
        getConfig,
        notApplicable: throwNotApplicable,
      };
      run(undefined, () => stackPolicy.validateStack(args, report()));
      continue;
    }

    const resourcePolicy = policy as ResourceValidationPolicy;
    const validations = resourcePolicy.validateResource;
    if (!validations) continue;
    const list = Array.isArray(validations) ? validations : [validations];
    const pulumiType = Array.isArray(validations) ? undefined : pulumiTypeOf(validations);
    for (const resource of graph.resources) {
      // The engine analyses what a deployment registers; reads (StackReference, `.get`) are not registrations.
      if (resource.read) continue;
      if (pulumiType && resource.type !== pulumiType) continue;
      for (const validate of list) {
        const args = resourceArgs(resource, byUrn, getConfig);
        run(resource.urn, () => validate(args, report(resource.urn)));
      }
    }
  }
  return { results, notApplicable: [...notApplicable.values()] };
}

/** The exit code a CI gate uses: any mandatory result blocks (`remediate` never reaches a result; treated alike). */
export function policyExitCode(results: readonly PolicyResult[]): number {
  return results.some((r) => r.enforcementLevel !== "advisory") ? EXIT.invalid : EXIT.ok;
}

/** The config the removal policies read their previous state from, added when a base render is given. */
function withPrevious(config: PackConfig, previous: RenderedGraph | undefined): PackConfig {
  if (!previous) return config;
  const summary = summarisePrevious(
    previous.resources.map((r) => ({ type: r.type, inputs: plain(r.inputs) })),
  );
  const out: PackConfig = { ...config };
  for (const { policy } of registry.all()) {
    if (!policy.configSchema?.properties[PREVIOUS_CONFIG_KEY]) continue;
    const entry = out[policy.name];
    out[policy.name] =
      typeof entry === "string"
        ? { enforcementLevel: entry, [PREVIOUS_CONFIG_KEY]: summary }
        : { ...(entry ?? {}), [PREVIOUS_CONFIG_KEY]: summary };
  }
  return out;
}

class NotApplicableError extends Error {}

function throwNotApplicable(reason?: string): never {
  throw new NotApplicableError(reason ?? "Policy does not apply");
}

function pulumiTypeOf(fn: unknown): string | undefined {
  const t = (fn as { __pulumiType?: unknown } | undefined)?.__pulumiType;
  return typeof t === "string" && t.length > 0 ? t : undefined;
}

/**
 * A value as the analyzer hands it to policies: secrets unwrapped (policies see plaintext), unknowns as the
 * policy SDK's sentinel so the proxy throws on access, undefined properties dropped.
 */
function toPolicyValue(value: unknown): unknown {
  if (value instanceof SecretValue) return toPolicyValue(value.value);
  if (value === UNKNOWN) return proxy.unknownStringValue;
  if (Array.isArray(value)) return value.map(toPolicyValue);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toPolicyValue(v);
    return out;
  }
  return value;
}

/** Secrets unwrapped and unknowns left as the graph's marker: for summaries that never throw. */
function plain(value: Record<string, unknown>): Record<string, unknown> {
  const unwrap = (v: unknown): unknown =>
    v instanceof SecretValue
      ? unwrap(v.value)
      : Array.isArray(v)
        ? v.map(unwrap)
        : v !== null && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrap(x)]))
          : v;
  return unwrap(value) as Record<string, unknown>;
}

function policyProps(resource: RenderedResource): Record<string, unknown> {
  return proxy.unknownCheckingProxy(toPolicyValue(resource.inputs) as Record<string, unknown>);
}

function optionsOf(resource: RenderedResource): PolicyResourceOptions {
  return {
    protect: false,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
    ...(resource.parent ? { parent: resource.parent } : {}),
  };
}

/** `<provider urn>::<id>` → the provider resource, as the analyzer's `getProviderResource` gives it. */
function providerOf(
  resource: RenderedResource,
  byUrn: ReadonlyMap<string, RenderedResource>,
): PolicyProviderResource | undefined {
  if (!resource.provider) return undefined;
  const urn = resource.provider.slice(0, resource.provider.lastIndexOf("::"));
  const provider = byUrn.get(urn);
  return provider
    ? { type: provider.type, props: policyProps(provider), urn, name: provider.name }
    : undefined;
}

// `isType`/`asType` compare the class's `__pulumiType` (the analyzer's isTypeOf); rules here use tokens instead.
type ResourceClass = { __pulumiType?: string; isInstance?: (o: unknown) => boolean };
function isTypeOf(type: string, resourceClass: unknown): boolean {
  const cls = resourceClass as ResourceClass;
  const token = pulumiTypeOf(cls);
  if (token) return token === type;
  return typeof cls?.isInstance === "function" && cls.isInstance({ __pulumiType: type }) === true;
}

function resourceArgs(
  resource: RenderedResource,
  byUrn: ReadonlyMap<string, RenderedResource>,
  getConfig: <T extends object>() => T,
): ResourceValidationArgs {
  const props = policyProps(resource);
  const provider = providerOf(resource, byUrn);
  return {
    type: resource.type,
    props,
    urn: resource.urn,
    name: resource.name,
    opts: optionsOf(resource),
    ...(provider ? { provider } : {}),
    stackTags: new Map(),
    isType: (cls) => isTypeOf(resource.type, cls),
    asType: ((cls: unknown) =>
      isTypeOf(resource.type, cls) ? props : undefined) as ResourceValidationArgs["asType"],
    getConfig,
    notApplicable: throwNotApplicable,
  };
}

function toPolicyResources(resources: readonly RenderedResource[]): PolicyResource[] {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const built = new Map<string, PolicyResource>();
  for (const r of resources) {
    const props = policyProps(r);
    const provider = providerOf(r, byUrn);
    built.set(r.urn, {
      type: r.type,
      props,
      urn: r.urn,
      name: r.name,
      opts: optionsOf(r),
      ...(provider ? { provider } : {}),
      dependencies: [],
      // A render records dependencies per resource, not per property.
      propertyDependencies: {},
      isType: (cls) => isTypeOf(r.type, cls),
      asType: ((cls: unknown) => (isTypeOf(r.type, cls) ? props : undefined)) as PolicyResource["asType"],
    });
  }
  for (const r of resources) {
    const resource = built.get(r.urn) as PolicyResource;
    const parent = r.parent ? built.get(r.parent) : undefined;
    if (parent) resource.parent = parent;
    resource.dependencies = r.dependencies.flatMap((d) => built.get(d) ?? []);
  }
  return [...built.values()];
}
