import * as pulumi from "@pulumi/pulumi";
import type { TenantDefinition } from "../../src/config/definition";
import type { BuildSettings } from "../../src/program";
import { renderTenant } from "../../src/render/renderer";
import { applySdkPatches, PROVIDER_PLACEHOLDER } from "../../src/render/sdkPatches";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";

// The SDK's internals the patches replace (pinned SDK); these fail first if an upgrade moves them.
const resourceClass = pulumi.Resource as unknown as { callsites: () => unknown[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK module the renderer patches
const serializeClosure = require("@pulumi/pulumi/runtime/closure/serializeClosure") as {
  serializeFunction: (...args: unknown[]) => Promise<{ text: string; containsSecrets: boolean }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK module the renderer patches
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as {
  debuggablePromise: <T>(p: Promise<T>, ctx: unknown) => Promise<T>;
};

const settings = (): BuildSettings => ({
  layers: ["landingZone", "identity", "m365", "teamsVoice"],
  budgetStartDate: "2026-11-01T00:00:00Z",
  environment: "test",
});

let definition: TenantDefinition;
beforeAll(() => {
  definition = loadValidDefinition(MINIMAL_FIXTURE);
});

describe("applySdkPatches", () => {
  it("replaces the stack capture, the source positions, the promise labels and the provider serializer, and restores all four", async () => {
    const limit = Error.stackTraceLimit;
    const callsites = resourceClass.callsites;
    const serialize = serializeClosure.serializeFunction;
    const debuggablePromise = debuggable.debuggablePromise;
    expect(resourceClass.callsites().length).toBeGreaterThan(0);
    const probe = Promise.resolve(1);
    expect(debuggable.debuggablePromise(probe, "label")).not.toBe(probe); // the SDK chains onto it

    const restore = applySdkPatches();
    try {
      expect(Error.stackTraceLimit).toBe(0);
      expect(resourceClass.callsites()).toEqual([]);
      expect(debuggable.debuggablePromise(probe, "label")).toBe(probe);
      await expect(serializeClosure.serializeFunction(() => 1)).resolves.toEqual({
        text: PROVIDER_PLACEHOLDER,
        containsSecrets: false,
      });
    } finally {
      restore();
    }
    expect(Error.stackTraceLimit).toBe(limit);
    expect(resourceClass.callsites).toBe(callsites);
    expect(serializeClosure.serializeFunction).toBe(serialize);
    expect(debuggable.debuggablePromise).toBe(debuggablePromise);
  });

  it("leaves stack traces and source positions alone when asked to keep them", () => {
    const limit = Error.stackTraceLimit;
    const callsites = resourceClass.callsites;
    const restore = applySdkPatches({ keepStackTraces: true, serializeProviders: true });
    try {
      expect(Error.stackTraceLimit).toBe(limit);
      expect(resourceClass.callsites).toBe(callsites);
      const probe = Promise.resolve(1);
      expect(debuggable.debuggablePromise(probe, "label")).not.toBe(probe);
    } finally {
      restore();
    }
  });
});

describe("a render", () => {
  afterEach(() => jest.restoreAllMocks());

  it("captures no resource's call stack, and the SDK is as before once it ends", async () => {
    const callsites = jest.spyOn(resourceClass, "callsites");
    const limit = Error.stackTraceLimit;
    const { graph } = await renderTenant(definition, settings());
    expect(graph.resources.length).toBeGreaterThan(20);
    expect(callsites).not.toHaveBeenCalled();
    expect(resourceClass.callsites).toBe(callsites);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it("renders the same graph as one that captures every stack", async () => {
    const callsites = jest.spyOn(resourceClass, "callsites");
    const kept = await renderTenant(definition, settings(), { keepStackTraces: true });
    // The control really captured: once per resource constructed.
    expect(callsites.mock.calls.length).toBeGreaterThanOrEqual(kept.graph.resources.length - 1);
    const patched = await renderTenant(definition, settings());
    // The same resources with the same inputs; the order registrations complete in may differ (the SDK's
    // promise chains are shorter without the labels), and nothing reads the graph by position.
    const byUrn = (g: typeof kept.graph) => ({
      ...g,
      resources: [...g.resources].sort((a, b) => a.urn.localeCompare(b.urn)),
    });
    expect(byUrn(patched.graph)).toEqual(byUrn(kept.graph));
    expect(patched.outputs).toEqual(kept.outputs);
  });
});
