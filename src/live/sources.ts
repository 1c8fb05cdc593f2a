/**
 * How `tenant drift` and `tenant export` reach a live tenant: one Graph client and one Teams PowerShell session,
 * both pointed at the same endpoint (`--graph`, else TENANT_GRAPH_ENDPOINT, else Microsoft's), and the first
 * small request that shows the endpoint answers at all. Heavy modules load only when a command opens sources.
 */
import type { LiveReadDeps } from "./read";

export interface LiveSources extends LiveReadDeps {
  /** One small request that shows the endpoint answers at all; bounded by `timeoutMs` (src/live/probe.ts). */
  probe(timeoutMs: number): Promise<unknown>;
  /** Ends the PowerShell session. */
  close(): Promise<void>;
}

export type LiveEnv = Readonly<Record<string, string | undefined>>;

export function openLiveSources(graphUrl: string | undefined, env: LiveEnv): LiveSources {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when a command reads a tenant */
  const { createGraphClient } = require("../graph/create") as typeof import("../graph/create");
  const { createPowerShellTeamsAdmin, PWSH_PATH_ENV } =
    require("../teams/powershell") as typeof import("../teams/powershell");
  const { probeGraph } = require("./probe") as typeof import("./probe");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const graph = createGraphClient({ endpoint: graphUrl, env });
  // The PowerShell driver (and the emulator's fake) finds the tenant through TENANT_GRAPH_ENDPOINT.
  const powershell = createPowerShellTeamsAdmin({
    pwshPath: env[PWSH_PATH_ENV] || "pwsh",
    env: { ...env, ...(graphUrl ? { TENANT_GRAPH_ENDPOINT: graphUrl } : {}) },
  });
  return {
    graph,
    powershell,
    probe: (timeoutMs) => probeGraph(graphUrl, env, timeoutMs),
    close: () => powershell.close(),
  };
}
