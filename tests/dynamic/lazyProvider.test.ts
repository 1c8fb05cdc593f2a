/**
 * The loader behind every serialized provider (src/dynamic/lazyProvider.ts): where it finds the implementation
 * when the engine's plugin runs it, the errors when it cannot, and what it refuses to capture.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lazyProvider } from "../../src/dynamic/lazyProvider";
import { PROVIDER_IMPLEMENTATIONS } from "../../src/dynamic/implementations";
import { teamsProvider } from "../../src/teams/provider";
import { REPO_ROOT, runSerializedProvider, serializeAsTheSdkDoes } from "../helpers/serializedProvider";

describe("a serialized lazy provider in the plugin process", () => {
  it("loads its implementation with the repository root as working directory (Pulumi.yaml main: .)", async () => {
    // No lifecycle: `configure` alone loads the implementation (tsx, registry, factory) and calls its configure.
    const { text } = await serializeAsTheSdkDoes(teamsProvider);
    await expect(runSerializedProvider(text, { lifecycles: [], cwd: REPO_ROOT })).resolves.toEqual({
      results: {},
      stdout: "{}",
    });
  });

  it("outside a checkout, fails naming the package it looked for, where, and what to do", async () => {
    const outside = mkdtempSync(join(tmpdir(), "not-a-checkout-"));
    try {
      const { text } = await serializeAsTheSdkDoes(teamsProvider);
      await expect(runSerializedProvider(text, { lifecycles: [], cwd: outside })).rejects.toThrow(
        `Dynamic provider "teams": no tenant-provisioning checkout (src/dynamic/providerHost.js) in ${outside} or `,
      );
      await expect(runSerializedProvider(text, { lifecycles: [], cwd: outside })).rejects.toThrow(
        /run pulumi in a checkout of the tenant-provisioning repository \(the folder with Pulumi\.yaml\), after `npm ci`/,
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("an implementation this checkout no longer has is named, with the ones it has", async () => {
    // What a state written by another version would hold.
    const { text } = await serializeAsTheSdkDoes(lazyProvider("retired" as "teams"));
    await expect(runSerializedProvider(text, { lifecycles: [] })).rejects.toThrow(
      /Dynamic provider "retired": .*src\/dynamic\/implementations\.ts has no implementation "retired" \(it has groupLicenses, numberAssignments, teams, propagationWait, administrativeUnit\) — the state was written by another version/,
    );
  });
});

describe("lazyProvider in the program", () => {
  it("refuses options that are not plain data: they are stored in state as JSON", () => {
    expect(() => lazyProvider("numberAssignments", { onBackend: () => undefined })).toThrow(
      'lazyProvider("numberAssignments"): option onBackend is a function — only plain data can be serialized',
    );
  });

  it("has every method a provider can have, so the engine sees the implementation's capabilities", () => {
    expect(Object.keys(teamsProvider).sort()).toEqual(
      ["check", "configure", "create", "delete", "diff", "read", "update"].sort(),
    );
    expect(Object.keys(PROVIDER_IMPLEMENTATIONS).sort()).toEqual([
      "administrativeUnit",
      "groupLicenses",
      "numberAssignments",
      "propagationWait",
      "teams",
    ]);
  });

  it("serializes to the same text after it was used in-process: what it loaded is not captured", async () => {
    const before = await serializeAsTheSdkDoes(teamsProvider);
    const calls: string[] = [];
    const global = globalThis as { __tenantProvisioningProviders?: Map<string, unknown> };
    const saved = global.__tenantProvisioningProviders;
    // The loader's process-wide cache, filled as a first call would fill it.
    global.__tenantProvisioningProviders = new Map([
      [
        "teams {}",
        { configure: async () => void calls.push("configure"), create: async () => ({ id: "x" }) },
      ],
    ]);
    try {
      await teamsProvider.configure!({ config: { get: () => undefined, require: () => "" } } as never);
      expect(calls).toEqual(["configure"]);
      const after = await serializeAsTheSdkDoes(teamsProvider);
      expect(after.text).toBe(before.text);
    } finally {
      global.__tenantProvisioningProviders = saved;
    }
  });
});
