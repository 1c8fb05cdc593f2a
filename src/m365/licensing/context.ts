/**
 * The Graph client and waits of one provider call, built INSIDE the call: endpoint, CA and credentials come
 * from the environment (TENANT_GRAPH_ENDPOINT, TENANT_GRAPH_CA_FILE, AZURE_*; see src/graph/auth.ts) and the
 * stack's `tenant:graphEndpoint` read by `configure`. Nothing here is a resource input or lands in state, and
 * nothing secret exists when Pulumi serializes the provider.
 */
import { createGraphClient } from "../../graph/create";
import type { CreateGraphClientOptions } from "../../graph/create";
import type { LicensingContext } from "./operations";
import { DEFAULT_POLL } from "./processing";
import type { PollOptions } from "./processing";

/** Seconds to wait for a group's licence processing before failing (default 300). */
export const LICENSING_TIMEOUT_ENV = "TENANT_LICENSING_TIMEOUT_SECONDS";

export interface ContextOptions {
  /** Test seams for the Graph client (clock, random, retry, tokens). Real runs pass none. */
  client?: Partial<CreateGraphClientOptions>;
  /** How a poll waits; default a real timer. Tests move the emulator's manual clock instead. */
  sleep?: (ms: number) => Promise<void>;
  poll?: Partial<Omit<PollOptions, "sleep">>;
  /** Members with licence errors whose reasons are read (default 200). */
  errorDetailLimit?: number;
  /** The environment to read (default process.env at call time). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** What `configure` learnt from the stack. */
export interface StackSettings {
  graphEndpoint?: string;
}

export function createLicensingContext(options: ContextOptions, stack: StackSettings): LicensingContext {
  const env = options.env ?? process.env;
  const client = createGraphClient({ env, stackEndpoint: stack.graphEndpoint, ...(options.client ?? {}) });
  const fromEnv = Number(env[LICENSING_TIMEOUT_ENV]);
  const timeoutMs =
    env[LICENSING_TIMEOUT_ENV] !== undefined && Number.isFinite(fromEnv) && fromEnv >= 0
      ? fromEnv * 1000
      : (options.poll?.timeoutMs ?? DEFAULT_POLL.timeoutMs);
  return {
    client,
    poll: {
      ...DEFAULT_POLL,
      ...(options.poll ?? {}),
      timeoutMs,
      sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
    },
    errorDetailLimit: options.errorDetailLimit ?? 200,
  };
}
