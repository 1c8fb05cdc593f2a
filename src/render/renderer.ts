import * as pulumi from "@pulumi/pulumi";
import type { TenantDefinition } from "../config/definition";
import { LAYER_NAMES, planLayers } from "../layers";
import { buildTenant, type BuildSettings, type TenantOutputs } from "../program";
import { captureRegistrations } from "./capture";
import { applySdkPatches } from "./sdkPatches";
import type { RenderedGraph } from "./graph";
import { HeapBudget } from "./heapBudget";
import { RenderMocks } from "./mocks";
import { stubPlatformOutputs } from "./stackReferenceStub";

export interface RenderOptions {
  /** Pulumi project name; the `tenant:` config namespace and URNs use it. */
  project?: string;
  /**
   * Keep JavaScript stack traces and resources' source positions during the render. Off by default: capturing them
   * is most of the render's CPU time (src/render/sdkPatches.ts); errors keep their messages.
   */
  keepStackTraces?: boolean;
  /** Serialize dynamic providers as the engine would. Off by default (src/render/sdkPatches.ts). */
  serializeProviders?: boolean;
}

export { PROVIDER_PLACEHOLDER } from "./sdkPatches";

export interface RenderResult {
  graph: RenderedGraph;
  /** The stack outputs the program returned, resolved. */
  outputs: TenantOutputs;
}

/**
 * azure-native gives every resource ~25 aliases (one per retired API-version token); the SDK turns each into an
 * Output-based URN at construction, about 1 MB of garbage per resource (pulumi-offline.md §2,
 * pulumi/pulumi#10010). A render never compares against existing state, so aliases cannot matter here and are
 * dropped. The real program keeps them: only a deployment can know whether old tokens are in its state.
 */
const stripAliases: pulumi.ResourceTransformation = (args) => ({
  props: args.props,
  opts: { ...args.opts, aliases: [] },
});

// The Pulumi runtime is process-global state: one render at a time.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the real `buildTenant` under Pulumi's mock runtime, in-process, and returns every resource it registers.
 * Waiting is exact, never timed: the program runs as a stack (as under the engine), every resource it
 * constructs is collected and its URN (and id) awaited, and finally the SDK's own RPC queue is drained.
 */
export function renderTenant(
  definition: TenantDefinition,
  settings: BuildSettings,
  options: RenderOptions = {},
): Promise<RenderResult> {
  const run = queue.then(async () => {
    const restore = applySdkPatches(options);
    try {
      return await renderNow(definition, settings, options);
    } finally {
      restore();
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

async function renderNow(
  definition: TenantDefinition,
  settings: BuildSettings,
  options: RenderOptions,
): Promise<RenderResult> {
  const project = options.project ?? "tenant";
  // A layer set without a source for what it reads fails here, before the mock runtime or anything else exists.
  planLayers(settings.layers, settings.platformStack);
  const notDeployedHere = LAYER_NAMES.filter((l) => !settings.layers.includes(l));
  // Checked as each resource is constructed and as each registers: most of a render's peak was garbage.
  const heap = new HeapBudget();
  await pulumi.runtime.setMocks(
    new RenderMocks({
      heap,
      tenantId: definition.tenant.organization.tenantId,
      stackReferenceOutputs: (stack) => stubPlatformOutputs(definition, notDeployedHere, stack),
    }),
    project,
    settings.environment,
    false,
  );
  const capture = captureRegistrations();
  const constructed: pulumi.Resource[] = [];
  let outputs: TenantOutputs | undefined;
  let failure: unknown;
  try {
    outputs = (await pulumi.runtime.runInPulumiStack(async () => {
      pulumi.runtime.registerStackTransformation((args) => {
        constructed.push(args.resource);
        heap.check();
        return stripAliases(args);
      });
      // An error thrown straight out of the stack's init would also reject promises inside the SDK that
      // nothing awaits; hand it out as a value and rethrow it once the runtime has drained.
      try {
        return buildTenant(definition, settings);
      } catch (err) {
        failure = err;
        return {};
      }
    })) as TenantOutputs;
    if (failure === undefined) await awaitResources(constructed);
  } catch (err) {
    failure = err;
  } finally {
    await capture.settled();
    // The SDK counts every registration from its constructor on; this waits until all have been answered.
    await pulumi.runtime.disconnect();
  }
  if (failure !== undefined) throw failure;
  return {
    graph: { project, stack: settings.environment, resources: capture.resources },
    outputs: outputs as TenantOutputs,
  };
}

/** Awaits the URN (and, for custom resources, the id) of each resource, including any created meanwhile. */
async function awaitResources(resources: pulumi.Resource[]): Promise<void> {
  let awaited = 0;
  while (awaited < resources.length) {
    const batch = resources.slice(awaited);
    awaited = resources.length;
    await Promise.all(
      batch.map((r) =>
        Promise.all([
          promiseOf(r.urn),
          pulumi.CustomResource.isInstance(r) ? promiseOf(r.id) : Promise.resolve(undefined),
        ]),
      ),
    );
  }
}

/**
 * The promise behind an Output. `apply` would never call back on a failed registration and hang the render, so
 * this uses the Output's own `promise()` (not in the typings; pinned SDK, covered by tests/render).
 */
function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return (output as unknown as { promise(): Promise<T> }).promise();
}
