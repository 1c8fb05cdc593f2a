/**
 * The provider host: what a serialized lazy provider (src/dynamic/lazyProvider.ts) requires, in the engine's
 * `pulumi-resource-pulumi-nodejs` plugin, once it has found this checkout. It lives in a file rather than in the
 * serialized text because that text is stored twice per resource in state (218 resources at Madrid scale): the
 * text now only finds this file, and everything else (TypeScript loader, registry, defaults, errors) is here.
 *
 * Plain CommonJS on purpose: the plugin is plain Node, so this runs before any TypeScript loader is registered.
 */
"use strict";

const path = require("node:path");

const REGISTRY = "src/dynamic/implementations.ts";

/**
 * The implementation `name` with `options`, every provider method present (the engine's defaults where the
 * implementation has none), loaded from the checkout at `root`.
 * @param {string} root the checkout (the folder with package.json and Pulumi.yaml)
 * @param {string} name a key of PROVIDER_IMPLEMENTATIONS
 * @param {string} optionsJson the provider's options as stored in state
 */
function loadProvider(root, name, optionsJson) {
  const what = `Dynamic provider "${name}"`;
  // The plugin is plain Node: teach it TypeScript unless a loader (tsx, ts-node) already did.
  if (!(require.extensions && ".ts" in require.extensions)) {
    let tsx;
    try {
      tsx = require.resolve("tsx/cjs/api", { paths: [root] });
    } catch {
      throw new Error(`${what}: cannot resolve tsx from ${root} — run \`npm ci\` in ${root}`);
    }
    require(tsx).register();
  }
  const entry = path.join(root, REGISTRY);
  const implementations = require(entry).PROVIDER_IMPLEMENTATIONS;
  const factory = Object.hasOwn(implementations, name) ? implementations[name] : undefined;
  if (!factory) {
    throw new Error(
      `${what}: ${entry} has no implementation "${name}" (it has ${Object.keys(implementations).join(", ")}) — ` +
        `the state was written by another version; run pulumi from a checkout that still provides "${name}"`,
    );
  }
  const p = factory(JSON.parse(optionsJson));
  // What cmd/dynamic-provider does when a provider lacks a method, so the serialized wrappers can always call.
  return {
    configure: async (req) => p.configure?.(req),
    check: async (olds, news) => (p.check ? p.check(olds, news) : { inputs: news }),
    diff: async (id, olds, news) => (p.diff ? p.diff(id, olds, news) : {}),
    create: async (inputs) => p.create(inputs),
    read: async (id, props) => (p.read ? p.read(id, props) : { id, props }),
    update: async (id, olds, news) => (p.update ? p.update(id, olds, news) : { outs: news }),
    delete: async (id, props) => p.delete?.(id, props),
  };
}

module.exports = { loadProvider };
