/**
 * The Teams voice providers as the engine runs them, against the emulator over real HTTPS: the admin port is
 * built from the ENVIRONMENT only (src/teams/admin/create.ts) — the real PowerShell adapter driving the fake
 * `pwsh` (tests/fakes/fake-pwsh.js, which forwards the driver protocol to `/_emulator/teams/powershell`) and
 * the real Graph client. Writes are counted by the emulator for both halves.
 */
import { closeSharedTeamsAdmins } from "../../../../src/teams/admin/create";
import { teamsArea } from "../../../../src/emulator/state/teams";
import { runCmdlet } from "../../../../src/emulator/state/teamsPowerShell";
import { createTeamsProvider } from "../../../../src/teams/provider";
import { FAKE_PWSH } from "../../powershell/helpers/fakeSession";
import { startTestEmulator, type TestEmulator } from "../../../emulator/helpers/client";

/* eslint-disable @typescript-eslint/no-explicit-any -- provider calls take and return plain JSON */
export type Props = Record<string, any>;

export interface TeamsTestbed {
  t: TestEmulator;
  /** Every Teams resource kind behind one provider, as in a real program. */
  provider: ReturnType<typeof createTeamsProvider>;
  writes(): number;
  /** Successful writes of one cmdlet (e.g. `Set-CsTeamsCallingPolicy`). */
  writesOf(cmdlet: string): number;
  resetCounters(): void;
  /** Runs a cmdlet straight on the emulator, as an admin in the Teams admin centre would. */
  ps(cmdlet: string, parameters: Record<string, unknown>): any;
  area(): ReturnType<typeof teamsArea>;
  stop(): Promise<void>;
}

export async function startTeamsTestbed(): Promise<TeamsTestbed> {
  const t = await startTestEmulator();
  const env = {
    TENANT_PWSH_PATH: FAKE_PWSH,
    TENANT_GRAPH_ENDPOINT: t.emu.url,
    TENANT_GRAPH_CA_FILE: t.emu.caFile,
    TENANT_GRAPH_STATIC_TOKEN: "teams-test-token",
  };
  const provider = createTeamsProvider({
    env,
    powershell: { readyTimeoutMs: 10_000, callTimeoutMs: 10_000 },
  });
  let seq = 0;
  return {
    t,
    provider,
    writes: () => t.emu.counters.snapshot().writes,
    writesOf: (cmdlet) => t.emu.counters.snapshot().byRoute[`POWERSHELL ${cmdlet}`]?.writes ?? 0,
    resetCounters: () => t.emu.counters.reset(),
    ps: (cmdlet, parameters) => {
      const out = runCmdlet(t.emu.state, { id: ++seq, cmdlet, parameters }, t.clock.now());
      if (!out.ok) throw new Error(out.error.message);
      return out.result;
    },
    area: () => teamsArea(t.emu.state),
    stop: async () => {
      await closeSharedTeamsAdmins();
      await t.stop();
    },
  };
}

/** check → create, as the engine does for a new resource. */
export async function createVia(bed: TeamsTestbed, news: Props): Promise<{ id: string; outs: Props }> {
  const checked = await bed.provider.check!({}, news);
  expect(checked.failures ?? []).toEqual([]);
  const created = await bed.provider.create(checked.inputs);
  return { id: created.id, outs: created.outs as Props };
}

/** check → diff → update when the diff says so, as `pulumi up` does for an existing resource. */
export async function upVia(
  bed: TeamsTestbed,
  id: string,
  olds: Props,
  news: Props,
): Promise<{ changed: boolean; outs: Props }> {
  const checked = await bed.provider.check!(olds, news);
  expect(checked.failures ?? []).toEqual([]);
  const diff = await bed.provider.diff!(id, olds, checked.inputs);
  if (!diff.changes) return { changed: false, outs: olds };
  const updated = await bed.provider.update!(id, olds, checked.inputs);
  return { changed: true, outs: updated.outs as Props };
}
