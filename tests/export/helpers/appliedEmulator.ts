/**
 * An applied emulator (as `pulumi up` of a definition leaves the tenant) with the real Graph client and the
 * real PowerShell adapter over the fake `pwsh`, as `tenant export` reads it.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ManualClock,
  startEmulator,
  type EmulatorHandle,
  type StartEmulatorOptions,
} from "../../../src/emulator";
import { createGraphClient, type GraphClient } from "../../../src/graph";
import { createPowerShellTeamsAdmin } from "../../../src/teams/powershell";
import type { PowerShellTeamsAdmin } from "../../../src/teams/powershell/adapter";
import { FAKE_PWSH } from "../../teams/powershell/helpers/fakeSession";

export interface ExportBed {
  emu: EmulatorHandle;
  env: Record<string, string>;
  /** A new Graph client (fresh stats) per call; retries wait the real Retry-After (keep it small). */
  graph(): GraphClient;
  powershell: PowerShellTeamsAdmin;
  tmp(): string;
  stop(): Promise<void>;
}

export async function startExportBed(
  seed: string,
  opts: Partial<StartEmulatorOptions> = {},
): Promise<ExportBed> {
  const emu = await startEmulator({ seed, applied: true, clock: new ManualClock(), ...opts });
  const env = {
    TENANT_GRAPH_ENDPOINT: emu.url,
    TENANT_GRAPH_CA_FILE: emu.caFile,
    TENANT_GRAPH_STATIC_TOKEN: "export-test-token",
  };
  const powershell = createPowerShellTeamsAdmin({
    pwshPath: FAKE_PWSH,
    readyTimeoutMs: 10_000,
    callTimeoutMs: 10_000,
    env,
  });
  const dirs: string[] = [];
  return {
    emu,
    env,
    graph: () => createGraphClient({ env, retry: { baseDelayMs: 10, maxDelayMs: 50 } }),
    powershell,
    tmp: () => {
      const dir = mkdtempSync(join(tmpdir(), "tenant-export-"));
      dirs.push(dir);
      return join(dir, "out");
    },
    stop: async () => {
      await powershell.close();
      await emu.stop();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** Requests the emulator counted per route key whose key contains `part`. */
export function requestsTo(emu: EmulatorHandle, part: string): number {
  return Object.entries(emu.counters.snapshot().byRoute)
    .filter(([key]) => key.includes(part))
    .reduce((sum, [, c]) => sum + c.requests, 0);
}

export function readText(dir: string, file: string): string {
  return readFileSync(join(dir, file), "utf8");
}
