import * as pulumi from "@pulumi/pulumi";
import { SecretValue, UNKNOWN, type RenderedResource } from "./graph";

/** The protobuf request getters read here (`RegisterResourceRequest` / `ReadResourceRequest`). */
interface ResourceRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getProvider(): string;
  getDependenciesList(): string[];
  getCustom?(): boolean;
  getObject?(): unknown;
  getProperties?(): unknown;
  getProtect?(): boolean | undefined;
  getRetainondelete?(): boolean | undefined;
}

type Callback = (err: unknown, resp?: { getUrn(): string }) => void;

interface MonitorMethods {
  registerResource(req: ResourceRequest, cb: Callback): unknown;
  readResource(req: ResourceRequest, cb: Callback): unknown;
}

/** Turns the engine's wire encoding of secrets and unknowns into values a formatter can recognise. */
export function fromWire(value: unknown): unknown {
  if (value === pulumi.runtime.unknownValue) return UNKNOWN;
  if (Array.isArray(value)) return value.map(fromWire);
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (obj[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) {
      return new SecretValue(fromWire(obj.value));
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fromWire(v)]));
  }
  return value;
}

export interface Capture {
  resources: RenderedResource[];
  /** Resolves when every registration seen so far has been answered (and keeps up with new ones). */
  settled(): Promise<void>;
}

/**
 * Wraps the mock monitor so every registration is recorded with what the mock itself is never told: parent,
 * dependencies and provider (pulumi-offline.md §1.3). Relies on `getMonitor()` returning the MockMonitor and
 * its `registerResource`/`readResource` methods; tests/render pin that behaviour for the installed SDK.
 */
export function captureRegistrations(): Capture {
  const monitor = pulumi.runtime.getMonitor() as unknown as MonitorMethods | undefined;
  if (!monitor || typeof monitor.registerResource !== "function") {
    throw new Error("captureRegistrations needs pulumi.runtime.setMocks to have been called first.");
  }
  const resources: RenderedResource[] = [];
  const pending: Promise<void>[] = [];
  const wrap = (method: "registerResource" | "readResource", read: boolean) => {
    const original = monitor[method].bind(monitor);
    monitor[method] = (req: ResourceRequest, cb: Callback) => {
      const wire = read ? req.getProperties?.() : req.getObject?.();
      const entry: RenderedResource = {
        urn: "",
        type: req.getType(),
        name: req.getName(),
        custom: read ? true : (req.getCustom?.() ?? true),
        parent: req.getParent() || undefined,
        dependencies: [...req.getDependenciesList()],
        provider: req.getProvider() || undefined,
        protect: req.getProtect?.() === true,
        retainOnDelete: req.getRetainondelete?.() === true,
        inputs: wire
          ? (fromWire(
              pulumi.runtime.deserializeProperties(
                wire as Parameters<typeof pulumi.runtime.deserializeProperties>[0],
                true,
              ),
            ) as Record<string, unknown>)
          : {},
        read,
      };
      resources.push(entry);
      let done!: () => void;
      pending.push(new Promise<void>((r) => (done = r)));
      return original(req, (err, resp) => {
        if (resp) entry.urn = resp.getUrn();
        done();
        cb(err, resp);
      });
    };
  };
  wrap("registerResource", false);
  wrap("readResource", true);
  return {
    resources,
    async settled() {
      // Registrations answered may trigger new ones (a child waits for its parent's URN); loop until stable.
      let seen = -1;
      while (seen !== pending.length) {
        seen = pending.length;
        await Promise.all(pending.slice());
      }
    },
  };
}
