import * as pulumi from "@pulumi/pulumi";

/**
 * What the offline render changes in the Pulumi SDK while it runs, and nothing else: each change serves only a real
 * deployment (error messages and source positions the engine shows, provider code it stores), costs the render
 * most of its time or memory, and is undone when the render ends. The SDK is pinned (package-lock.json);
 * tests/render/sdkPatches.test.ts checks each hook still exists and that a render's graph is the same with and
 * without the patches.
 */
export interface SdkPatchOptions {
  /** Keep JavaScript stack traces and resources' source positions (patches 1 and 2 off). */
  keepStackTraces?: boolean;
  /** Serialize dynamic providers as the engine would (patch 3 off). */
  serializeProviders?: boolean;
}

/** What a render records as a dynamic resource's `__provider` when providers are not serialized. */
export const PROVIDER_PLACEHOLDER = "[dynamic provider code, serialized at deployment]";

// The SDK loads its closure serializer on demand and calls it through this module object (dynamic/index.js),
// so replacing the export for the duration of a render is enough.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK's internal module, patched during a render only
const serializeClosure = require("@pulumi/pulumi/runtime/closure/serializeClosure") as {
  serializeFunction: (...args: unknown[]) => Promise<{ text: string; containsSecrets: boolean }>;
};

// Every internal promise of the SDK passes through `debuggable_1.debuggablePromise` (runtime/debuggable.js),
// called through the module object, so replacing the export reaches all of them.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK's internal module, patched during a render only
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as {
  debuggablePromise: <T>(p: Promise<T>, ctx: unknown) => Promise<T>;
};

/** `Resource.callsites` is private in the typings; the constructor calls it through the class (resource.js). */
const resourceClass = pulumi.Resource as unknown as { callsites: () => unknown[] };

/**
 * Applies the patches and returns the function that undoes them.
 *
 * 1. `Error.stackTraceLimit = 0`: the SDK records a stack on every internal promise (`debuggablePromise`),
 *    which is most of the render's CPU time (pulumi-offline.md §2); errors keep their messages.
 * 2. `Resource.callsites` answers no frames: every resource constructor captures the whole JavaScript stack
 *    (raising the limit to infinity, so patch 1 does not reach it) and source-maps it under tsx, only to send the
 *    engine the program's source position. A render has no engine; the position is never read.
 * 3. `serializeFunction` returns PROVIDER_PLACEHOLDER: serializing one dynamic provider walks its whole closure
 *    (seconds, 130–300 KB of text each) and the text is code, not desired state a reviewer reads.
 * 4. `debuggablePromise` hands back the promise it is given (off with `keepStackTraces`): for the engine's leak
 *    report it labels every internal promise with a description (one is a stringified input value), adds it to a
 *    set and chains two more promises on it. Every output property of every resource makes four, so at Madrid
 *    scale ~470,000 promises and their labels were alive at once: 70 MB of the render's peak (bench:scale).
 */
export function applySdkPatches(options: SdkPatchOptions = {}): () => void {
  const limit = Error.stackTraceLimit;
  const callsites = resourceClass.callsites;
  const serialize = serializeClosure.serializeFunction;
  const debuggablePromise = debuggable.debuggablePromise;
  if (!options.keepStackTraces) {
    Error.stackTraceLimit = 0;
    resourceClass.callsites = () => [];
    debuggable.debuggablePromise = (p) => p;
  }
  if (!options.serializeProviders) {
    serializeClosure.serializeFunction = async () => ({ text: PROVIDER_PLACEHOLDER, containsSecrets: false });
  }
  return () => {
    Error.stackTraceLimit = limit;
    resourceClass.callsites = callsites;
    serializeClosure.serializeFunction = serialize;
    debuggable.debuggablePromise = debuggablePromise;
  };
}
