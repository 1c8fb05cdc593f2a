/**
 * `startEmulator({ seed, applied: true })` must leave the tenant exactly as the toolkit's providers leave it.
 * (a) a plainly seeded emulator is brought up by the REAL providers over HTTPS, as `pulumi up` runs them
 *     (GroupLicenses with the Graph client, Teams resources through the PowerShell adapter and the fake `pwsh`,
 *     NumberAssignments through the Graph adapter), in the teamsVoice layer's dependency order;
 * (b) an emulator is seeded with `applied: true`;
 * then both state documents are compared after normalising only what legitimately differs (see `normalise`).
 * Finally the providers' `read` and `diff` against (b), with (a)'s outputs as Pulumi's state, find nothing to do.
 */
import { closeSharedTeamsAdmins } from "../../src/teams/admin/create";
import { main } from "../../src/cli/main";
import type { TenantDefinition } from "../../src/config/definition";
import { ManualClock, startEmulator, type EmulatorHandle } from "../../src/emulator";
import type { StateDocument } from "../../src/emulator/state/types";
import { createGroupLicensesProvider } from "../../src/m365";
import { desiredLicences } from "../../src/m365/licensing/desired";
import { loadValidDefinition } from "../../src/stackConfig";
import { placedGrants, rankLevels } from "../../src/teams/layer";
import { teamsVoiceInputs } from "../../src/teams/layerInputs";
import { departmentNumberArgs } from "../../src/teams/layerNumbers";
import { createNumberAssignmentsProvider } from "../../src/teams/numbers";
import { createTeamsProvider } from "../../src/teams/provider";
import { FAKE_PWSH } from "../teams/powershell/helpers/fakeSession";
import { DefinitionFixture } from "../helpers/definitionFixture";

/* eslint-disable @typescript-eslint/no-explicit-any -- provider calls take and return plain JSON */
type Props = Record<string, any>;

/** One resource as Pulumi's state holds it after `up`: which provider, its id, inputs and outputs. */
interface Applied {
  provider: "licences" | "teams" | "numbers";
  label: string;
  id: string;
  inputs: Props;
  outs: Props;
}

/** Everything an engine would need to run the three providers against one emulator. */
function providersFor(emu: EmulatorHandle, clock: ManualClock) {
  const env = {
    TENANT_GRAPH_ENDPOINT: emu.url,
    TENANT_GRAPH_CA_FILE: emu.caFile,
    TENANT_GRAPH_STATIC_TOKEN: "applied-test-token",
    TENANT_PWSH_PATH: FAKE_PWSH,
  };
  // Retry waits and processing/operation polls move the emulator's clock instead of sleeping.
  const bridge = { now: () => clock.now(), sleep: async (ms: number) => clock.advance(ms) };
  return {
    licences: createGroupLicensesProvider({
      env,
      client: { clock: bridge, random: () => 0.5 },
      sleep: async (ms) => clock.advance(ms),
    }) as any,
    teams: createTeamsProvider({ env, powershell: { readyTimeoutMs: 10_000, callTimeoutMs: 10_000 } }) as any,
    numbers: createNumberAssignmentsProvider({
      env,
      client: { clock: bridge, random: () => 0.5, retry: { maxAttempts: 40 } },
    }) as any,
  };
}

/** (a): check → create of every resource of the m365 and teamsVoice layers, in dependency order. */
async function upWithProviders(
  emu: EmulatorHandle,
  clock: ManualClock,
  def: TenantDefinition,
): Promise<Applied[]> {
  const providers = providersFor(emu, clock);
  const done: Applied[] = [];
  const groupId = (dept: string) => emu.state.groups.find((g) => g.departmentId === dept)!.id;
  const up = async (provider: Applied["provider"], label: string, news: Props) => {
    const p = providers[provider];
    const checked = await p.check({}, news);
    expect({ label, failures: checked.failures ?? [] }).toEqual({ label, failures: [] });
    const created = await p.create(checked.inputs);
    done.push({ provider, label, id: created.id, inputs: checked.inputs, outs: created.outs });
    return created.outs as Props;
  };

  for (const d of def.departments) {
    if (d.licences.length > 0)
      await up("licences", `licences ${d.id}`, { ...desiredLicences(def, d), groupId: groupId(d.id) });
  }
  const tv = teamsVoiceInputs(def.tenant);
  await up("teams", "usages", { ...tv.pstnUsages, kind: "PstnUsages" });
  for (const r of tv.voiceRoutes) await up("teams", r.name, { ...r, kind: "VoiceRoute" });
  for (const p of tv.callingPolicies) await up("teams", p.name, { ...p, kind: "CallingPolicy" });
  for (const p of tv.emergencyCallingPolicies)
    await up("teams", p.name, { ...p, kind: "EmergencyCallingPolicy" });
  for (const p of tv.emergencyCallRoutingPolicies)
    await up("teams", p.name, { ...p, kind: "EmergencyCallRoutingPolicy" });
  for (const p of tv.voiceRoutingPolicies) await up("teams", p.name, { ...p, kind: "VoiceRoutingPolicy" });
  for (const p of tv.dialPlans) await up("teams", p.name, { ...p, kind: "DialPlan" });
  const locationIds: Record<string, string> = {};
  for (const a of tv.emergencyAddresses)
    Object.assign(locationIds, (await up("teams", a.key, { ...a, kind: "EmergencyAddress" })).locationIds);
  const globalName = def.tenant.teamsVoice.globalEmergencyCallRoutingPolicy;
  if (globalName) {
    await up("teams", "global", {
      policyType: "TeamsEmergencyCallRoutingPolicy",
      policyName: globalName,
      kind: "GlobalPolicyGrant",
    });
  }
  for (const d of rankLevels(def.departments).flat()) {
    const assignments = placedGrants(def.departments, d);
    if (assignments.length > 0) {
      await up("teams", `grants ${d.id}`, {
        department: d.id,
        groupId: groupId(d.id),
        assignments,
        kind: "GroupPolicyAssignments",
      });
    }
  }
  for (const d of def.departments) {
    const args = departmentNumberArgs(def, d.id);
    if (args) await up("numbers", `numbers ${d.id}`, { ...args, locationIds });
  }
  emu.state.settle();
  return done;
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/**
 * What may differ between (a) and (b), and why that is legitimate:
 * - timestamps: the providers' polls and retry waits move the emulator clock during (a) (licence processing,
 *   number operations), while (b) stamps everything with its start time. When a change happened is not what
 *   a successful `up` leaves; every timestamp becomes "<time>" (users' and groups' creation times are
 *   seeded at the same clock start in both and compare exactly, as do all the ids).
 * - `areas.teams.operations` and `areas.teams.seq`: the history of asynchronous number operations and the
 *   counter that numbered them. Real Graph forgets finished operations; they are how (a) got there, not
 *   part of the tenant (b) must reproduce. Ids drawn from `seq` BEFORE the numbers (policies, addresses,
 *   locations) are compared exactly, so the ordering of creation is checked too.
 * - `areas.audit` (the directory audit log, when the emulator keeps one): a log of who changed what when is
 *   history too; the applied tenant starts with an empty log, so drift tests see only their own changes.
 */
function normalise(doc: StateDocument): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as StateDocument;
  const teams = copy.areas.teams as Record<string, unknown>;
  delete teams.operations;
  delete teams.seq;
  delete copy.areas.audit;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return ISO.test(v) ? "<time>" : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(copy);
}

let fixture: DefinitionFixture;
let def: TenantDefinition;
let viaProviders: EmulatorHandle;
let applied: EmulatorHandle;
let resources: Applied[];

beforeAll(async () => {
  // The minimal city, plus a tenant-wide emergency call routing policy granted -Global and a second
  // location, so every kind of Teams resource the layer creates is exercised.
  fixture = new DefinitionFixture()
    .edit(
      "tenant.yaml",
      "  dialPlans:\n",
      [
        "  emergencyCallRoutingPolicies:",
        "    - name: ES-112",
        "      emergencyNumbers:",
        '        - emergencyDialString: "112"',
        '          emergencyDialMask: ["112", "911"]',
        "          onlinePstnUsage: Local",
        "  globalEmergencyCallRoutingPolicy: ES-112",
        "  dialPlans:\n",
      ].join("\n"),
    )
    .edit(
      "tenant.yaml",
      "      - id: town-hall-p0\n        name: Planta baja\n",
      "      - id: town-hall-p0\n        name: Planta baja\n      - id: town-hall-p1\n        name: Planta 1\n",
    )
    .edit(
      "numbers/culture.csv",
      "pedro@villa.example,+34915550002,town-hall-p0,primary",
      "pedro@villa.example,+34915550002,town-hall-p1,primary",
    );
  def = loadValidDefinition(fixture.dir);
  const clockA = new ManualClock();
  viaProviders = await startEmulator({ seed: fixture.dir, clock: clockA });
  resources = await upWithProviders(viaProviders, clockA, def);
  // Numbers just assigned show assignmentPending until they activate (numberAssignment.activationState);
  // the applied seed holds the settled tenant, so compare after activation.
  clockA.advance(60_000);
  viaProviders.state.settle();
  applied = await startEmulator({ seed: fixture.dir, applied: true, clock: new ManualClock() });
});

afterAll(async () => {
  await closeSharedTeamsAdmins();
  await viaProviders?.stop();
  await applied?.stop();
  fixture?.remove();
});

describe("emulator seeded with applied: true", () => {
  it("applies every resource kind without a warning", () => {
    expect(applied.warnings).toEqual([]);
    const teams = applied.state.doc.areas.teams as Props;
    // Grant -Global copies the named policy's settings into Global (Grant-Cs*.md @ 93336da, -Global).
    const routing = (name: string) =>
      teams.policies.find((p: any) => p.type === "TeamsEmergencyCallRoutingPolicy" && p.name === name);
    expect(routing("Global").settings).toEqual(routing("ES-112").settings);
    expect(teams.groupAssignments).toHaveLength(4);
    expect(
      Object.values(teams.numbers).filter((n: any) => n.assignmentStatus === "userAssigned"),
    ).toHaveLength(2);
    expect(applied.state.groups.every((g) => g.licenseProcessingState === "ProcessingComplete")).toBe(true);
  });

  it("holds exactly the state the real providers leave", () => {
    expect(normalise(applied.state.doc)).toEqual(normalise(viaProviders.state.doc));
  });

  it("leaves the real providers nothing to do: read returns the state, diff finds no change", async () => {
    const providers = providersFor(applied, applied.clock as ManualClock);
    applied.counters.reset();
    for (const r of resources) {
      const p = providers[r.provider];
      const read = await p.read(r.id, r.outs);
      expect({ label: r.label, read }).toEqual({ label: r.label, read: { id: r.id, props: r.outs } });
      const checked = await p.check(r.outs, r.inputs);
      const diff = await p.diff(r.id, read.props, checked.inputs);
      expect({ label: r.label, changes: diff.changes }).toEqual({ label: r.label, changes: false });
    }
    // And creating them all again on top (each create converges: it reads first) changes nothing. The one
    // write is GlobalPolicyGrant's create, which grants without reading (the engine only creates a resource
    // missing from its state, so a real re-run never sends it); it re-grants the value already there.
    const before = normalise(applied.state.doc);
    for (const r of resources) await providers[r.provider].create(r.inputs);
    const writes = Object.entries(applied.counters.snapshot().byRoute)
      .filter(([, c]) => c.writes > 0)
      .map(([route, c]) => [route, c.writes]);
    expect(writes).toEqual([["POWERSHELL Grant-CsTeamsEmergencyCallRoutingPolicy", 1]]);
    expect(normalise(applied.state.doc)).toEqual(before);
  });
});

describe("tenant emulator --applied", () => {
  it("without --seed is a usage error naming the fix", async () => {
    const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await main(["emulator", "--applied"])).toBe(2);
      expect(err.mock.calls.map((c) => String(c[0])).join("")).toContain("--applied needs --seed <dir>");
    } finally {
      err.mockRestore();
    }
  });
});
