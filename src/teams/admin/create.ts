/**
 * Builds the `TeamsAdmin` a Teams voice provider call uses, INSIDE the call, from the environment only:
 * - Graph: `createGraphClient` (TENANT_GRAPH_ENDPOINT / stack `tenant:graphEndpoint`, TENANT_GRAPH_CA_FILE,
 *   AZURE_* credentials) wrapped by the Graph adapter (src/teams/graph);
 * - PowerShell: the adapter in src/teams/powershell over ONE long-lived `pwsh` per provider process
 *   ($TENANT_PWSH_PATH or `pwsh`; the driver reads its own credentials from the environment).
 *
 * Why a process-wide cache keyed on `globalThis`: Pulumi serializes each dynamic provider by value, so every
 * resource type's provider carries its own copy of this module's variables. Importing MicrosoftTeams and
 * connecting costs tens of seconds; a module-level variable would start one `pwsh` per provider TYPE. A
 * `Symbol.for` slot on `globalThis` is the same object for every copy in the process, so all of them share one.
 * Nothing here is created at serialization time, so no credential or session ends up in state.
 */
import { createGraphClient, type CreateGraphClientOptions } from "../../graph/create";
import { createGraphTeamsAdmin, type GraphTeamsAdminOverrides } from "../graph";
import { createPowerShellTeamsAdmin, PWSH_PATH_ENV, type PwshProcessOptions } from "../powershell";
import type { TeamsAdmin, TeamsGraphAdmin, TeamsPowerShellAdmin } from "./port";

export interface CreateTeamsAdminOptions {
  /** The environment to read (default process.env at call time). */
  env?: Readonly<Record<string, string | undefined>>;
  /** `tenant:graphEndpoint` as a provider's `configure` read it. */
  stackEndpoint?: string;
  /** Test seams for the Graph client (clock, retry…). Real runs pass none. */
  graph?: Partial<CreateGraphClientOptions>;
  graphAdmin?: GraphTeamsAdminOverrides;
  /** Test seams for the PowerShell process (timeouts). Real runs pass none. */
  powershell?: PwshProcessOptions;
}

interface SharedSessions {
  byKey: Map<string, TeamsPowerShellAdmin>;
  exitHookInstalled: boolean;
}

const SHARED = Symbol.for("tenant-provisioning.teams.powershell-sessions");

function shared(): SharedSessions {
  const g = globalThis as unknown as Record<symbol, SharedSessions | undefined>;
  g[SHARED] ??= { byKey: new Map(), exitHookInstalled: false };
  return g[SHARED];
}

/**
 * The PowerShell half: one session per (executable, driver, endpoint) in this process. The key holds no secret
 * (the driver reads credentials itself); the endpoint is part of it so tests against two emulators do not mix.
 */
export function sharedPowerShellAdmin(options: CreateTeamsAdminOptions = {}): TeamsPowerShellAdmin {
  const env = options.env ?? process.env;
  const pwshPath = options.powershell?.pwshPath ?? env[PWSH_PATH_ENV] ?? "pwsh";
  const key = JSON.stringify([
    pwshPath,
    options.powershell?.driverPath ?? "",
    env.TENANT_GRAPH_ENDPOINT ?? options.stackEndpoint ?? "",
  ]);
  const sessions = shared();
  let admin = sessions.byKey.get(key);
  if (!admin) {
    admin = createPowerShellTeamsAdmin({
      ...(options.powershell ?? {}),
      pwshPath,
      // The driver (and the fake) read TENANT_GRAPH_ENDPOINT; pass the stack's endpoint on when only that is set.
      env: {
        ...env,
        ...(env.TENANT_GRAPH_ENDPOINT || !options.stackEndpoint
          ? {}
          : { TENANT_GRAPH_ENDPOINT: options.stackEndpoint }),
      },
    });
    sessions.byKey.set(key, admin);
    installExitHook(sessions);
  }
  return admin;
}

/**
 * Closes every shared session (ends the driver's stdin, so it disconnects). The provider host is normally
 * killed by the engine, which also ends the pipe; `beforeExit` covers a host that drains on its own.
 */
export async function closeSharedTeamsAdmins(): Promise<void> {
  const sessions = shared();
  const all = [...sessions.byKey.values()];
  sessions.byKey.clear();
  await Promise.allSettled(all.map((a) => a.close()));
}

function installExitHook(sessions: SharedSessions): void {
  if (sessions.exitHookInstalled) return;
  sessions.exitHookInstalled = true;
  process.once("beforeExit", () => {
    void closeSharedTeamsAdmins();
  });
}

/** The Graph half, new per call: cheap, and it must see the credentials of this call's environment. */
export function graphAdminFromEnv(options: CreateTeamsAdminOptions = {}): TeamsGraphAdmin {
  const client = createGraphClient({
    env: options.env ?? process.env,
    stackEndpoint: options.stackEndpoint,
    ...(options.graph ?? {}),
  });
  return createGraphTeamsAdmin(client, options.graphAdmin ?? {});
}

/**
 * Both halves. The PowerShell session starts lazily on its first cmdlet, so a call that needs only Graph
 * never starts `pwsh`; the Graph client is built lazily for the same reason (PowerShell-only resources must
 * not need Graph credentials).
 */
export function createTeamsAdmin(options: CreateTeamsAdminOptions = {}): TeamsAdmin {
  let graph: TeamsGraphAdmin | undefined;
  return {
    get graph(): TeamsGraphAdmin {
      graph ??= graphAdminFromEnv(options);
      return graph;
    },
    powershell: sharedPowerShellAdmin(options),
  };
}
