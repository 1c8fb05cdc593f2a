/**
 * A dynamic provider as the engine runs it, for the providers' serialization tests:
 * - serialized the way `dynamic.Resource` does: `serializeFunction(() => provider, { allowSecrets: true })`
 *   (node_modules/@pulumi/pulumi/dynamic/index.js `serializeProvider`);
 * - loaded in a fresh Node process the way cmd/dynamic-provider does: `require-from-string` of the text (no file
 *   name, so requires resolve from the working directory), `.handler()`, then `configure` with the stack config;
 * - in the working directory the engine gives the plugin (Pulumi.yaml `main: src/index.ts` ⇒ `<repo>/src`,
 *   engine/project.go `getPwdMain`), with no NODE_PATH and no TypeScript loader, as the plugin has neither;
 * - driven through each lifecycle as `pulumi up` and `pulumi destroy` do: check → create → read, then
 *   check → diff → update with the changed inputs, then delete.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import * as pulumi from "@pulumi/pulumi";

export const REPO_ROOT = join(__dirname, "..", "..");
/** Where the engine starts `pulumi-resource-pulumi-nodejs` for this project. */
export const ENGINE_CWD = join(REPO_ROOT, "src");
/**
 * Per-provider limit of the text stored in state (twice per resource); measured 3.3 KB since the loader's bulk
 * moved to src/dynamic/providerHost.js (4.6 KB before).
 */
export const MAX_PROVIDER_BYTES = 4 * 1024;

/* eslint-disable @typescript-eslint/no-explicit-any -- providers take and return plain JSON */
type Props = Record<string, any>;

export interface Lifecycle {
  /** Key of this lifecycle's result. */
  name: string;
  /** Inputs of `pulumi up` creating the resource. */
  create: Props;
  /** Inputs of the next `pulumi up`, which updates it. */
  update: Props;
}

export interface LifecycleResult {
  checked: { inputs: Props; failures?: unknown[] };
  created: { id: string; outs: Props };
  read: { id?: string; props?: Props };
  rechecked: { inputs: Props; failures?: unknown[] };
  diff: Props;
  updated: { outs: Props };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export async function serializeAsTheSdkDoes(
  provider: object,
): Promise<{ text: string; containsSecrets: boolean }> {
  // A local variable, as in the SDK (`() => provider`), so the object itself is captured, not a module.
  const captured = provider;
  const { text, containsSecrets } = await pulumi.runtime.serializeFunction(() => captured, {
    allowSecrets: true,
  });
  return { text, containsSecrets };
}

/**
 * What state may hold of a provider: no secret, under MAX_PROVIDER_BYTES, and no path of this checkout (a
 * destroy may run the stored text from another checkout, so the loader must find the code itself).
 */
export async function expectSmallPortableProvider(provider: object): Promise<void> {
  const serialized = await serializeAsTheSdkDoes(provider);
  expect(serialized.containsSecrets).toBe(false);
  expect(Buffer.byteLength(serialized.text)).toBeLessThan(MAX_PROVIDER_BYTES);
  expect(serialized.text).not.toContain(REPO_ROOT);
}

const DRIVER = `
const { readFileSync } = require("node:fs");
const [providerFile, lifecyclesFile] = process.argv.slice(2);
const text = readFileSync(providerFile, "utf8");
// From the working directory, as the plugin does; this repository's copy when the test runs it elsewhere.
const requireFromString = require(require.resolve("require-from-string", { paths: [process.cwd(), process.env.SDK_DIR] }));
const stack = JSON.parse(process.env.STACK_CONFIG || "{}");
const config = { get: (k) => stack[k] };
config.require = (k) => { if (stack[k] === undefined) throw new Error("missing " + k); return stack[k]; };
(async () => {
  const provider = requireFromString(text).handler();
  await provider.configure({ config });
  const results = {};
  for (const lc of JSON.parse(readFileSync(lifecyclesFile, "utf8"))) {
    const checked = await provider.check({}, { ...lc.create, __provider: text });
    const created = await provider.create(checked.inputs);
    const read = await provider.read(created.id, created.outs);
    const rechecked = await provider.check(checked.inputs, { ...lc.update, __provider: text });
    const diff = await provider.diff(created.id, created.outs, rechecked.inputs);
    const updated = await provider.update(created.id, created.outs, rechecked.inputs);
    await provider.delete(created.id, updated.outs);
    results[lc.name] = { checked, created, read, rechecked, diff, updated };
    process.stderr.write("done: " + lc.name + "\\n");
  }
  // Exit as the engine ends the plugin: a provider may hold a long-lived session (the Teams pwsh) open.
  process.stdout.write(JSON.stringify(results, (k, v) => (k === "__provider" ? "(the text)" : v)), () => process.exit(0));
})().catch((e) => { process.stderr.write(String((e && e.stack) || e)); process.exit(1); });
`;

export interface RunOptions {
  lifecycles: Lifecycle[];
  /** Stack config the provider's `configure` reads (e.g. `tenant:graphEndpoint`). */
  stackConfig?: Record<string, string>;
  /** The plugin's environment besides PATH (credentials, CA, fakes). */
  env?: Record<string, string>;
  /** Default {@link ENGINE_CWD}. */
  cwd?: string;
}

/**
 * Runs the serialized text in a fresh process; resolves with each lifecycle's results and the raw stdout (what
 * the provider returned, i.e. what would land in state), rejects with the child's stderr in the message.
 */
export async function runSerializedProvider(
  text: string,
  options: RunOptions,
): Promise<{ results: Record<string, LifecycleResult>; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), "serialized-provider-"));
  try {
    writeFileSync(join(dir, "provider.js"), text);
    writeFileSync(join(dir, "lifecycles.json"), JSON.stringify(options.lifecycles));
    writeFileSync(join(dir, "driver.js"), DRIVER);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(dir, "driver.js"), join(dir, "provider.js"), join(dir, "lifecycles.json")],
      {
        cwd: options.cwd ?? ENGINE_CWD,
        env: {
          PATH: process.env.PATH,
          STACK_CONFIG: JSON.stringify(options.stackConfig ?? {}),
          SDK_DIR: REPO_ROOT,
          ...(options.env ?? {}),
        },
        maxBuffer: 16 * 1024 * 1024,
        // A hung provider fails here, with its stderr, rather than at the test's timeout.
        timeout: 45_000,
      },
    );
    return { results: JSON.parse(stdout) as Record<string, LifecycleResult>, stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
