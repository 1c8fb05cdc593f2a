import * as pulumi from "@pulumi/pulumi";

/**
 * Pulumi's mock runtime plus a recorder of every registration, with parent and dependencies
 * (the mock monitor in @pulumi/pulumi `runtime/mocks.ts`): the mock's `newResource` never sees those, so the
 * recorder wraps the mock monitor's `registerResource`, which gets the same request the engine would.
 * That wrapper relies on SDK internals; tests/landing-zone/pulumiMocks.test.ts checks it still works.
 */

export interface CapturedResource {
  type: string;
  name: string;
  custom: boolean;
  /** URN of the parent ("" for none). */
  parent: string;
  /** URNs this resource depends on: explicit `dependsOn` plus those implied by its inputs. */
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  provider: string;
  /** Inputs as the engine would get them (unknowns kept, secrets still wrapped). */
  inputs: Record<string, unknown>;
  /** Filled in when the mock monitor answers. */
  urn: string;
  /** The `protect` and `retainOnDelete` resource options, as the engine would receive them. */
  protect: boolean;
  retainOnDelete: boolean;
}

export interface MockOptions {
  project?: string;
  stack?: string;
  preview?: boolean;
  /** Extra outputs per resource, on top of the inputs and a `name`. */
  state?: (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown> | undefined;
  /** Answers invokes; unknown tokens fall back to DEFAULT_CALLS, then to `{}`. */
  call?: (args: pulumi.runtime.MockCallArgs) => Record<string, unknown> | undefined;
}

export const TEST_TENANT_ID = "11111111-2222-3333-4444-555555555555";
export const TEST_SUBSCRIPTION_ID = "00000000-0000-0000-0000-00000000aaaa";

const CLIENT_CONFIG = {
  clientId: "00000000-0000-0000-0000-0000000000c1",
  objectId: "00000000-0000-0000-0000-0000000000b1",
  subscriptionId: TEST_SUBSCRIPTION_ID,
  tenantId: TEST_TENANT_ID,
};

/** Invokes the toolkit makes, answered with fixed, recognisable values. */
export const DEFAULT_CALLS: Record<string, Record<string, unknown>> = {
  "azure-native:authorization:getClientConfig": CLIENT_CONFIG,
  "azuread:index/getClientConfig:getClientConfig": CLIENT_CONFIG,
};

/**
 * Outputs the real provider computes that the toolkit reads: a system-assigned identity gets a principal
 * id (policy remediation role assignments use it).
 */
function defaultState(args: pulumi.runtime.MockResourceArgs): Record<string, unknown> {
  const inputs = args.inputs as Record<string, unknown>;
  const state: Record<string, unknown> = { ...inputs, name: inputs.name ?? args.name };
  const identity = inputs.identity as { type?: string } | undefined;
  if (identity?.type?.includes("SystemAssigned")) {
    state.identity = { ...identity, principalId: `${args.name}-principal-id`, tenantId: TEST_TENANT_ID };
  }
  return state;
}

/**
 * Installs the mocks and the recorder; call before importing or constructing anything. Ids are
 * `<logical name>-id`. Returns the live list of captured registrations.
 */
export function installMocks(options: MockOptions = {}): CapturedResource[] {
  const captured: CapturedResource[] = [];
  void pulumi.runtime.setMocks(
    {
      newResource: (args) => ({
        // `args.id` is "" (not undefined) for a new resource; an empty id would read as unknown.
        id: args.id || `${args.name}-id`,
        state: { ...defaultState(args), ...(options.state?.(args) ?? {}) },
      }),
      call: (args) => options.call?.(args) ?? DEFAULT_CALLS[args.token] ?? {},
    },
    options.project ?? "tenant",
    options.stack ?? "test",
    options.preview ?? false,
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mock monitor is an SDK internal
  const monitor: any = pulumi.runtime.getMonitor();
  const original = monitor.registerResource.bind(monitor);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  monitor.registerResource = (req: any, callback: any) => {
    const propertyDependencies: Record<string, string[]> = {};
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    req.getPropertydependenciesMap().forEach((v: any, k: string) => {
      propertyDependencies[k] = v.getUrnsList();
    });
    const entry: CapturedResource = {
      type: req.getType(),
      name: req.getName(),
      custom: req.getCustom(),
      parent: req.getParent(),
      dependencies: req.getDependenciesList(),
      propertyDependencies,
      provider: req.getProvider(),
      inputs: pulumi.runtime.deserializeProperties(req.getObject(), true),
      urn: "",
      protect: req.getProtect() === true,
      retainOnDelete: req.getRetainondelete() === true,
    };
    captured.push(entry);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return original(req, (err: any, resp: any) => {
      if (resp) entry.urn = resp.getUrn();
      callback(err, resp);
    });
  };
  return captured;
}

/** The value of an output (never resolves for an unknown in preview; use with preview=false). */
export function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise<T>((resolve) => output.apply((v) => (resolve(v), v)));
}

/** Waits for every resource's URN, i.e. for its registration to finish (awsx: await urns, not arrays). */
export async function settle(resources: Iterable<pulumi.Resource>): Promise<string[]> {
  return Promise.all([...resources].map((r) => promiseOf(r.urn)));
}

export function ofType(captured: readonly CapturedResource[], type: string): CapturedResource[] {
  return captured.filter((c) => c.type === type);
}

/** The one registration with this type and logical name; throws with what there is otherwise. */
export function findResource(
  captured: readonly CapturedResource[],
  type: string,
  name: string,
): CapturedResource {
  const found = captured.filter((c) => c.type === type && c.name === name);
  if (found.length !== 1) {
    const names = ofType(captured, type).map((c) => c.name);
    throw new Error(
      `expected one ${type} named '${name}', found ${found.length}; ${type}: ${names.join(", ")}`,
    );
  }
  return found[0];
}

/** The registration whose URN is `urn`. */
export function byUrn(captured: readonly CapturedResource[], urn: string): CapturedResource | undefined {
  return captured.find((c) => c.urn === urn);
}
