/**
 * One emulator per test file with NumberAssignments providers wired to it over real HTTPS: the real Graph
 * client, the emulator's CA, a static token (emulator only). Time is the emulator's manual clock: retry
 * waits and operation polls advance it instead of sleeping. Users get their department's licences directly
 * (Teams Phone is what the emulator checks when an operation completes), and every definition emergency
 * location gets a LIS location through the PowerShell side, so `locationIds` are real Teams ids.
 */
import type { TenantDefinition } from "../../../../src/config/definition";
import { ManualClock, startEmulator } from "../../../../src/emulator";
import type { EmulatorHandle, FaultOptions } from "../../../../src/emulator";
import { assignGroupLicense } from "../../../../src/emulator/state/licensing";
import { teamsArea } from "../../../../src/emulator/state/teams";
import { findNumber } from "../../../../src/emulator/state/teamsInventory";
import { runCmdlet } from "../../../../src/emulator/state/teamsPowerShell";
import { loadValidDefinition } from "../../../../src/stackConfig";
import { departmentNumberArgs } from "../../../../src/teams/layerNumbers";
import {
  createNumberAssignmentsProvider,
  type BackendOptions,
  type GraphNumbersBackend,
  type NumberAssignmentsArgsPlain,
  type NumberAssignmentsProvider,
} from "../../../../src/teams/numbers";

export const STATIC_TOKEN = "emulator-static-token-for-number-tests";

export interface NumbersEmulator {
  emu: EmulatorHandle;
  clock: ManualClock;
  definition: TenantDefinition;
  env: Record<string, string>;
  /** Definition location id → Teams LIS location id. */
  locationIds: Record<string, string>;
  /** The last backend a provider call made (its client's HTTP request count). */
  lastBackend: GraphNumbersBackend | undefined;
  provider(overrides?: BackendOptions): NumberAssignmentsProvider;
  inputs(department: string): NumberAssignmentsArgsPlain;
  userId(upn: string): string;
  /** Live holder (object id) of a number, or null. */
  holder(number: string): string | null;
  writes(): number;
  resetFaults(): void;
  stop(): Promise<void>;
}

export async function startNumbersEmulator(seed: string): Promise<NumbersEmulator> {
  const clock = new ManualClock();
  const emu = await startEmulator({ seed, clock });
  const definition = loadValidDefinition(seed);
  licenseDepartments(emu, definition, clock);
  const locationIds = createLocations(emu, definition, clock.now());
  const env = {
    TENANT_GRAPH_ENDPOINT: emu.url,
    TENANT_GRAPH_CA_FILE: emu.caFile,
    TENANT_GRAPH_STATIC_TOKEN: STATIC_TOKEN,
  };
  const bridge = { now: () => clock.now(), sleep: async (ms: number) => clock.advance(ms) };
  const handle: NumbersEmulator = {
    emu,
    clock,
    definition,
    env,
    locationIds,
    lastBackend: undefined,
    provider: (overrides = {}) =>
      createNumberAssignmentsProvider({
        env,
        ...overrides,
        client: { clock: bridge, random: () => 0.5, retry: { maxAttempts: 40 }, ...(overrides.client ?? {}) },
        onBackend: (b) => {
          handle.lastBackend = b;
          overrides.onBackend?.(b);
        },
      }),
    inputs: (department) => {
      const args = departmentNumberArgs(definition, department);
      if (!args) throw new Error(`department ${department} has no numbers`);
      return { ...args, assignments: onePerCategory(args.assignments), locationIds };
    },
    userId: (upn) => {
      const u = emu.state.findUser(upn);
      if (!u) throw new Error(`no user ${upn}`);
      return u.id;
    },
    holder: (number) => {
      const rec = findNumber(teamsArea(emu.state), number)?.record;
      return rec && rec.assignmentStatus === "userAssigned" ? rec.assignmentTargetId : null;
    },
    writes: () => emu.counters.snapshot().writes,
    resetFaults: () => {
      const clean: FaultOptions = {
        rate429: 0,
        rate503: 0,
        dropRate: 0,
        dropAfterWriteRate: 0,
        retryAfterAbsentRate: 0,
        routes: undefined,
      };
      Object.assign(emu.faults, clean, { numberOperationFailureRate: 0 });
    },
    stop: () => emu.stop(),
  };
  return handle;
}

/**
 * Each department group gets the department's SKUs (group-based licensing, as the GroupLicenses resource
 * gives them), processed at once: the clock moves past processing and the state settles. Per-user
 * assignment would recount seats over every user for each one, which at 27,000 users takes minutes.
 */
export function licenseDepartments(
  emu: EmulatorHandle,
  definition: TenantDefinition,
  clock: ManualClock | undefined,
): void {
  const now = clock?.now() ?? Date.now();
  for (const d of definition.departments) {
    const group = emu.state.groups.find((g) => g.departmentId === d.id);
    if (!group) continue;
    const skuIds = d.licences
      .map((l) => emu.state.skus.find((s) => s.skuPartNumber === l.sku)?.skuId)
      .filter((id): id is string => !!id);
    if (skuIds.length === 0) continue;
    const problem = assignGroupLicense(
      emu.state,
      group,
      { addLicenses: skuIds.map((skuId) => ({ skuId, disabledPlans: [] })), removeLicenses: [] },
      now,
      { groupQueuedMs: 0, groupProcessingMs: 0 },
    );
    if (problem) throw new Error(`licensing ${d.id}: ${JSON.stringify(problem)}`);
  }
  clock?.advance(1);
  emu.state.settle(now + 1);
}

/** One civic address per definition address and one LIS location per definition location. */
export function createLocations(
  emu: EmulatorHandle,
  definition: TenantDefinition,
  now: number,
): Record<string, string> {
  let seq = 0;
  const ps = (cmdlet: string, parameters: Record<string, unknown>) => {
    const out = runCmdlet(emu.state, { id: ++seq, cmdlet, parameters }, now);
    if (!out.ok) throw new Error(out.error.message);
    return out.result as Record<string, string>;
  };
  const ids: Record<string, string> = {};
  for (const a of definition.tenant.emergencyAddresses) {
    const address = ps("New-CsOnlineLisCivicAddress", {
      CompanyName: a.companyName,
      CountryOrRegion: a.countryOrRegion,
      Latitude: "40.4168",
      Longitude: "-3.7038",
    });
    for (const l of a.locations) {
      const loc = ps("New-CsOnlineLisLocation", { CivicAddressId: address.CivicAddressId, Location: l.name });
      ids[l.id] = loc.LocationId;
    }
  }
  return ids;
}

/**
 * bench/generate sometimes gives a user two numbers of one category, which Teams refuses (and `check`
 * rejects); the first of each user and category is kept.
 */
export function onePerCategory<T extends { userPrincipalName: string; category: string }>(
  entries: readonly T[],
): T[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = `${e.userPrincipalName.toLowerCase()} ${e.category}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
