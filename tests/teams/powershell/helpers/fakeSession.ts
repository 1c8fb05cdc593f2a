import { join } from "node:path";
import {
  createPowerShellTeamsAdmin,
  PwshProcess,
  type PwshProcessOptions,
} from "../../../../src/teams/powershell";
import { PowerShellTeamsAdmin } from "../../../../src/teams/powershell/adapter";
import { startTestEmulator, type TestEmulator } from "../../../emulator/helpers/client";

/** The fake `pwsh` (a node script speaking the driver protocol, forwarding to the emulator). */
export const FAKE_PWSH = join(__dirname, "..", "..", "..", "fakes", "fake-pwsh.js");

/** Environment pointing the fake at an emulator, as a user would export it (docs/teams-powershell.md). */
export function fakeEnv(t: TestEmulator, extra: Record<string, string> = {}): Record<string, string> {
  return { TENANT_GRAPH_ENDPOINT: t.emu.url, TENANT_GRAPH_CA_FILE: t.emu.caFile, ...extra };
}

export function fakeProcess(
  t: TestEmulator,
  opts: PwshProcessOptions = {},
  extraEnv: Record<string, string> = {},
) {
  return new PwshProcess({
    pwshPath: FAKE_PWSH,
    readyTimeoutMs: 10_000,
    callTimeoutMs: 10_000,
    ...opts,
    env: fakeEnv(t, extraEnv),
  });
}

export function fakeAdmin(t: TestEmulator, extraEnv: Record<string, string> = {}): PowerShellTeamsAdmin {
  return createPowerShellTeamsAdmin({
    pwshPath: FAKE_PWSH,
    readyTimeoutMs: 10_000,
    callTimeoutMs: 10_000,
    env: fakeEnv(t, extraEnv),
  });
}

export { startTestEmulator, type TestEmulator };
