/**
 * One emulator per test file with a provider wired to it over real HTTPS: the real Graph client, the
 * emulator's CA, a static token (emulator only). Time is the emulator's manual clock: the client's retry
 * waits and the provider's processing polls advance it instead of sleeping.
 */
import type { TenantDefinition } from "../../../src/config/definition";
import { ManualClock, startEmulator } from "../../../src/emulator";
import type { EmulatorHandle, FaultOptions } from "../../../src/emulator";
import type { GroupRecord } from "../../../src/emulator/state/types";
import { createGroupLicensesProvider } from "../../../src/m365";
import type { ContextOptions, GroupLicensesProvider } from "../../../src/m365";
import { desiredLicences } from "../../../src/m365/licensing/desired";
import type { GroupLicensesInputs } from "../../../src/resourceTypes";
import { loadValidDefinition } from "../../../src/stackConfig";

export const STATIC_TOKEN = "emulator-static-token-for-tests";

export interface LicensingEmulator {
  emu: EmulatorHandle;
  clock: ManualClock;
  definition: TenantDefinition;
  /** Environment a provider reads: endpoint, CA and the static token. */
  env: Record<string, string>;
  /** Called at each provider poll before time moves on (a test can change the tenant meanwhile). */
  onPoll: (() => void) | undefined;
  provider(overrides?: Partial<ContextOptions>): GroupLicensesProvider;
  group(department: string): GroupRecord;
  inputs(department: string, change?: (i: GroupLicensesInputs) => GroupLicensesInputs): GroupLicensesInputs;
  resetFaults(): void;
  writes(routePart?: string): number;
  stop(): Promise<void>;
}

export async function startLicensingEmulator(seed: string): Promise<LicensingEmulator> {
  const clock = new ManualClock();
  const emu = await startEmulator({ seed, clock });
  const definition = loadValidDefinition(seed);
  const env = {
    TENANT_GRAPH_ENDPOINT: emu.url,
    TENANT_GRAPH_CA_FILE: emu.caFile,
    TENANT_GRAPH_STATIC_TOKEN: STATIC_TOKEN,
  };
  const handle: LicensingEmulator = {
    emu,
    clock,
    definition,
    env,
    onPoll: undefined,
    provider: (overrides = {}) =>
      createGroupLicensesProvider({
        env,
        client: {
          clock: { now: () => clock.now(), sleep: async (ms) => clock.advance(ms) },
          random: () => 0.5,
          ...(overrides.client ?? {}),
        },
        sleep: async (ms) => {
          handle.onPoll?.();
          clock.advance(ms);
        },
        ...overrides,
      }),
    group: (department) => {
      const g = emu.state.groups.find((x) => x.departmentId === department);
      if (!g) throw new Error(`the emulator has no group for ${department}`);
      return g;
    },
    inputs: (department, change = (i) => i) => {
      const d = definition.departments.find((x) => x.id === department);
      if (!d) throw new Error(`no department ${department}`);
      return change({ ...desiredLicences(definition, d), groupId: handle.group(department).id });
    },
    resetFaults: () => {
      const clean: FaultOptions = {
        rate429: 0,
        rate503: 0,
        dropRate: 0,
        dropAfterWriteRate: 0,
        retryAfterAbsentRate: 0,
        routes: undefined,
      };
      Object.assign(emu.faults, clean);
      handle.onPoll = undefined;
    },
    writes: (routePart = "") =>
      Object.entries(emu.counters.snapshot().byRoute)
        .filter(([route]) => route.includes(routePart))
        .reduce((sum, [, c]) => sum + c.writes, 0),
    stop: () => emu.stop(),
  };
  return handle;
}
