/**
 * What the resource needs from Teams, built INSIDE each provider call: the Graph client (endpoint, CA and
 * credentials from the environment and the stack's `tenant:graphEndpoint`, read by `configure`) and the
 * Graph Teams adapter with `$batch` grouping on. Nothing here is an input or lands in state, and nothing
 * secret exists when Pulumi serializes the provider.
 */
import type { GraphClient } from "../../graph";
import { createGraphClient } from "../../graph/create";
import type { CreateGraphClientOptions } from "../../graph/create";
import type { InventoryNumber, TeamsGraphAdmin } from "../admin/port";
import { GraphTeamsAdmin } from "../graph/adapter";
import type { GraphTeamsAdminOverrides } from "../graph/options";
import { resolveUsers, type UserLookup } from "./users";

/** The slice of Teams administration the resource uses (the port, plus batched lookups). */
export interface NumbersBackend extends Pick<
  TeamsGraphAdmin,
  "assignNumbers" | "unassignNumbers" | "updateNumberLocations"
> {
  findNumbers(telephoneNumbers: readonly string[]): Promise<InventoryNumber[]>;
  resolveUsers(userPrincipalNames: readonly string[]): Promise<Map<string, UserLookup>>;
}

export interface BackendOptions {
  /** Test and benchmark seams for the Graph client (clock, random, retry, tokens). Real runs pass none. */
  client?: Partial<CreateGraphClientOptions>;
  /** Adapter bounds: poll timing, batch groups in flight, clock. */
  admin?: GraphTeamsAdminOverrides;
  /** The environment to read (default process.env at call time). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Called with every backend made (benchmarks read the client's and adapter's counters). */
  onBackend?: (backend: GraphNumbersBackend) => void;
}

/**
 * Number operations take seconds (the emulator: 1 s queued + 2 s running). The first poll comes after 4 s
 * so that a group usually ends within one poll round: two HTTP requests per 20 numbers, start and poll.
 */
export const NUMBERS_POLL = { initialDelayMs: 4_000, factor: 2, maxDelayMs: 30_000 } as const;

export class GraphNumbersBackend implements NumbersBackend {
  readonly client: GraphClient;
  readonly admin: GraphTeamsAdmin;

  // Fields are assigned in the constructor (no initializers): Pulumi's function serialization drops them.
  constructor(client: GraphClient, admin: GraphTeamsAdmin) {
    this.client = client;
    this.admin = admin;
  }

  findNumbers(telephoneNumbers: readonly string[]) {
    return this.admin.findNumbers(telephoneNumbers);
  }
  resolveUsers(userPrincipalNames: readonly string[]) {
    return resolveUsers(this.client, userPrincipalNames);
  }
  assignNumbers(...args: Parameters<TeamsGraphAdmin["assignNumbers"]>) {
    return this.admin.assignNumbers(...args);
  }
  unassignNumbers(...args: Parameters<TeamsGraphAdmin["unassignNumbers"]>) {
    return this.admin.unassignNumbers(...args);
  }
  updateNumberLocations(...args: Parameters<TeamsGraphAdmin["updateNumberLocations"]>) {
    return this.admin.updateNumberLocations(...args);
  }
}

export function createNumbersBackend(
  options: BackendOptions,
  stack: { graphEndpoint?: string },
): GraphNumbersBackend {
  const env = options.env ?? process.env;
  const client = createGraphClient({
    env,
    stackEndpoint: stack.graphEndpoint,
    // `$batch` calls of lookups in flight at once (a department's lookups are a handful of batches).
    batchConcurrency: 4,
    ...(options.client ?? {}),
  });
  const admin = new GraphTeamsAdmin(client, {
    batch: true,
    ...(options.admin ?? {}),
    clock: options.admin?.clock ?? options.client?.clock,
    poll: { ...NUMBERS_POLL, ...(options.admin?.poll ?? {}) },
  });
  const backend = new GraphNumbersBackend(client, admin);
  options.onBackend?.(backend);
  return backend;
}
