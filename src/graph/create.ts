/**
 * The factory provider code calls: resolves endpoint, CA and credentials from arguments, stack config and the
 * environment, and returns a ready GraphClient. Everything it needs is read at call time, inside the provider,
 * so nothing secret is captured by Pulumi's serialization or written to state.
 */
import { accessTokenSourceFromEnvironment } from "./auth";
import { GraphClient } from "./client";
import { systemClock } from "./clock";
import type { Clock } from "./clock";
import { resolveGraphEndpoint } from "./endpoint";
import { resolveRetryOptions } from "./retryPolicy";
import type { RetryOptions } from "./retryPolicy";
import { createCaDispatcher, loadTrustedCa } from "./tls";
import type { AccessTokenSource } from "./tokenSource";
import type { GraphLogEntry } from "./types";

export interface CreateGraphClientOptions {
  /** Explicit endpoint; wins over TENANT_GRAPH_ENDPOINT and stack config. */
  endpoint?: string;
  /** `tenant:graphEndpoint` as read by the caller (e.g. in a dynamic provider's `configure`). */
  stackEndpoint?: string;
  /** Environment to read (default: process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Token source; default: from the environment (see auth.ts). */
  tokens?: AccessTokenSource;
  /** PEM of a private CA to trust; wins over caFile and TENANT_GRAPH_CA_FILE. */
  caPem?: string;
  caFile?: string;
  /** Default API version segment (`v1.0`). */
  version?: string;
  /** Token scope override (default `https://graph.microsoft.com/.default`). */
  scope?: string;
  retry?: Partial<RetryOptions>;
  clock?: Clock;
  /** Jitter source in [0, 1); inject a constant in tests. */
  random?: () => number;
  logger?: (entry: GraphLogEntry) => void;
  /** `$batch` calls in flight at once (default 1: the identity write quota is per app and tenant anyway). */
  batchConcurrency?: number;
}

export function createGraphClient(options: CreateGraphClientOptions = {}): GraphClient {
  const env = options.env ?? process.env;
  const endpoint = resolveGraphEndpoint({
    argument: options.endpoint,
    stackConfig: options.stackEndpoint,
    env,
  });
  const ca = loadTrustedCa({ caPem: options.caPem, caFile: options.caFile, env });
  const tokens =
    options.tokens ?? accessTokenSourceFromEnvironment({ endpoint, env, ca, scope: options.scope });
  return new GraphClient({
    endpoint,
    tokens,
    dispatcher: ca ? createCaDispatcher(ca) : undefined,
    version: options.version ?? "v1.0",
    retry: resolveRetryOptions(options.retry),
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    logger: options.logger,
    batchConcurrency: options.batchConcurrency ?? 1,
  });
}
