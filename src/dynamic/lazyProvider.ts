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
  const impl = (): AnyProvider => loadImplementation(name, optionsJson);
  // Every method present, so the engine sees the same capabilities as the implementation's (all seven).
  const provider: Required<AnyProvider> = {
    configure: async (req) => impl().configure?.(req),
    check: async (olds, news) => {
      const p = impl();
      return p.check ? p.check(olds, news) : { inputs: news };
    },
    diff: async (id, olds, news) => {
      const p = impl();
      return p.diff ? p.diff(id, olds, news) : {};
    },
    create: async (inputs) => impl().create(inputs),
    read: async (id, props) => {
      const p = impl();
      return p.read ? p.read(id, props) : { id, props };
    },
    update: async (id, olds, news) => {
      const p = impl();
      return p.update ? p.update(id, olds, news) : { outs: news };
    },
    delete: async (id, props) => impl().delete?.(id, props),
  };
  return provider as Implementation<K>;
}

/**
 * Runs in the provider process, serialized by value with the object above: keep it self-contained (Node
 * built-ins only, required inside) and free of module-level references, which the serializer would capture too.
 * Loaded providers are kept on `globalThis`, not in the closure, so a provider object that was already used
 * in-process still serializes to the same small text.
 */
export function loadImplementation(name: string, optionsJson: string): AnyProvider {
  const packageName = "tenant-provisioning";
  const registry = "src/dynamic/implementations.ts";
  const global = globalThis as { __tenantProvisioningProviders?: Map<string, AnyProvider> };
  const cache = (global.__tenantProvisioningProviders ??= new Map<string, AnyProvider>());
  const key = `${name} ${optionsJson}`;
  const cached = cache.get(key);
  if (cached) return cached;

  /* eslint-disable @typescript-eslint/no-require-imports -- built-ins and the implementation, at call time */
  const fs = require("node:fs") as typeof import("node:fs");
  const path = require("node:path") as typeof import("node:path");
  const starts = [process.cwd()];
  if (require.main?.filename) starts.push(path.dirname(require.main.filename));
  let root: string | undefined;
  for (const start of starts) {
    for (let dir = path.resolve(start); !root; dir = path.dirname(dir)) {
      try {
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
          name?: unknown;
        };
        if (manifest.name === packageName) root = dir;
      } catch {
        // No (readable) package.json here: keep walking up.
      }
      if (path.dirname(dir) === dir) break;
    }
    if (root) break;
  }
  const what = `Dynamic provider "${name}"`;
  if (!root) {
    throw new Error(
      `${what}: no package.json named "${packageName}" in ${starts.join(" or ")} or any folder above — run pulumi ` +
        `in a checkout of the ${packageName} repository (the folder with Pulumi.yaml), after \`npm ci\``,
    );
  }
  const entry = path.join(root, registry);
  if (!fs.existsSync(entry)) {
    throw new Error(
      `${what}: ${entry} not found — the stack's state was written by a version that loads its providers from ` +
        `${registry}; run pulumi from a checkout that has it`,
    );
  }
  // The plugin is plain Node: teach it TypeScript unless a loader (tsx, ts-node) already did.
  if (!(require.extensions && ".ts" in require.extensions)) {
    let tsx: string;
    try {
      tsx = require.resolve("tsx/cjs/api", { paths: [root] });
    } catch {
      throw new Error(`${what}: cannot resolve tsx from ${root} — run \`npm ci\` in ${root}`);
    }
    (require(tsx) as typeof import("tsx/cjs/api")).register();
  }
  const implementations = (require(entry) as typeof import("./implementations"))
    .PROVIDER_IMPLEMENTATIONS as Record<string, ((options: unknown) => AnyProvider) | undefined>;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const factory = Object.hasOwn(implementations, name) ? implementations[name] : undefined;
  if (!factory) {
    throw new Error(
      `${what}: ${entry} has no implementation "${name}" (it has ${Object.keys(implementations).join(", ")}) — ` +
        `the state was written by another version; run pulumi from a checkout that still provides "${name}"`,
    );
  }
  const provider = factory(JSON.parse(optionsJson));
  cache.set(key, provider);
  return provider;
}
