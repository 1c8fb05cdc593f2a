/**
 * End-to-end tests of issue 8 with the real Pulumi engine (docs/engine.md "End-to-end tests").
 *
 * The repository's program (copied Pulumi.yaml, symlinked src/ and node_modules/) deploys the example city's
 * m365 and teamsVoice layers (`tenant:layers`) on a local file backend with passphrase secrets. Graph is the
 * emulator started in this process (TENANT_GRAPH_ENDPOINT/CA_FILE); the providers sign in with a client secret
 * at the emulator's token endpoint (AZURE_AUTHORITY_HOST), which accepts only the tokens it issued, as a tenant
 * does. The Teams PowerShell adapter talks to tests/fakes/fake-pwsh.js (TENANT_PWSH_PATH), which forwards to
 * the same emulator. The identity layer
 * comes from a small platform stack in the same backend whose output holds the emulator's group ids.
 *
 * The steps run in order on one stack; each asserts what a platform engineer relies on. The emulator's write
 * quota is off (at 8,530 numbers it would only add 150-s waits; its handling is unit-tested in tests/graph);
 * step 4 injects faults on purpose.
 *
 * Not part of `npm test`: run `scripts/engine-e2e` (builds the engine first if needed). KEEP_ENGINE_E2E=1 keeps
 * the temporary workspace.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import type { TenantDefinition } from "../../src/config/definition";
import {
  DEFAULT_CLIENT_ID,
  startEmulator,
  type CounterSnapshot,
  type EmulatorHandle,
  type StateDocument,
} from "../../src/emulator";
import { graphDelta } from "../../src/forecast/counterDelta";
import { runForecast } from "../../src/forecast/runForecast";
import { summarizeForecast } from "../../src/forecast/summarize";
import { evaluatePolicies } from "../../src/policy";
import { renderTenant } from "../../src/render/renderer";
import { setResourceAccountUsageLocations } from "../../src/forecast/adminSteps";
import { RESOURCE_TYPES } from "../../src/resourceTypes";
import { loadValidDefinition } from "../../src/stackConfig";
import { EngineWorkspace, REPO, type PulumiRun } from "../../tools/engine-workspace/engineWorkspace";
import {
  departmentGroupIds,
  differencesFromDefinition,
  grantOrderProblems,
  phoneServiceProblems,
  teamsAreaOf,
} from "./helpers/tenantExpectations";
import { normaliseForComparison } from "./helpers/emulatorState";
import { teamsPhoneAreaOf } from "../../src/emulator/state/teamsPhone";

const STACK = "e2e";
const PASSPHRASE = "engine-e2e-passphrase";
// Credentials that reach the providers (from the environment, at call time) and must never reach the state:
// the client secret the Graph providers sign in with, and the access tokens the Teams driver is handed.
const CLIENT_SECRET = "e2e-client-secret-5d1c7e0a-must-not-be-stored";
const DRIVER_TOKENS = {
  TENANT_TEAMS_GRAPH_TOKEN: "e2e-driver-graph-token-91b2c4d6-must-not-be-stored",
  TENANT_TEAMS_TEAMS_TOKEN: "e2e-driver-teams-token-3e5f7a9c-must-not-be-stored",
};

let emu: EmulatorHandle;
let ws: EngineWorkspace;
let definitionDir: string;
let before: StateDocument;
let platformStack: string;

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const definition = () => loadValidDefinition(definitionDir);

function expectTenantMatchesDefinition(): void {
  const problems = [
    ...differencesFromDefinition(emu.state.doc, definition()),
    ...phoneServiceProblems(emu.state.doc, definition()),
  ];
  if (problems.length > 0) {
    throw new Error(
      `the emulator's tenant differs from the definition in ${problems.length} place(s):\n` +
        problems.slice(0, 30).join("\n"),
    );
  }
}

beforeAll(
  async () => {
    const started = Date.now();
    const example = path.join(REPO, "stacks", "example");
    emu = await startEmulator({
      seed: example,
      faults: { quota: false },
      auth: { clientSecret: CLIENT_SECRET, acceptAnyToken: false },
    });
    ws = new EngineWorkspace({
      prefix: "tenant-engine-e2e-",
      passphrase: PASSPHRASE,
      env: {
        TENANT_GRAPH_ENDPOINT: emu.url,
        TENANT_GRAPH_CA_FILE: emu.caFile,
        AZURE_AUTHORITY_HOST: emu.url,
        AZURE_TENANT_ID: emu.tenantId,
        AZURE_CLIENT_ID: DEFAULT_CLIENT_ID,
        AZURE_CLIENT_SECRET: CLIENT_SECRET,
        ...DRIVER_TOKENS,
        TENANT_PWSH_PATH: path.join(REPO, "tests", "fakes", "fake-pwsh.js"),
      },
    });
    definitionDir = path.join(ws.stacksDir, "city");
    copyExample();
    before = clone(emu.state.doc);
    await ws.login();
    const groups = departmentGroupIds(emu.state.doc, definition());
    platformStack = await ws.deployPlatform(
      "platform",
      Object.fromEntries(
        Object.entries(groups).map(([id, groupId]) => [
          id,
          // The m365 and teamsVoice layers never read the admin group; the emulator seeds none.
          { groupId, adminGroupId: "00000000-0000-0000-0000-0000000000ad" },
        ]),
      ),
    );
    await ws.initStack(
      STACK,
      {
        "tenant:definition": definitionDir,
        "tenant:platformStack": platformStack,
      },
      { "tenant:layers": ["m365", "teamsVoice"] },
    );
    console.log(`workspace ${ws.root} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  },
  30 * 60 * 1000,
);

afterAll(async () => {
  if (ws && !process.env.KEEP_ENGINE_E2E) ws.remove();
  await emu?.stop();
});

interface PreviewStep {
  op: string;
  urn: string;
  type?: string;
}

/** `[op, type, name]` of every step that is not `same` (reads of the platform stack included). */
function changes(preview: PulumiRun): [string, string, string][] {
  const steps = (JSON.parse(preview.stdout) as { steps: PreviewStep[] }).steps;
  return steps
    .filter((s) => s.op !== "same")
    .map((s): [string, string, string] => [s.op, s.urn.split("::")[2], s.urn.split("::")[3]])
    .sort((a, b) => `${a[1]}${a[2]}`.localeCompare(`${b[1]}${b[2]}`));
}

/** The program's custom resources as `tenant plan` renders them offline for the same settings. */
async function offlineRender(def: TenantDefinition) {
  return (
    await renderTenant(
      def,
      {
        layers: ["m365", "teamsVoice"],
        platformStack,
        budgetStartDate: "2026-11-01T00:00:00Z",
        environment: STACK,
      },
      { project: "tenant" },
    )
  ).graph;
}

/** Writes per route between two counter snapshots (routes without writes left out). */
function writesBetween(a: CounterSnapshot, b: CounterSnapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [route, c] of Object.entries(b.byRoute)) {
    const n = c.writes - (a.byRoute[route]?.writes ?? 0);
    if (n > 0) out[route] = n;
  }
  return out;
}

/** What the operator's Remove-MgUser of a resource account does: the Entra user goes, and its application instance. */
function operatorRemovesUser(id: string): void {
  emu.state.removeUser(id);
  const area = teamsPhoneAreaOf(emu.state.doc);
  area.applicationInstances = area.applicationInstances.filter((a) => a.objectId !== id);
  emu.state.touch();
}

/**
 * The example city into the workspace. Its phone services deploy with the rest, but without their public numbers:
 * a resource account's number waits for the operator to set the account's usage location (Update-MgUser; the
 * toolkit does not hold User.ReadWrite.All, docs/phone-services.md "Permissions"). Step 5 puts the numbers back
 * and plays that operator.
 */
function copyExample(): void {
  fs.cpSync(path.join(REPO, "stacks", "example"), definitionDir, { recursive: true });
  for (const file of fs.readdirSync(path.join(definitionDir, "departments"))) {
    const departmentFile = path.join(definitionDir, "departments", file);
    const text = fs.readFileSync(departmentFile, "utf8");
    fs.writeFileSync(departmentFile, text.replace(/^ {6}number: "\+\d+"\n/gm, ""));
  }
}

function readCsv(file: string): string[] {
  return fs.readFileSync(file, "utf8").trimEnd().split("\n");
}

function writeCsv(file: string, lines: string[]): void {
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
}

/** Departments that have numbers, in id order. */
function numberedDepartments(def: TenantDefinition): string[] {
  return def.departments.map((d) => d.id).filter((id) => (def.numbers[id] ?? []).length > 0);
}

describe("the example city's m365 and teamsVoice layers under the real engine", () => {
  it("1. preview plans what `tenant plan` renders and writes nothing; up makes the tenant what the definition says", async () => {
    const preview = await ws.pulumi(["preview", "--json"]);
    expect(emu.counters.snapshot().writes).toBe(0);
    const graph = await offlineRender(definition());
    const planned = graph.resources
      .filter((r) => r.custom && !r.read && !r.type.startsWith("pulumi:providers:"))
      .map((r): [string, string, string] => ["create", r.type, r.name])
      .sort((a, b) => `${a[1]}${a[2]}`.localeCompare(`${b[1]}${b[2]}`));
    const previewed = changes(preview).filter(([op]) => op !== "read");
    expect(previewed.filter(([op]) => op !== "create")).toEqual([]);
    expect(previewed.filter(([, type]) => !type.startsWith("pulumi:"))).toEqual(planned);

    const up = await ws.pulumi(["up", "--yes", "--skip-preview"]);
    const c = emu.counters.snapshot();
    console.log(
      `step 1: preview ${(preview.ms / 1000).toFixed(1)} s, up ${(up.ms / 1000).toFixed(1)} s, ` +
        `${c.requests} Graph requests, ${c.writes} writes, ${planned.length} resources`,
    );
    expectTenantMatchesDefinition();
    const assigned = Object.values(teamsAreaOf(emu.state.doc).numbers).filter(
      (n) => n.assignmentStatus === "userAssigned",
    ).length;
    expect(assigned).toBe(Object.values(definition().numbers).flat().length);
    // Last, so a wrong order does not hide the checks above: the grants' precedence across departments.
    expect(grantOrderProblems(emu.state.doc, definition())).toEqual([]);
  });

  it("2. a second preview has no changes (--expect-no-changes)", async () => {
    const writes = emu.counters.snapshot().writes;
    await ws.pulumi(["preview", "--expect-no-changes"]);
    expect(emu.counters.snapshot().writes).toBe(writes);
  });

  it("3. a moved number, a removed number and a policy setting: exactly those changes and writes, as forecast", async () => {
    const def = definition();
    const [moveDept, removeDept] = numberedDepartments(def);
    // Move: the first number of moveDept goes to a colleague who holds none (a seeded user of that department).
    const movedFile = path.join(definitionDir, "numbers", `${moveDept}.csv`);
    const moveLines = readCsv(movedFile);
    const [fromUpn, number] = moveLines[1].split(",");
    const holders = new Set(
      Object.values(def.numbers)
        .flat()
        .map((r) => r.userPrincipalName.toLowerCase()),
    );
    const colleague = emu.state.doc.users.find(
      (u) =>
        u.userPrincipalName.startsWith(`${moveDept}.`) && !holders.has(u.userPrincipalName.toLowerCase()),
    );
    if (!colleague) throw new Error(`the emulator seeded no numberless user in department ${moveDept}`);
    moveLines[1] = moveLines[1].replace(fromUpn, colleague.userPrincipalName);
    writeCsv(movedFile, moveLines);
    // Remove: the last number of removeDept.
    const removedFile = path.join(definitionDir, "numbers", `${removeDept}.csv`);
    const removeLines = readCsv(removedFile);
    const removed = removeLines.pop()?.split(",")[1] as string;
    writeCsv(removedFile, removeLines);
    // Policy: flip allowPrivateCalling of the first calling policy.
    const tenantFile = path.join(definitionDir, "tenant.yaml");
    const doc = parseDocument(fs.readFileSync(tenantFile, "utf8"));
    const policyName = String(doc.getIn(["teamsVoice", "callingPolicies", 0, "name"]));
    const setting = ["teamsVoice", "callingPolicies", 0, "allowPrivateCalling"];
    doc.setIn(setting, !doc.getIn(setting));
    fs.writeFileSync(tenantFile, doc.toString());
    // Phone services: the greeting of one district's switchboard.
    const greetingDept = def.departments.find((d) => d.phoneServices?.autoAttendants.length)!.id;
    const greetingFile = path.join(definitionDir, "departments", `${greetingDept}.yaml`);
    const deptDoc = parseDocument(fs.readFileSync(greetingFile, "utf8"));
    deptDoc.setIn(["phoneServices", "autoAttendants", 0, "greeting"], "Bienvenido. Nuevo horario de verano.");
    fs.writeFileSync(greetingFile, deptDoc.toString());

    const preview = await ws.pulumi(["preview", "--json"]);
    const graph = await offlineRender(definition());
    const nameOf = (type: string, test: (inputs: Record<string, unknown>) => boolean) =>
      graph.resources.find((r) => r.type === type && test(r.inputs))?.name ?? `${type}?`;
    expect(changes(preview).filter(([op]) => op !== "read")).toEqual(
      [
        [
          "update",
          RESOURCE_TYPES.callingPolicy,
          nameOf(RESOURCE_TYPES.callingPolicy, (i) => i.name === policyName),
        ],
        [
          "update",
          RESOURCE_TYPES.numberAssignments,
          nameOf(RESOURCE_TYPES.numberAssignments, (i) => i.department === moveDept),
        ],
        [
          "update",
          RESOURCE_TYPES.numberAssignments,
          nameOf(RESOURCE_TYPES.numberAssignments, (i) => i.department === removeDept),
        ],
        [
          "update",
          RESOURCE_TYPES.phoneServices,
          nameOf(RESOURCE_TYPES.phoneServices, (i) => i.department === greetingDept),
        ],
      ].sort((a, b) => `${a[1]}${a[2]}`.localeCompare(`${b[1]}${b[2]}`)),
    );

    // The apply forecast of `tenant plan --forecast` (#17), made before the up on its own emulator.
    const forecast = summarizeForecast(await runForecast({ base: def, head: definition() }));
    const at = emu.counters.snapshot();
    await ws.pulumi(["up", "--yes", "--skip-preview"]);
    const after = emu.counters.snapshot();
    const writes = writesBetween(at, after);
    console.log(`step 3: writes by route ${JSON.stringify(writes)}`);
    // What the engine's up sent equals the forecast: Graph requests and writes, cmdlets, number operations.
    const sent = graphDelta(at, after);
    const { graphRequests, graphWrites, cmdlets, cmdletWrites, asyncOperations } = forecast.totals;
    expect({
      graphRequests: sent.graphRequests - sent.retried,
      graphWrites: sent.graphWrites,
      cmdlets: sent.cmdlets,
      cmdletWrites: sent.cmdletWrites,
      asyncOperations: sent.asyncOperations,
    }).toEqual({ graphRequests, graphWrites, cmdlets, cmdletWrites, asyncOperations });
    const area = teamsAreaOf(emu.state.doc);
    expect(area.numbers[number]?.assignmentTargetId).toBe(colleague.id);
    expect(area.numbers[removed]?.assignmentStatus ?? "unassigned").toBe("unassigned");
    // Per action or cmdlet: the move is one unassign and one assign, the removal one unassign, the policy one Set,
    // the greeting one Set of that attendant and nothing else of the phone services.
    const byAction: Record<string, number> = {};
    for (const [route, n] of Object.entries(writes)) {
      const action = route.split(/[ /.]/).pop() as string;
      byAction[action] = (byAction[action] ?? 0) + n;
    }
    expect(byAction).toEqual({
      assignNumber: 1,
      unassignNumber: 2,
      "Set-CsTeamsCallingPolicy": 1,
      "Set-CsAutoAttendant": 1,
    });
    expectTenantMatchesDefinition();
    await ws.pulumi(["preview", "--expect-no-changes"]);
  });

  it("4. with 429s, 503s and two chosen number changes failing, up fails naming them, and the next up converges", async () => {
    // Back to the example city, plus every number of one department at another of its emergency locations and
    // that department's last number removed.
    fs.rmSync(definitionDir, { recursive: true });
    copyExample();
    const def = definition();
    const dept = numberedDepartments(def)[2];
    const file = path.join(definitionDir, "numbers", `${dept}.csv`);
    const [header, ...rows] = readCsv(file).map((l) => l.split(","));
    const target = rows[rows.length - 1][2];
    const removedRow = rows.pop() as string[];
    const movedRows = rows.filter((r) => r[2] !== target);
    if (movedRows.length === 0) throw new Error(`department ${dept} has no number away from ${target}`);
    writeCsv(
      file,
      [header, ...rows.map((r) => [r[0], r[1], target, r[3]])].map((r) => r.join(",")),
    );
    // The faults: the first location move and the removal fail for sure (forced on those numbers, so every run
    // exercises the failure report); 429s and 503s from a seeded draw hit the other requests and are retried.
    const [movedUpn, moved] = movedRows[0];
    const [removedUpn, removed] = removedRow;
    const at = emu.counters.snapshot();
    Object.assign(emu.faults, {
      rate429: 0.1,
      rate503: 0.05,
      retryAfter: 0.2,
      seed: 8,
      failingNumbers: [moved, removed],
    });
    const faulty = await ws.pulumi(["up", "--yes", "--skip-preview"], { expect: null });
    Object.assign(emu.faults, { rate429: 0, rate503: 0, failingNumbers: [] });
    const c = emu.counters.snapshot();
    const throttled = c.throttled - at.throttled;
    const faulted = c.faulted - at.faulted;
    console.log(`step 4: faulty up exited ${faulty.code}; ${throttled} throttled, ${faulted} faulted`);
    // The faults were injected: 429s and 503s (one draw per Graph request over a few hundred requests), the
    // removal's operation failed by injection, and the move's updateNumber was refused (below, in the report).
    expect(throttled).toBeGreaterThan(0);
    expect(faulted).toBeGreaterThan(0);
    const injected = Object.values(teamsAreaOf(emu.state.doc).operations).filter((o) => o.injectedFailure);
    expect(injected.map((o) => `${o.kind} ${o.request.telephoneNumber} ${o.status}`)).toEqual([
      `unassign ${removed} failed`,
    ]);

    // Precise: the department, how many of its changes failed, each failed number with its user, what was
    // attempted and the service's reason, and that the next up retries them.
    const out = `${faulty.stdout}\n${faulty.stderr}`;
    expect(faulty.code).not.toBe(0);
    expect(out).toContain(
      `2 of ${movedRows.length + 1} number change(s) of department ${dept} were not applied; the rest are kept, ` +
        "and the next `pulumi up` retries these:",
    );
    const reason = "Service is unavailable. Please try again";
    const lineOf = (what: string) => out.split("\n").find((l) => l.includes(what)) ?? `no line names ${what}`;
    expect(lineOf(`${moved} (update-location): `)).toContain(`${JSON.stringify(movedUpn)} ${moved}`);
    expect(lineOf(`${moved} (update-location): `)).toContain(`500 InternalServerError: ${reason}`);
    expect(lineOf(`${removed} (unassign): `)).toContain(
      `${JSON.stringify(removedUpn)} ${removed} (unassign): ${reason}`,
    );
    expect(out).not.toMatch(/Unhandled exception|TypeError|\[object Object\]/);
    // The rest are kept: of the department's numbers, only the two chosen ones differ from the definition.
    const ownNumbers = new Set([...rows, removedRow].map((r) => r[1]));
    const differing = differencesFromDefinition(emu.state.doc, definition())
      .map((p) => p.split(":")[0])
      .filter((n) => ownNumbers.has(n));
    expect(differing.sort()).toEqual([moved, removed].sort());

    await ws.pulumi(["up", "--yes", "--skip-preview"]);
    await ws.pulumi(["preview", "--expect-no-changes"]);
    expectTenantMatchesDefinition();
  });

  it("5. the resource accounts' public numbers: up waits for their usage locations, the operator sets them, the next up assigns them; taking them away unassigns them", async () => {
    // The example's department files as they are, with each account's number (copyExample leaves them out).
    fs.cpSync(path.join(REPO, "stacks", "example", "departments"), path.join(definitionDir, "departments"), {
      recursive: true,
    });
    const accounts = definition().departments.flatMap((d) => d.phoneServices?.resourceAccounts ?? []);
    const numbered = accounts.filter((a) => a.number);
    expect(numbered.length).toBeGreaterThan(20);

    // --continue-on-error: without it the engine stops scheduling at the first department that fails.
    const waiting = await ws.pulumi(["up", "--yes", "--skip-preview", "--continue-on-error"], {
      expect: null,
    });
    expect(waiting.code).not.toBe(0);
    // Each account's number waits, naming the command the operator runs (the toolkit holds no User.ReadWrite.All).
    const asked = new Set(
      [...waiting.stdout.matchAll(/Update-MgUser -UserId ([0-9a-f-]+) -UsageLocation ES/g)].map((m) => m[1]),
    );
    expect(asked.size).toBe(numbered.length);
    const set = setResourceAccountUsageLocations(emu, { resourceAccounts: accounts });
    expect(set).toBeGreaterThanOrEqual(numbered.length);

    const writes = emu.counters.snapshot();
    await ws.pulumi(["up", "--yes", "--skip-preview"]);
    const byRoute = writesBetween(writes, emu.counters.snapshot());
    console.log(`step 5: the accounts' numbers: ${JSON.stringify(byRoute)}`);
    expectTenantMatchesDefinition();
    for (const a of numbered) {
      expect(teamsAreaOf(emu.state.doc).numbers[a.number!]?.assignmentStatus).toBe(
        "voiceApplicationAssigned",
      );
    }
    await ws.pulumi(["preview", "--expect-no-changes"]);

    // Without their numbers again (as the later steps and destroy expect): each is unassigned, nothing else.
    copyExample();
    await ws.pulumi(["up", "--yes", "--skip-preview"]);
    expectTenantMatchesDefinition();
    for (const a of numbered) {
      expect(teamsAreaOf(emu.state.doc).numbers[a.number!]?.assignmentStatus).toBe("unassigned");
    }
  });

  it("6. stack export holds no credential the providers were given or got, and each resource's provider text is small", async () => {
    const { text, deployment } = await ws.exportStack();
    // The tokens were real: the emulator answers Graph only with tokens it issued, and it issued some.
    const tokens = [...emu.issuedTokens];
    expect(tokens.length).toBeGreaterThan(0);
    const leaked = [CLIENT_SECRET, ...Object.values(DRIVER_TOKENS), ...tokens].filter((t) =>
      text.includes(t),
    );
    expect(leaked).toEqual([]);
    // Certificate material the providers read (the CA they trust, TENANT_GRAPH_CA_FILE): no line of its body.
    const pemLines = emu.caPem.split("\n").filter((l) => /^[A-Za-z0-9+/=]{40,}$/.test(l.trim()));
    expect(pemLines.length).toBeGreaterThan(0);
    expect(pemLines.filter((l) => text.includes(l.trim()))).toEqual([]);
    expect(text).not.toMatch(/-----BEGIN [A-Z ]+-----/);
    expect(text).not.toMatch(/Bearer [A-Za-z0-9._-]{8,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
    const sizes = (deployment.deployment.resources ?? [])
      .filter((r) => typeof r.inputs?.__provider === "string")
      .map((r) => ({ name: r.urn.split("::")[3], bytes: Buffer.byteLength(r.inputs?.__provider as string) }));
    const max = Math.max(...sizes.map((s) => s.bytes));
    console.log(
      `step 6: state ${text.length} bytes, ${tokens.length} tokens issued, ` +
        `${sizes.length} resources with __provider, largest ${max} bytes, ` +
        `total ${sizes.reduce((n, s) => n + s.bytes, 0)} bytes`,
    );
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.filter((s) => s.bytes > 16 * 1024)).toEqual([]);
  });

  it("7. the policy pack under the engine reports the telephony violations `tenant plan` evaluates offline", async () => {
    const violating = path.join(ws.stacksDir, "violating");
    fs.cpSync(definitionDir, violating, { recursive: true });
    // Two departments with numbers lose their emergency calling policy (valid YAML; the pack forbids it).
    const depts = numberedDepartments(definition()).slice(0, 2);
    for (const id of depts) {
      const file = path.join(violating, "departments", `${id}.yaml`);
      const doc = parseDocument(fs.readFileSync(file, "utf8"));
      doc.deleteIn(["teams", "emergencyCallingPolicy"]);
      fs.writeFileSync(file, doc.toString());
    }
    const offline = evaluatePolicies(await offlineRender(loadValidDefinition(violating))).map((r) => ({
      policy: r.policy,
      level: r.enforcementLevel,
      message: r.message,
      resource: (r.urn ?? "").split("::")[3] ?? "",
    }));

    await ws.pulumi(["config", "set", "tenant:definition", violating]);
    // Streaming JSON: one engine event per line, policy violations as `policyEvent`s.
    const run = await ws.pulumi(["preview", "--json", "--policy-pack", path.join(REPO, "policies")], {
      expect: null,
      env: { PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" },
    });
    await ws.pulumi(["config", "set", "tenant:definition", definitionDir]);
    const engine = run.stdout
      .split("\n")
      .filter((l) => l.includes('"policyEvent"'))
      .map((l) => (JSON.parse(l) as { policyEvent: Record<string, string> }).policyEvent)
      .map((e) => ({
        policy: e.policyName,
        level: e.enforcementLevel,
        // The engine puts the policy's description on the first line; the offline result is the message alone.
        message: e.message.replace(/^[^\n]*\n/, "").trim(),
        resource: (e.resourceUrn ?? "").split("::")[3] ?? "",
      }));
    if (engine.length === 0) {
      throw new Error(
        `the policy preview reported no policy event:\n${run.stdout.slice(-4000)}\n${run.stderr}`,
      );
    }
    const sort = <T extends { policy: string; resource: string; message: string }>(l: T[]) =>
      [...l].sort((a, b) =>
        `${a.policy}${a.resource}${a.message}`.localeCompare(`${b.policy}${b.resource}${b.message}`),
      );
    console.log(`step 7: engine ${JSON.stringify(engine)}`);
    expect(
      offline.filter((r) => r.policy === "teams-voice-department-emergency-calling-policy"),
    ).toHaveLength(2);
    expect(sort(engine)).toEqual(sort(offline));
    expect(run.code).not.toBe(0);
  });

  it(
    "8. destroy leaves the emulator as it was before step 1",
    async () => {
      // Unassigning ~8,500 numbers and deleting 35 addresses: about 8 minutes idle, twice that on a loaded machine.
      // The resource accounts are Entra users the toolkit may not delete (no User.ReadWrite.All): a destroy stops
      // at each one naming the Remove-MgUser it needs; the operator runs them; the next destroy goes on.
      const accounts = teamsPhoneAreaOf(emu.state.doc).applicationInstances.map((a) => a.objectId);
      expect(accounts.length).toBeGreaterThan(0);
      const asked = new Set<string>();
      let last: PulumiRun | undefined;
      for (let attempt = 0; attempt < 4 && last?.code !== 0; attempt++) {
        last = await ws.pulumi(["destroy", "--yes", "--skip-preview", "--continue-on-error"], {
          timeoutMs: 40 * 60 * 1000,
          expect: null,
        });
        const ids = [...last.stdout.matchAll(/Remove-MgUser -UserId ([0-9a-f-]+)/g)].map((m) => m[1]);
        // A destroy fails for the accounts only, never for anything else.
        if (last.code !== 0) expect(ids.length).toBeGreaterThan(0);
        for (const id of ids) {
          asked.add(id);
          operatorRemovesUser(id);
        }
      }
      expect(last?.code).toBe(0);
      expect([...asked].sort()).toEqual([...accounts].sort());
      const { deployment } = await ws.exportStack();
      expect(deployment.deployment.resources ?? []).toEqual([]);
      expect(normaliseForComparison(emu.state.doc)).toEqual(normaliseForComparison(before));
    },
    45 * 60 * 1000,
  );
});
