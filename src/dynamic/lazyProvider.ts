/**
 * Dynamic providers that are small in state.
 *
 * The SDK serializes each provider object by value (closure serialization) into every resource's state, twice
 * (`__provider` in inputs and outputs). A provider that captures our modules carries them all: 130–300 KB per
 * resource. The object made here captures only a name, its options as JSON and `loadImplementation`; each
 * method loads the real provider (src/dynamic/implementations.ts) on first use, in the process that runs it.
 *
 * That process is the engine's `pulumi-resource-pulumi-nodejs` plugin: plain Node (no TypeScript loader),
 * started in the program's directory (Pulumi.yaml `main: src/index.ts` ⇒ `src/`), possibly in another checkout
 * at another path than the one that wrote the state. So nothing here is an absolute path: the package root is
 * found by name from the working directory (or the plugin's own script), and tsx is registered from it.
 *
 * Nothing secret is captured: credentials are read from the environment inside each call, as before.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ImplementationName, ProviderImplementations } from "./implementations";

type Options<K extends ImplementationName> = Parameters<ProviderImplementations[K]>[0];
type Implementation<K extends ImplementationName> = ReturnType<ProviderImplementations[K]>;
/* eslint-disable @typescript-eslint/no-explicit-any -- the engine hands plain JSON; each implementation types its own */
type AnyProvider = pulumi.dynamic.ResourceProvider<any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * The provider object to pass to `dynamic.Resource`: every method of the implementation, each delegating to it.
 * `options` must be plain data (they are stored in state as JSON); functions are refused.
 */
export function lazyProvider<K extends ImplementationName>(name: K, options?: Options<K>): Implementation<K> {
  const optionsJson = JSON.stringify(options ?? {}, (key, value: unknown) => {
    if (typeof value === "function") {
      throw new Error(
        `lazyProvider("${name}"): option ${key} is a function — only plain data can be serialized`,
      );
    }
    return value;
  });
  const impl = (): Required<AnyProvider> => loadImplementation(name, optionsJson);
  // Every method present, so the engine sees the same capabilities as the implementation's (all seven); the
  // host fills in the engine's defaults, so each wrapper is one short line of serialized text.
  const provider: Required<AnyProvider> = {
    configure: async (...a) => impl().configure(...a),
    check: async (...a) => impl().check(...a),
    diff: async (...a) => impl().diff(...a),
    create: async (...a) => impl().create(...a),
    read: async (...a) => impl().read(...a),
    update: async (...a) => impl().update(...a),
    delete: async (...a) => impl().delete(...a),
  };
  return provider as Implementation<K>;
}

/**
 * Runs in the provider process, serialized by value with the object above: keep it self-contained (Node
 * built-ins only, required inside), free of module-level references (the serializer would capture them too) and
 * short (it is stored twice per resource). It only finds the checkout; src/dynamic/providerHost.js does the rest.
 * Loaded providers are kept on `globalThis`, not in the closure, so a provider object that was already used
 * in-process still serializes to the same small text.
 */
export function loadImplementation(name: string, optionsJson: string): Required<AnyProvider> {
  const global = globalThis as { __tenantProvisioningProviders?: Map<string, Required<AnyProvider>> };
  const cache = (global.__tenantProvisioningProviders ??= new Map());
  const key = `${name} ${optionsJson}`;
  let provider = cache.get(key);
  if (provider) return provider;
  /* eslint-disable @typescript-eslint/no-require-imports -- built-ins and the host, at call time */
  const fs = require("node:fs") as typeof import("node:fs");
  const path = require("node:path") as typeof import("node:path");
  const starts = [process.cwd()];
  if (require.main?.filename) starts.push(path.dirname(require.main.filename));
  for (const start of starts) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const host = path.join(dir, "src/dynamic/providerHost.js");
      if (fs.existsSync(host)) {
        provider = (require(host) as typeof import("./providerHost")).loadProvider(dir, name, optionsJson);
        cache.set(key, provider);
        return provider;
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  throw new Error(
    `Dynamic provider "${name}": no tenant-provisioning checkout (src/dynamic/providerHost.js) in ` +
      `${starts.join(" or ")} or any folder above — run pulumi in a checkout of the tenant-provisioning ` +
      "repository (the folder with Pulumi.yaml), after `npm ci`",
  );
}
