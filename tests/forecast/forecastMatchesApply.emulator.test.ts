/**
 * The forecast equals what the apply then counts (issue #17). The forecast runs the providers in-process on
 * its own emulator; the apply here runs them as `pulumi up`'s provider host does — the real PowerShell adapter
 * driving the fake `pwsh` over HTTPS, the Graph clients with their retries — on a second emulator holding the
 * same base, with 429s and 503s injected into Graph. Every resource's requests, writes, cmdlets and number
 * operations must equal the forecast's once the requests the faults made the clients repeat are taken off.
 */
import { randomBytes } from "node:crypto";
import { ManualClock, startEmulator, type EmulatorHandle } from "../../src/emulator";
import { setResourceAccountUsageLocations } from "../../src/forecast/adminSteps";
import { graphDelta, type GraphDelta } from "../../src/forecast/counterDelta";
import { peopleOfBoth } from "../../src/forecast/people";
import {
  departmentResources,
  tenantWideResources,
  type ForecastResource,
  type Props,
} from "../../src/forecast/resources";
import { partialState, runForecast } from "../../src/forecast/runForecast";
import type { ForecastOperation } from "../../src/forecast/types";
import { createGroupLicensesProvider } from "../../src/m365";
import { closeSharedTeamsAdmins } from "../../src/teams/admin/create";
import { createNumberAssignmentsProvider } from "../../src/teams/numbers";
import { createTeamsProvider } from "../../src/teams/provider";
import { FAKE_PWSH } from "../teams/powershell/helpers/fakeSession";
import { everydayEdits, exampleBase } from "./helpers/edits";

/* eslint-disable @typescript-eslint/no-explicit-any -- provider calls take and return plain JSON */
type AnyProvider = import("@pulumi/pulumi").dynamic.ResourceProvider<any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

const base = exampleBase();
const head = everydayEdits(base);
const key = (r: { kind: string; key: string }) => `${r.kind} ${r.key}`;

interface Applied extends GraphDelta {
  kind: string;
  key: string;
}

/** The changed resources applied as the engine would (create for the state, then diff and update). */
async function applyWithFaults(
  started: (emu: EmulatorHandle) => void,
): Promise<{ applied: Applied[]; emu: EmulatorHandle }> {
  const clock = new ManualClock();
  const emu = await startEmulator({ seed: peopleOfBoth(base, head), applied: base, clock });
  started(emu);
  const bridge = { now: () => clock.now(), sleep: async (ms: number) => clock.advance(ms) };
  const client = { clock: bridge, random: () => 0.5, retry: { maxAttempts: 40 } };
  const env = {
    TENANT_PWSH_PATH: FAKE_PWSH,
    TENANT_GRAPH_ENDPOINT: emu.url,
    TENANT_GRAPH_CA_FILE: emu.caFile,
    TENANT_GRAPH_STATIC_TOKEN: randomBytes(8).toString("hex"),
  };
  const providers: Record<ForecastResource["provider"], AnyProvider> = {
    licences: createGroupLicensesProvider({ env, client, sleep: bridge.sleep }),
    numbers: createNumberAssignmentsProvider({ env, client, admin: { clock: bridge } }),
    teams: createTeamsProvider({ env, graph: client }),
  };
  const createOnce = async (r: ForecastResource) => {
    const p = providers[r.provider];
    const checked = await p.check!({}, r.inputs);
    return p.create(checked.inputs);
  };
  // The base as applied: phone services after the admin set the accounts' usage locations (adminSteps.ts).
  const create = async (r: ForecastResource) => {
    try {
      return await createOnce(r);
    } catch (error) {
      const state = partialState(error);
      if (!state || r.kind !== "PhoneServices" || setResourceAccountUsageLocations(emu, r.inputs) === 0)
        throw error;
      const news = (await providers.teams.check!(state.outs, r.inputs)).inputs as Props;
      return {
        id: state.id,
        outs: (await providers.teams.update!(state.id, state.outs, news)).outs as Props,
      };
    }
  };
  // The ids the departments' resources take, from the base's addresses and calendars.
  const locationIds: Record<string, string> = {};
  const scheduleIds: Record<string, string[]> = {};
  for (const r of tenantWideResources(base)) {
    if (r.kind === "EmergencyAddress") Object.assign(locationIds, (await create(r)).outs.locationIds);
    if (r.kind === "PhoneSchedules") Object.assign(scheduleIds, (await create(r)).outs.scheduleIds);
  }
  const groupIdOf = (d: string) => emu.state.doc.groups.find((g) => g.departmentId === d)?.id;
  const ids = { groupIdOf, locationIds, scheduleIds };
  const was = new Map(departmentResources(base, ids).map((r) => [key(r), r]));
  const changed = departmentResources(head, ids).filter(
    (r) => JSON.stringify(was.get(key(r))?.inputs) !== JSON.stringify(r.inputs),
  );
  const applied: Applied[] = [];
  for (const r of changed) {
    const state = await create(was.get(key(r))!);
    const p = providers[r.provider];
    Object.assign(emu.faults, { rate429: 0.25, rate503: 0.1, seed: applied.length + 3 });
    const before = emu.counters.snapshot();
    const news = (await p.check!(state.outs, r.inputs)).inputs as Props;
    const diff = await p.diff!(state.id, state.outs, news);
    expect(diff.changes).toBe(true);
    await p.update!(state.id, state.outs, news);
    applied.push({ kind: r.kind, key: r.key, ...graphDelta(before, emu.counters.snapshot()) });
    Object.assign(emu.faults, { rate429: 0, rate503: 0 });
  }
  return { applied, emu };
}

describe("the apply forecast against the apply it forecasts", () => {
  let forecast: ForecastOperation[];
  let applied: Applied[];

  let emu: EmulatorHandle | undefined;

  beforeAll(async () => {
    forecast = (await runForecast({ base, head })).operations;
    const run = await applyWithFaults((e) => (emu = e));
    applied = run.applied;
  });

  afterAll(async () => {
    await closeSharedTeamsAdmins();
    await emu?.stop();
  });

  it("forecasts exactly the resources the edits change, as updates", () => {
    expect(forecast.map((op) => `${key(op)} ${op.action}`).sort()).toEqual([
      "GroupLicenses agencia-tributaria update",
      "GroupPolicyAssignments actividades update",
      "NumberAssignments actividades update",
      "PhoneServices agencia-tributaria update",
    ]);
    expect(forecast.filter((op) => op.error)).toEqual([]);
    expect(applied.map(key).sort()).toEqual(forecast.map(key).sort());
  });

  it("the injected faults made the apply repeat requests", () => {
    expect(applied.reduce((sum, a) => sum + a.retried, 0)).toBeGreaterThan(0);
  });

  it.each([
    ["GroupLicenses", "agencia-tributaria"],
    ["GroupPolicyAssignments", "actividades"],
    ["NumberAssignments", "actividades"],
    ["PhoneServices", "agencia-tributaria"],
  ])("%s of %s: the apply's counts less its retries equal the forecast", (kind, dept) => {
    const f = forecast.find((op) => op.kind === kind && op.key === dept)!;
    const a = applied.find((op) => op.kind === kind && op.key === dept)!;
    expect({
      graphRequests: a.graphRequests - a.retried,
      graphWrites: a.graphWrites,
      cmdlets: a.cmdlets,
      cmdletWrites: a.cmdletWrites,
      asyncOperations: a.asyncOperations,
    }).toEqual({
      graphRequests: f.graphRequests,
      graphWrites: f.graphWrites,
      cmdlets: f.cmdlets,
      cmdletWrites: f.cmdletWrites,
      asyncOperations: f.asyncOperations,
    });
  });

  it("each change costs what it should: one write per change, one number operation per released number", () => {
    const of = (kind: string) => forecast.find((op) => op.kind === kind)!;
    expect(of("GroupLicenses").graphWrites).toBe(1); // one assignLicense with the new disabled plans
    expect(of("NumberAssignments")).toMatchObject({ graphWrites: 1, asyncOperations: 1 }); // one unassignNumber
    expect(of("GroupPolicyAssignments")).toMatchObject({ graphRequests: 0, cmdletWrites: 2 }); // remove + grant
    expect(of("PhoneServices").cmdletWrites).toBe(1); // Set-CsCallQueue
  });
});

describe("the forecast of a department removed", () => {
  it("deletes its licences, its policy grants and its numbers' assignments, and nothing fails", async () => {
    const before = exampleBase();
    const after = structuredClone(before);
    after.departments = after.departments.filter((d) => d.id !== "actividades");
    delete after.numbers.actividades;
    const { operations } = await runForecast({ base: before, head: after });
    const own = operations.filter((op) => op.department === "actividades");
    expect(own.map((op) => `${op.kind} ${op.action}`).sort()).toEqual([
      "GroupLicenses delete",
      "GroupPolicyAssignments delete",
      "NumberAssignments delete",
    ]);
    expect(own.filter((op) => op.error)).toEqual([]);
    const numbers = own.find((op) => op.kind === "NumberAssignments")!;
    // Every number the department held is released: one asynchronous unassign each.
    expect(numbers.asyncOperations).toBe(before.numbers.actividades.length);
  });

  it("on a stack of the m365 layer alone, only its licences: no Teams resource is stepped or deleted", async () => {
    const before = exampleBase();
    const after = structuredClone(before);
    after.departments = after.departments.filter((d) => d.id !== "actividades");
    delete after.numbers.actividades;
    const { operations } = await runForecast({ base: before, head: after, layers: ["m365"] });
    expect(operations.map((op) => `${op.department} ${op.kind} ${op.action}`)).toEqual([
      "actividades GroupLicenses delete",
    ]);
  });
});
