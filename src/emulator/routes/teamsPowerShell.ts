import type { RouteDef } from "../http/types";
import { teamsArea, type TeamsTiming } from "../state/teams";
import { operationStats, resetOperationStats } from "../state/teamsOperations";
import { isWriteCmdlet, runCmdlet } from "../state/teamsPowerShell";
import { json } from "./common";

/**
 * `/_emulator/teams/*`: not Graph. The fake `pwsh` of the PowerShell adapter's tests forwards each driver
 * request to `POST /_emulator/teams/powershell` and prints the answer, so PowerShell-side changes land in the
 * same state the Graph routes read. Each cmdlet is counted under `POWERSHELL <cmdlet>` (writes for
 * New/Set/Remove/Grant that succeeded), so tests can assert "0 writes on re-run" for both halves.
 */
export const teamsPowerShellRoutes: RouteDef[] = [
  {
    method: "POST",
    template: "/_emulator/teams/powershell",
    kind: "public",
    uncounted: true,
    handler: (core, req) => {
      const out = runCmdlet(core.state, req.body, core.clock.now());
      const cmdlet = (req.body as { cmdlet?: unknown } | undefined)?.cmdlet;
      const key = `POWERSHELL ${typeof cmdlet === "string" ? cmdlet : "?"}`;
      core.counters.request(key);
      core.counters.status(key, out.ok ? 200 : 400);
      if (out.ok && typeof cmdlet === "string" && isWriteCmdlet(cmdlet)) core.counters.write(key);
      core.changed();
      return json(out);
    },
  },
  {
    method: "GET",
    template: "/_emulator/teams/stats",
    kind: "public",
    uncounted: true,
    handler: (core) => json(operationStats(core.state)),
  },
  {
    method: "POST",
    template: "/_emulator/teams/reset-stats",
    kind: "public",
    uncounted: true,
    handler: (core) => {
      resetOperationStats(core.state);
      return { status: 204 };
    },
  },
  {
    method: "PATCH",
    template: "/_emulator/teams/timing",
    kind: "public",
    uncounted: true,
    // Durations of number operations on the emulator clock (persisted with the state).
    handler: (core, req) => {
      const area = teamsArea(core.state);
      const body = (req.body ?? {}) as Partial<TeamsTiming>;
      for (const k of ["numberQueuedMs", "numberProcessingMs"] as const) {
        const v = body[k];
        if (v !== undefined && (!Number.isFinite(v) || v < 0))
          return json({ error: `${k} must be >= 0` }, 400);
        if (v !== undefined) area.timing[k] = v;
      }
      core.state.touch();
      return json(area.timing);
    },
  },
];
