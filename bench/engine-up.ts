/**
 * `npm run bench:engine-up`: `pulumi up` of the m365 and teamsVoice layers of a Madrid-scale definition under the
 * real engine, beside the same work done by direct provider calls (issue 8).
 *
 * 1. Engine: a temporary workspace (tools/engine-workspace/engineWorkspace.ts: copied Pulumi.yaml, symlinked src/,
 *    file backend, passphrase, a platform stack exporting the emulator's group ids) runs `pulumi up` against an
 *    emulator in this process. Prints wall time, Graph requests and writes, PowerShell cmdlets, the state size
 *    (`pulumi stack export`, largest `__provider`) and the peak RSS of the engine's process tree.
 * 2. Direct: on a fresh emulator, the same resources with the same inputs go through the same provider objects
 *    (src/dynamic/implementations.ts) in this process: `check` then `create`, each after the resources the program
 *    makes it depend on, at most `--parallel` at once (the engine's default is 8), as the engine schedules them.
 *
 * Both tenants are then compared with the definition and with each other; a difference is printed loudly and
 * the exit code is 1. Emulators run in real time with the write quota off (as in the end-to-end test). Nothing
 * asserts on time.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import type { TenantDefinition } from "../src/config/definition";
import {
  startEmulator,
  type CounterSnapshot,
  type EmulatorHandle,
  type StateDocument,
} from "../src/emulator";
import { PROVIDER_IMPLEMENTATIONS } from "../src/dynamic/implementations";
import { desiredLicences } from "../src/m365/licensing/desired";
import { loadValidDefinition } from "../src/stackConfig";
import { closeSharedTeamsAdmins } from "../src/teams/admin/create";
import { departmentGrants, rankLevels } from "../src/teams/layer";
import { teamsVoiceInputs } from "../src/teams/layerInputs";
import { departmentNumberArgs } from "../src/teams/layerNumbers";
import { EngineWorkspace, REPO } from "../tools/engine-workspace/engineWorkspace";
import { PROCESS_KINDS, usageSampler, type Usage } from "./processUsage";
import {
  departmentGroupIds,
  differencesFromDefinition,
  grantOrderProblems,
  teamsAreaOf,
} from "../tests/engine/helpers/tenantExpectations";
import { generateDefinition, MADRID_SCALE, renderDefinition, writeDefinition } from "./generate";

interface Options {
  departments: number;
  users: number;
  numbers: number;
  seed: number;
  parallel: number;
  keep: boolean;
  /** Also run the same resources by direct provider calls and compare (default; `--no-direct` skips it). */
  direct: boolean;
}

interface Figures {
  wallMs: number;
  counters: CounterSnapshot;
  usage: Usage;
  problems: string[];
  summary: string[];
}

const PASSPHRASE = "bench-engine-up";
const STATIC_TOKEN = "bench-engine-up-token";
const FAKE_PWSH = path.join(REPO, "tests", "fakes", "fake-pwsh.js");

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number >= 1");
  return n;
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function emulatorEnv(emu: EmulatorHandle): Record<string, string> {
  return {
    TENANT_GRAPH_ENDPOINT: emu.url,
    TENANT_GRAPH_CA_FILE: emu.caFile,
    TENANT_GRAPH_STATIC_TOKEN: STATIC_TOKEN,
    TENANT_PWSH_PATH: FAKE_PWSH,
  };
}

/** Requests and writes of the PowerShell cmdlets (routes "POWERSHELL <cmdlet>"). */
function cmdlets(c: CounterSnapshot): { requests: number; writes: number } {
  const ps = Object.entries(c.byRoute).filter(([route]) => route.startsWith("POWERSHELL "));
  return {
    requests: ps.reduce((n, [, r]) => n + r.requests, 0),
    writes: ps.reduce((n, [, r]) => n + r.writes, 0),
  };
}

/**
 * What both runs must agree on, one line per fact, with ids replaced by names (each emulator generates its own
 * ids for policies, addresses and locations): licences of groups and users, Teams policies, grants, global
 * grants, usages, routes, addresses with their locations, and every assigned number with user, category and
 * location.
 */
function tenantSummary(doc: StateDocument): string[] {
  const area = teamsAreaOf(doc);
  const upn = new Map(doc.users.map((u) => [u.id.toLowerCase(), u.userPrincipalName]));
  const groupName = new Map(doc.groups.map((g) => [g.id, g.displayName]));
  const street = new Map(
    area.civicAddresses.map((c) => [
      c.civicAddressId,
      `${String(c.fields.streetName ?? c.fields.StreetName)} ${String(c.fields.houseNumber ?? c.fields.HouseNumber)}`,
    ]),
  );
  const location = new Map(
    area.locations.map((l) => [l.locationId, `${street.get(l.civicAddressId)}/${l.location ?? "(default)"}`]),
  );
  const lines: string[] = [];
  for (const g of doc.groups) {
    const skus = (g.assignedLicenses ?? []).map((l) => l.skuId).sort();
    if (skus.length > 0) lines.push(`group licences ${g.displayName}: ${skus.join(",")}`);
  }
  for (const u of doc.users) {
    for (const s of u.licenseAssignmentStates) {
      lines.push(`user licence ${u.userPrincipalName}: ${s.skuId} ${s.state}`);
    }
  }
  for (const p of area.policies) lines.push(`policy ${p.type} ${p.name} ${sortedJson(p.settings)}`);
  // A -Global grant is a copy of settings into the Global policy, which the policy lines above already show.
  for (const a of area.groupAssignments) {
    // Not the rank: Teams keeps positions, and departments of one rank level are granted in any order.
    lines.push(`group grant ${groupName.get(a.groupId)} ${a.policyType} ${a.policyName}`);
  }
  lines.push(`pstn usages ${[...area.pstnUsages].sort().join(",")}`);
  for (const r of area.voiceRoutes) lines.push(`voice route ${r.name} ${sortedJson(r.settings)}`);
  for (const l of area.locations) lines.push(`location ${location.get(l.locationId)} elin ${l.elin}`);
  for (const [number, n] of Object.entries(area.numbers)) {
    if (n.assignmentStatus !== "userAssigned") continue;
    const where = n.locationId ? location.get(n.locationId) : "none";
    lines.push(
      `number ${number} ${upn.get(String(n.assignmentTargetId).toLowerCase())} ${n.assignmentCategory} ${where}`,
    );
  }
  return lines.sort();
}

/** JSON with object keys sorted: the engine hands inputs over with sorted keys, direct calls keep the YAML order. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** How the tenant differs from the definition, grant order across rank levels included. */
function tenantProblems(doc: StateDocument, definition: TenantDefinition): string[] {
  return [...differencesFromDefinition(doc, definition), ...grantOrderProblems(doc, definition)];
}

/** Copies the generated definition into `dir`. */
function writeGenerated(dir: string, files: ReadonlyMap<string, string>): TenantDefinition {
  writeDefinition(dir, files);
  return loadValidDefinition(dir);
}

/** (1) `pulumi up` of the m365 and teamsVoice layers under the real engine. */
async function engineRun(
  files: ReadonlyMap<string, string>,
  opts: Options,
): Promise<
  Figures & {
    stateBytes: number;
    providers: number[];
    resources: number;
    root: string;
    phases: Record<"up" | "preview" | "oneUser", Phase>;
  }
> {
  const emu = await startEmulator({ seed: await seedDir(files), faults: { quota: false } });
  const ws = new EngineWorkspace({
    prefix: "bench-engine-up-",
    passphrase: PASSPHRASE,
    env: emulatorEnv(emu),
  });
  try {
    const started = Date.now();
    const definitionDir = path.join(ws.stacksDir, "city");
    const definition = writeGenerated(definitionDir, files);
    await ws.login();
    const groups = departmentGroupIds(emu.state.doc, definition);
    const platformStack = await ws.deployPlatform(
      "platform",
      Object.fromEntries(
        Object.entries(groups).map(([id, groupId]) => [
          id,
          // The m365 and teamsVoice layers never read the admin group.
          { groupId, adminGroupId: "00000000-0000-0000-0000-0000000000ad" },
        ]),
      ),
    );
    await ws.initStack(
      "bench",
      { "tenant:definition": definitionDir, "tenant:platformStack": platformStack },
      { "tenant:layers": ["m365", "teamsVoice"] },
    );
    log(`engine: workspace ${ws.root} ready in ${seconds(Date.now() - started)}; running pulumi up…`);

    emu.counters.reset();
    const sampler = usageSampler();
    const up = await ws.pulumi(["up", "--yes", "--skip-preview", "--parallel", String(opts.parallel)], {
      timeoutMs: 3 * 60 * 60 * 1000,
    });
    const usage = sampler();
    const counters = emu.counters.snapshot();
    const { text, deployment } = await ws.exportStack();
    const upProblems = tenantProblems(emu.state.doc, definition);
    const upSummary = tenantSummary(emu.state.doc);

    log(`engine: pulumi up ${seconds(up.ms)}; pulumi preview with nothing changed…`);
    const previewUsage = usageSampler();
    const preview = await ws.pulumi(["preview", "--expect-no-changes", "--parallel", String(opts.parallel)], {
      timeoutMs: 60 * 60 * 1000,
    });
    const previewPhase = { wallMs: preview.ms, usage: previewUsage(), writes: 0 };

    const edited = removeOneAssignment(definitionDir);
    log(`engine: one-user change (${edited}); pulumi up…`);
    emu.counters.reset();
    const oneUserUsage = usageSampler();
    const oneUser = await ws.pulumi(["up", "--yes", "--skip-preview", "--parallel", String(opts.parallel)], {
      timeoutMs: 60 * 60 * 1000,
    });
    const oneUserPhase = {
      wallMs: oneUser.ms,
      usage: oneUserUsage(),
      writes: emu.counters.snapshot().writes,
    };
    const afterEdit = tenantProblems(emu.state.doc, loadValidDefinition(definitionDir));

    const resources = deployment.deployment.resources ?? [];
    const providers = resources
      .map((r) => r.inputs?.__provider)
      .filter((p): p is string => typeof p === "string")
      .map((p) => Buffer.byteLength(p));
    return {
      wallMs: up.ms,
      counters,
      usage,
      problems: [...upProblems, ...afterEdit.map((p) => `after the one-user change: ${p}`)],
      summary: upSummary,
      phases: {
        up: { wallMs: up.ms, usage, writes: counters.writes },
        preview: previewPhase,
        oneUser: oneUserPhase,
      },
      stateBytes: Buffer.byteLength(text),
      providers,
      resources: resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic")).length,
      root: ws.root,
    };
  } finally {
    await emu.stop();
    if (!opts.keep) ws.remove();
  }
}

/** One engine command's figures. */
interface Phase {
  wallMs: number;
  usage: Usage;
  /** Graph and cmdlet writes the emulator counted. */
  writes: number;
}

/**
 * The one-user change of the benchmark: the last assignment of the first numbers file is removed (that user's
 * number is released). Returns who, for the log.
 */
function removeOneAssignment(definitionDir: string): string {
  const dir = path.join(definitionDir, "numbers");
  const file = path.join(dir, fs.readdirSync(dir).sort()[0]);
  const lines = fs.readFileSync(file, "utf8").trimEnd().split("\n");
  const removed = lines.pop() as string;
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return `${path.basename(file)}: ${removed.split(",")[0]} loses ${removed.split(",")[1]}`;
}

/**
 * CPU seconds and peak RSS per kind of process, one line each, for the kinds that used any; then the bound on a
 * real `up`'s peak: the per-kind peaks added up without the bench process (a real run has no emulator). They may
 * not peak at the same moment, so the true peak is at most that (#18's target is 1.2 GB at Madrid scale).
 */
function breakdown(usage: Usage): string[] {
  const kinds = PROCESS_KINDS.filter((k) => usage.cpuByKind[k] > 0 || usage.peakRssByKind[k] > 0);
  const realRun = kinds
    .filter((k) => k !== "bench + emulator (this process)")
    .reduce((sum, k) => sum + usage.peakRssByKind[k], 0);
  return [
    ...kinds.map(
      (k) =>
        `    ${k.padEnd(34)} ${seconds(usage.cpuByKind[k]).padStart(9)} CPU  ${mb(usage.peakRssByKind[k]).padStart(10)} peak`,
    ),
    `    ${"a real run (no emulator), at most".padEnd(34)} ${"".padStart(13)}  ${mb(realRun).padStart(10)} peak`,
  ];
}

interface Step {
  name: string;
  deps: string[];
  /** `check` then `create` of one resource; returns its outputs. */
  run: (outputs: (name: string) => Record<string, unknown>) => Promise<Record<string, unknown>>;
}

/** A counting semaphore: at most `limit` operations at once, like the engine's `--parallel`. */
function limiter(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await work();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/**
 * The program's m365 and teamsVoice resources as steps with the dependencies src/m365/layer.ts,
 * src/teams/layer.ts and src/teams/layerNumbers.ts give them, fed by the same pure input functions.
 */
function directSteps(
  definition: TenantDefinition,
  groups: Record<string, string>,
  env: Record<string, string>,
) {
  type Provider = ReturnType<typeof PROVIDER_IMPLEMENTATIONS.teams>;
  const licensing = PROVIDER_IMPLEMENTATIONS.groupLicenses({ env }) as unknown as Provider;
  const numbers = PROVIDER_IMPLEMENTATIONS.numberAssignments({ env }) as unknown as Provider;
  const teams = PROVIDER_IMPLEMENTATIONS.teams({ env });
  const steps: Step[] = [];
  // As the engine hands them over: plain JSON, keys of undefined values dropped.
  const plain = (o: object) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>;
  const add = (
    name: string,
    deps: string[],
    provider: Provider,
    inputs: (outputs: (name: string) => Record<string, unknown>) => object,
  ) =>
    steps.push({
      name,
      deps,
      run: async (outputs) => {
        const checked = await provider.check!({}, plain(inputs(outputs)));
        const created = await provider.create(checked.inputs ?? {});
        return (created.outs ?? {}) as Record<string, unknown>;
      },
    });

  const licences: Record<string, string> = {};
  for (const d of definition.departments) {
    if (d.licences.length === 0) continue;
    licences[d.id] = `lic/${d.id}`;
    add(licences[d.id], [], licensing, () => ({ ...desiredLicences(definition, d), groupId: groups[d.id] }));
  }

  const tv = teamsVoiceInputs(definition.tenant);
  const pstn = tv.pstnUsages.usages.length > 0 ? ["pstn"] : [];
  if (pstn.length > 0) add("pstn", [], teams, () => ({ ...tv.pstnUsages, kind: "PstnUsages" }));
  const byType: Record<string, string> = {
    TeamsCallingPolicy: "calling",
    TeamsEmergencyCallingPolicy: "emergency-calling",
    OnlineVoiceRoutingPolicy: "voice-routing",
    TenantDialPlan: "dialplan",
  };
  for (const r of tv.voiceRoutes) add(`route/${r.name}`, pstn, teams, () => ({ ...r, kind: "VoiceRoute" }));
  for (const p of tv.callingPolicies)
    add(`calling/${p.name}`, [], teams, () => ({ ...p, kind: "CallingPolicy" }));
  for (const p of tv.emergencyCallingPolicies) {
    add(`emergency-calling/${p.name}`, [], teams, () => ({ ...p, kind: "EmergencyCallingPolicy" }));
  }
  for (const p of tv.emergencyCallRoutingPolicies) {
    add(`emergency-routing/${p.name}`, pstn, teams, () => ({ ...p, kind: "EmergencyCallRoutingPolicy" }));
  }
  for (const p of tv.voiceRoutingPolicies) {
    add(`voice-routing/${p.name}`, pstn, teams, () => ({ ...p, kind: "VoiceRoutingPolicy" }));
  }
  for (const p of tv.dialPlans) add(`dialplan/${p.name}`, [], teams, () => ({ ...p, kind: "DialPlan" }));
  const addresses = tv.emergencyAddresses.map((a) => `address/${a.key}`);
  for (const a of tv.emergencyAddresses)
    add(`address/${a.key}`, [], teams, () => ({ ...a, kind: "EmergencyAddress" }));

  const globalName = definition.tenant.teamsVoice.globalEmergencyCallRoutingPolicy;
  if (globalName) {
    add("global", [`emergency-routing/${globalName}`], teams, () => ({
      policyType: "TeamsEmergencyCallRoutingPolicy",
      policyName: globalName,
      kind: "GlobalPolicyGrant",
    }));
  }

  const grants: Record<string, string> = {};
  const levels = rankLevels(definition.departments);
  for (const [level, departments] of levels.entries()) {
    for (const d of departments) {
      const assignments = departmentGrants(d);
      const policies = assignments
        .map((g) => byType[g.policyType] && `${byType[g.policyType]}/${g.policyName}`)
        .filter((n) => steps.some((s) => s.name === n));
      const earlier = level > 0 ? levels[level - 1].map((e) => grants[e.id]) : [];
      grants[d.id] = `grants/${d.id}`;
      add(grants[d.id], [...policies, ...earlier], teams, () => ({
        department: d.id,
        groupId: groups[d.id],
        assignments,
        kind: "GroupPolicyAssignments",
      }));
    }
  }

  for (const d of definition.departments) {
    const args = departmentNumberArgs(definition, d.id);
    if (!args) continue;
    const deps = [grants[d.id], licences[d.id], ...addresses].filter((n): n is string => n !== undefined);
    add(`numbers/${d.id}`, deps, numbers, (outputs) => ({
      ...args,
      locationIds: Object.assign(
        {},
        ...addresses.map((a) => outputs(a).locationIds as Record<string, string>),
      ) as Record<string, string>,
    }));
  }
  return steps;
}

/** (2) The same resources by direct provider calls in this process. */
async function directRun(
  files: ReadonlyMap<string, string>,
  opts: Options,
): Promise<Figures & { steps: number }> {
  const dir = fs.mkdtempSync(path.join(tmpdir(), "bench-engine-up-direct-"));
  const emu = await startEmulator({ seed: await seedDir(files), faults: { quota: false } });
  try {
    const definition = writeGenerated(dir, files);
    const steps = directSteps(definition, departmentGroupIds(emu.state.doc, definition), emulatorEnv(emu));
    log(`direct: ${steps.length} resources, running…`);
    emu.counters.reset();
    const sampler = usageSampler();
    const started = Date.now();
    const limit = limiter(opts.parallel);
    const results = new Map<string, Record<string, unknown>>();
    const running = new Map<string, Promise<void>>();
    const outputs = (name: string) => {
      const outs = results.get(name);
      if (!outs) throw new Error(`${name} has no outputs yet: a dependency is missing in bench/engine-up.ts`);
      return outs;
    };
    for (const step of steps) {
      running.set(
        step.name,
        Promise.all(step.deps.map((d) => running.get(d))).then(() =>
          limit(async () => {
            results.set(step.name, await step.run(outputs));
          }),
        ),
      );
    }
    await Promise.all(running.values());
    const wallMs = Date.now() - started;
    const usage = sampler();
    return {
      wallMs,
      counters: emu.counters.snapshot(),
      usage,
      problems: tenantProblems(emu.state.doc, definition),
      summary: tenantSummary(emu.state.doc),
      steps: steps.length,
    };
  } finally {
    await closeSharedTeamsAdmins();
    await emu.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh folder holding the definition, to seed an emulator from (seeded plain: the runs do the applying). */
let seedFolder: string | undefined;
async function seedDir(files: ReadonlyMap<string, string>): Promise<string> {
  if (!seedFolder) {
    seedFolder = fs.mkdtempSync(path.join(tmpdir(), "bench-engine-up-seed-"));
    writeDefinition(seedFolder, files);
  }
  return Promise.resolve(seedFolder);
}

function row(label: string, engine: string | number, direct: string | number, ratio = ""): string {
  return `  ${label.padEnd(30)} ${String(engine).padStart(14)} ${String(direct).padStart(14)} ${ratio.padStart(10)}`;
}

const ratioOf = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "–");

/** Prints how each run's tenant differs from the definition; true (and exit code 1) when one does. */
function reportProblems(runs: [string, { problems: string[] }][]): boolean {
  let failed = false;
  for (const [label, f] of runs) {
    if (f.problems.length > 0) {
      failed = true;
      log(
        `\n!!! MISMATCH: the ${label} run's tenant differs from the definition in ${f.problems.length} place(s):`,
      );
      for (const p of f.problems.slice(0, 20)) log(`!!!   ${p}`);
    }
  }
  if (failed) process.exitCode = 1;
  return failed;
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

async function run(opts: Options): Promise<void> {
  const loadBefore = loadAverage();
  const files = renderDefinition(generateDefinition(opts));
  const definition = loadValidDefinition(await seedDir(files));
  const numberCount = Object.values(definition.numbers).flat().length;
  log(
    `bench:engine-up: ${definition.departments.length} departments, ${opts.users.toLocaleString("en")} users, ` +
      `${numberCount.toLocaleString("en")} numbers (seed ${opts.seed}), --parallel ${opts.parallel}`,
  );
  try {
    const engine = await engineRun(files, opts);
    log(`\nengine at this scale (load before: ${loadBefore}; after: ${loadAverage()}):`);
    for (const [label, phase] of [
      ["pulumi up (first)", engine.phases.up],
      ["pulumi preview, nothing changed", engine.phases.preview],
      ["pulumi up, one-user change", engine.phases.oneUser],
    ] as const) {
      log(
        `  ${label.padEnd(34)} ${seconds(phase.wallMs).padStart(9)} wall  ${mb(phase.usage.peakRss).padStart(10)} peak RSS` +
          `  ${seconds(phase.usage.cpuMs).padStart(9)} CPU  ${phase.writes} writes`,
      );
      for (const line of breakdown(phase.usage)) log(line);
    }
    log(`  state (stack export)               ${mb(engine.stateBytes).padStart(9)}`);
    if (!opts.direct) {
      reportProblems([["engine", engine]]);
      if (opts.keep) log(`engine workspace kept in ${engine.root}`);
      return;
    }
    const direct = await directRun(files, opts);
    log(`\ndirect: ${seconds(direct.wallMs)}\n`);

    const ePs = cmdlets(engine.counters);
    const dPs = cmdlets(direct.counters);
    log(row("", "pulumi up", "direct calls", "ratio"));
    log(row("resources", engine.resources, direct.steps));
    log(
      row("wall time", seconds(engine.wallMs), seconds(direct.wallMs), ratioOf(engine.wallMs, direct.wallMs)),
    );
    log(
      row(
        "requests (Graph + cmdlets)",
        engine.counters.requests,
        direct.counters.requests,
        ratioOf(engine.counters.requests, direct.counters.requests),
      ),
    );
    log(
      row(
        "writes",
        engine.counters.writes,
        direct.counters.writes,
        ratioOf(engine.counters.writes, direct.counters.writes),
      ),
    );
    log(row("PowerShell cmdlets", ePs.requests, dPs.requests, ratioOf(ePs.requests, dPs.requests)));
    log(row("  of which writes", ePs.writes, dPs.writes));
    log(row("throttled (429)", engine.counters.throttled, direct.counters.throttled));
    log(
      row(
        "CPU time",
        seconds(engine.usage.cpuMs),
        seconds(direct.usage.cpuMs),
        ratioOf(engine.usage.cpuMs, direct.usage.cpuMs),
      ),
    );
    log(
      row(
        "peak RSS",
        mb(engine.usage.peakRss),
        mb(direct.usage.peakRss),
        ratioOf(engine.usage.peakRss, direct.usage.peakRss),
      ),
    );
    log(row("state (stack export)", mb(engine.stateBytes), "–"));
    log(
      row("__provider: largest / total", `${(Math.max(0, ...engine.providers) / 1024).toFixed(1)} KB`, "–") +
        `  (${engine.providers.length} resources, ${mb(engine.providers.reduce((n, b) => n + b, 0))} in all)`,
    );
    log(
      "\n  CPU time and peak RSS are this process (which hosts the emulator in both runs) plus its children: under" +
        "\n  the engine the pulumi CLI, language host, program, dynamic-provider host and fake pwsh; direct, the fake pwsh.",
    );

    let failed = reportProblems([
      ["engine", engine],
      ["direct", direct],
    ]);
    const engineFacts = new Set(engine.summary);
    const directFacts = new Set(direct.summary);
    const onlyEngine = engine.summary.filter((l) => !directFacts.has(l));
    const onlyDirect = direct.summary.filter((l) => !engineFacts.has(l));
    if (onlyEngine.length + onlyDirect.length > 0) {
      failed = true;
      log(
        `\n!!! MISMATCH: the two tenants differ (${onlyEngine.length} facts only after pulumi up, ` +
          `${onlyDirect.length} only after direct calls):`,
      );
      for (const l of onlyEngine.slice(0, 15)) log(`!!!   engine only: ${l}`);
      for (const l of onlyDirect.slice(0, 15)) log(`!!!   direct only: ${l}`);
    }
    if (!failed) {
      const count = (prefix: string) => engine.summary.filter((l) => l.startsWith(prefix)).length;
      log(
        `\nsame tenant after both runs, as the definition says: ${count("number ")} numbers assigned, ` +
          `${count("group licences ")} licensed groups, ${count("user licence ")} user licences, ` +
          `${count("policy ")} policies, ${count("group grant ")} group grants, ${count("location ")} LIS locations`,
      );
    }
    if (opts.keep) log(`engine workspace kept in ${engine.root}`);
    if (failed) process.exitCode = 1;
  } finally {
    if (seedFolder) fs.rmSync(seedFolder, { recursive: true, force: true });
  }
}

const program = new Command("bench:engine-up")
  .option("--departments <n>", "departments", positive, MADRID_SCALE.departments)
  .option("--users <n>", "users", positive, MADRID_SCALE.users)
  .option("--numbers <n>", "phone numbers", positive, MADRID_SCALE.numbers)
  .option("--seed <n>", "generator seed", positive, MADRID_SCALE.seed)
  .option(
    "--parallel <n>",
    "resource operations at once (pulumi up --parallel; its default is 8)",
    positive,
    8,
  )
  .option("--keep", "keep the engine's temporary workspace", false)
  .option("--no-direct", "skip the second run by direct provider calls (engine figures only)")
  .action((opts: Options) => run(opts));

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
