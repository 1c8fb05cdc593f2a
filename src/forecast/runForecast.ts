/**
 * The apply forecast's shell: an emulator holding the base definition applied (the head's people, the base's
 * licences, policies, grants and numbers: src/emulator/state/applied.ts), the toolkit's REAL providers wired
 * to it (Graph over HTTPS to the emulator, cmdlets in-process through the emulator's cmdlet rules), and for each
 * resource whose inputs differ between base and head what the engine would call: `check`, `diff`, then
 * `create`, `update`, `delete` or both halves of a replacement. Each call's Graph requests, writes, cmdlets,
 * number operations and waits are read from the emulator's counters and clock. Nothing is estimated here;
 * wallTime.ts turns the counts into time.
 *
 * A resource's base state (the engine's "olds") comes from running its `create` with the base inputs against
 * the applied tenant first: the providers converge, so that costs reads and no writes, and it is not counted.
 * Time is the emulator's manual clock: polls and Retry-After waits advance it instead of sleeping.
 */
import { randomBytes } from "node:crypto";
import type { TenantDefinition } from "../config/definition";
import { inputsRejected } from "../dynamic/checkFailures";
import { ManualClock, startEmulator, type EmulatorHandle } from "../emulator";
import { inProcessPwsh } from "../emulator/state/appliedBackends";
import { isWriteCmdlet } from "../emulator/state/teamsPowerShell";
import { createGraphClient } from "../graph/create";
import type { LayerName } from "../layers";
import { createGroupLicensesProvider } from "../m365";
import type { TeamsAdmin } from "../teams/admin/port";
import { createGraphTeamsAdmin } from "../teams/graph";
import { createNumberAssignmentsProvider } from "../teams/numbers";
import { GraphPhoneServicesBackend, retryingThrottled } from "../teams/phoneServices/backend";
import { PowerShellTeamsAdmin } from "../teams/powershell/adapter";
import { createTeamsProvider } from "../teams/provider/dispatcher";
import { setResourceAccountUsageLocations } from "./adminSteps";
import { graphDelta } from "./counterDelta";
import { peopleOfBoth } from "./people";
import {
  departmentResources,
  tenantWideResources,
  type ForecastProvider,
  type ForecastResource,
  type Props,
} from "./resources";
import type { ForecastAction, ForecastOperation } from "./types";

export interface ForecastRunOptions {
  base: TenantDefinition;
  head: TenantDefinition;
  /** The stack's layers: only their resources are stepped (GroupLicenses is m365, the rest teamsVoice). */
  layers?: readonly LayerName[];
}

export interface ForecastRun {
  operations: ForecastOperation[];
  /** Graph requests refused (the write quota's 429s) and sent again: included in the operations' counts. */
  retried: number;
  baseWarnings: string[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the engine hands providers plain JSON */
type AnyProvider = import("@pulumi/pulumi").dynamic.ResourceProvider<any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Resources whose outputs other resources' inputs take (LIS location ids, schedule ids). */
const HOLDS_IDS = new Set<ForecastResource["kind"]>(["EmergencyAddress", "PhoneSchedules"]);
/** A partial failure carries what was applied, which the engine records (NumberAssignments, PhoneServices). */
export function partialState(error: unknown): { id: string; outs: Props } | undefined {
  const partial = error as { id?: unknown; properties?: unknown } | undefined;
  if (typeof partial?.id === "string" && partial.properties && typeof partial.properties === "object") {
    return { id: partial.id, outs: partial.properties as Props };
  }
  return undefined;
}
/** The layer that deploys a forecast resource: licences are m365's, every Teams resource teamsVoice's. */
const layerOf = (r: ForecastResource): LayerName => (r.kind === "GroupLicenses" ? "m365" : "teamsVoice");
const identity = (r: ForecastResource) => `${r.kind}\u0000${r.key}`;
const same = (a: Props, b: Props) => JSON.stringify(a) === JSON.stringify(b);
/** The first line of a provider's error, bounded: the plan shows it, the rest is in the apply's own log. */
const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 240);

export async function runForecast(opts: ForecastRunOptions): Promise<ForecastRun> {
  const clock = new ManualClock();
  // The head's people and groups (users exist before the toolkit; groups come from the identity layer, which
  // `up` applies first), with the base's licences, Teams objects and numbers on them.
  const emu = await startEmulator({ seed: peopleOfBoth(opts.base, opts.head), applied: opts.base, clock });
  try {
    return await forecastOn(emu, clock, opts);
  } finally {
    await emu.stop();
  }
}

async function forecastOn(
  emu: EmulatorHandle,
  clock: ManualClock,
  opts: ForecastRunOptions,
): Promise<ForecastRun> {
  const env = {
    TENANT_GRAPH_ENDPOINT: emu.url,
    TENANT_GRAPH_CA_FILE: emu.caFile,
    // The emulator accepts any bearer token; a static one is refused for Microsoft's hosts (src/graph/auth.ts).
    TENANT_GRAPH_STATIC_TOKEN: randomBytes(16).toString("hex"),
  };
  const bridge = { now: () => clock.now(), sleep: async (ms: number) => clock.advance(ms) };
  const client = { clock: bridge, random: () => 0.5 };
  const cmdlets = { run: 0, writes: 0 };
  const pwsh = inProcessPwsh(
    emu.state,
    () => clock.now(),
    (cmdlet, ok) => {
      cmdlets.run += 1;
      if (ok && isWriteCmdlet(cmdlet)) cmdlets.writes += 1;
    },
  );
  const powershell = new PowerShellTeamsAdmin(pwsh);
  const graphClient = createGraphClient({ env, ...client });
  const admin: TeamsAdmin = { powershell, graph: createGraphTeamsAdmin(graphClient, { clock: bridge }) };
  const providers: Record<ForecastProvider, AnyProvider> = {
    licences: createGroupLicensesProvider({ env, client, sleep: bridge.sleep }),
    numbers: createNumberAssignmentsProvider({ env, client, admin: { clock: bridge } }),
    teams: createTeamsProvider({
      admin: () => admin,
      // As the provider builds it per call (phoneServices/provider.ts `backendFor`): throttled cmdlets retried.
      phoneServices: () =>
        new GraphPhoneServicesBackend(retryingThrottled(powershell, { sleep: bridge.sleep }), graphClient),
    }),
  };

  const operations: ForecastOperation[] = [];
  let retried = 0;

  /** Runs `call` and records what it cost, or the error it ended in. */
  async function measure(r: ForecastResource, action: ForecastAction, call: () => Promise<void>) {
    const before = emu.counters.snapshot();
    const cmdletsBefore = { ...cmdlets };
    const started = clock.now();
    let error: string | undefined;
    try {
      await call();
    } catch (e) {
      error = firstLine(e);
    }
    const d = graphDelta(before, emu.counters.snapshot());
    retried += d.retried;
    operations.push({
      department: r.department,
      kind: r.kind,
      key: r.key,
      action,
      graphRequests: d.graphRequests,
      graphRoundTrips: d.graphRoundTrips,
      graphWrites: d.graphWrites,
      cmdlets: cmdlets.run - cmdletsBefore.run,
      cmdletWrites: cmdlets.writes - cmdletsBefore.writes,
      asyncOperations: d.asyncOperations,
      waitedMs: clock.now() - started,
      ...(error ? { error } : {}),
    });
  }

  const checked = async (r: ForecastResource, olds: Props) => {
    const provider = providers[r.provider];
    const result = await provider.check!(olds, r.inputs);
    if (result.failures && result.failures.length > 0) {
      throw new Error(inputsRejected(result.failures));
    }
    return result.inputs as Props;
  };
  /**
   * The engine's state of a base resource: its create, converging on the applied tenant (not counted). Made once
   * per resource: the base's addresses and calendars are read for their ids and again as the head's olds.
   */
  const states = new Map<string, Promise<{ id: string; outs: Props } | undefined>>();
  const stateOf = (r: ForecastResource) => {
    let state = states.get(identity(r));
    if (!state) states.set(identity(r), (state = baseState(r)));
    return state;
  };
  const baseState = async (r: ForecastResource): Promise<{ id: string; outs: Props } | undefined> => {
    const state = await stateAsCreated(r);
    // The base's phone services applied once an admin had set the accounts' usage locations (adminSteps.ts)
    // and `up` ran again: an update from the partial state, as the engine does after a partial failure.
    const partial = state && Array.isArray(state.outs.failed) && state.outs.failed.length > 0;
    if (partial && r.kind === "PhoneServices" && setResourceAccountUsageLocations(emu, r.inputs) > 0) {
      try {
        const again = await providers.teams.update!(state.id, state.outs, await checked(r, state.outs));
        return { id: state.id, outs: again.outs as Props };
      } catch (error) {
        return partialState(error) ?? state;
      }
    }
    return state;
  };
  const stateAsCreated = async (r: ForecastResource): Promise<{ id: string; outs: Props } | undefined> => {
    try {
      const created = await providers[r.provider].create(await checked(r, {}));
      return { id: created.id, outs: created.outs as Props };
    } catch (error) {
      // Undefined: the base would not have applied either; the head's change is then a create.
      return partialState(error);
    }
  };

  /** One resource from base to head, as the engine takes it; returns its outputs after the head. */
  async function step(was: ForecastResource | undefined, will: ForecastResource): Promise<Props | undefined> {
    const provider = providers[will.provider];
    // Unchanged: the engine's diff sees equal inputs and calls nothing. Only ids others need are read.
    if (was && same(was.inputs, will.inputs))
      return HOLDS_IDS.has(will.kind) ? (await stateOf(was))?.outs : undefined;
    const olds = was ? await stateOf(was) : undefined;
    let outs: Props | undefined;
    if (!olds) {
      await measure(will, "create", async () => {
        outs = (await provider.create(await checked(will, {}))).outs as Props;
      });
      return outs;
    }
    const news = await checked(will, olds.outs);
    const diff = await provider.diff!(olds.id, olds.outs, news);
    if (!diff.changes) return olds.outs;
    if ((diff.replaces ?? []).length > 0) {
      await measure(will, "replace", async () => {
        if (diff.deleteBeforeReplace) await provider.delete!(olds.id, olds.outs);
        outs = (await provider.create(news)).outs as Props;
        if (!diff.deleteBeforeReplace) await provider.delete!(olds.id, olds.outs);
      });
      return outs;
    }
    await measure(will, "update", async () => {
      outs = (await provider.update!(olds.id, olds.outs, news)).outs as Props;
    });
    return outs;
  }

  async function remove(was: ForecastResource): Promise<void> {
    const olds = await stateOf(was);
    if (!olds) return;
    await measure(was, "delete", () => providers[was.provider].delete!(olds.id, olds.outs));
  }

  const layers = opts.layers ?? ["m365", "teamsVoice"];
  const deployed = (r: ForecastResource) => layers.includes(layerOf(r));
  // Tenant-wide first (the departments' resources depend on them), keeping the ids departments need.
  const ids = { locationIds: {} as Record<string, string>, scheduleIds: {} as Record<string, string[]> };
  const baseIds = { locationIds: {} as Record<string, string>, scheduleIds: {} as Record<string, string[]> };
  const baseTenant = new Map(
    tenantWideResources(opts.base)
      .filter(deployed)
      .map((r) => [identity(r), r]),
  );
  const headTenant = tenantWideResources(opts.head).filter(deployed);
  // The base's ids, for the base side of the departments' resources (converging: nothing written).
  for (const r of baseTenant.values()) {
    if (r.kind !== "EmergencyAddress" && r.kind !== "PhoneSchedules") continue;
    const state = await stateOf(r);
    if (r.kind === "EmergencyAddress") Object.assign(baseIds.locationIds, state?.outs.locationIds ?? {});
    else Object.assign(baseIds.scheduleIds, state?.outs.scheduleIds ?? {});
  }
  for (const r of headTenant) {
    const outs = await step(baseTenant.get(identity(r)), r);
    if (r.kind === "EmergencyAddress") Object.assign(ids.locationIds, outs?.locationIds ?? {});
    if (r.kind === "PhoneSchedules") Object.assign(ids.scheduleIds, outs?.scheduleIds ?? {});
  }

  const groupIdOf = (department: string) =>
    emu.state.doc.groups.find((g) => g.departmentId === department)?.id;
  const baseDepartments = new Map(
    departmentResources(opts.base, { groupIdOf, ...baseIds })
      .filter(deployed)
      .map((r) => [identity(r), r]),
  );
  const headDepartments = departmentResources(opts.head, { groupIdOf, ...ids }).filter(deployed);
  for (const r of headDepartments) await step(baseDepartments.get(identity(r)), r);

  // Deletions last, dependents before what they depend on (the engine deletes in reverse order).
  const headKeys = new Set([...headTenant, ...headDepartments].map(identity));
  const gone = [...baseTenant.values(), ...baseDepartments.values()].filter(
    (r) => !headKeys.has(identity(r)),
  );
  for (const r of gone.reverse()) await remove(r);

  return { operations, retried, baseWarnings: [...emu.warnings] };
}
