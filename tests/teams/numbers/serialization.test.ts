/**
 * The provider as the engine runs it: serialized the way `dynamic.Resource` does (`serializeFunction` of
 * `() => provider`), loaded in a fresh Node process as cmd/dynamic-provider does (`require(text).handler()`,
 * then `configure`), and driven through check → create → read → diff → update → delete against the
 * emulator over HTTPS, with endpoint from stack config and CA and token from the environment only.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { startEmulator, type EmulatorHandle } from "../../../src/emulator";
import { teamsArea } from "../../../src/emulator/state/teams";
import { loadValidDefinition } from "../../../src/stackConfig";
import { createNumberAssignmentsProvider, numberAssignmentsProvider } from "../../../src/teams/numbers";
import { MINIMAL_FIXTURE } from "../../helpers/definitionFixture";
import { createLocations, licenseDepartments } from "./helpers/numbersEmulator";

const TOKEN = "serialized-numbers-provider-static-token";

const DRIVER = `
const provider = require("./provider.js").handler();
const config = { get: (k) => (k === "tenant:graphEndpoint" ? process.env.STACK_GRAPH_ENDPOINT : undefined) };
config.require = (k) => { const v = config.get(k); if (v === undefined) throw new Error("missing " + k); return v; };
(async () => {
  await provider.configure({ config });
  const news = JSON.parse(process.env.INPUTS);
  const checked = await provider.check({}, news);
  const created = await provider.create(checked.inputs);
  const read = await provider.read(created.id, created.outs);
  const changed = { ...checked.inputs, assignments: checked.inputs.assignments.slice(1) };
  const diff = await provider.diff(created.id, created.outs, changed);
  const updated = await provider.update(created.id, created.outs, changed);
  await provider.delete(created.id, updated.outs);
  process.stdout.write(JSON.stringify({ checked, created, read, diff, updated }));
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

describe("the serialized NumberAssignments provider", () => {
  let emu: EmulatorHandle;
  let dir: string;

  beforeAll(async () => {
    // Real time in the child: operations end at once and the child polls after 20 ms.
    emu = await startEmulator({ seed: MINIMAL_FIXTURE });
    Object.assign(teamsArea(emu.state).timing, { numberQueuedMs: 0, numberProcessingMs: 0 });
    dir = mkdtempSync(join(tmpdir(), "numbers-serialized-"));
  });
  afterAll(async () => {
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the program's provider singleton serializes without secrets", async () => {
    const provider = numberAssignmentsProvider;
    const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    expect(serialized.containsSecrets).toBe(false);
    expect(serialized.text).toContain("handler");
  }, 60_000);

  it("runs check/create/read/diff/update/delete in a fresh process, with credentials from the environment only", async () => {
    // Plain options only (poll timing), as the singleton has none; captured by value like it.
    const provider = createNumberAssignmentsProvider({
      admin: { poll: { initialDelayMs: 20, maxDelayMs: 100 } },
    });
    const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    expect(serialized.containsSecrets).toBe(false);
    writeFileSync(join(dir, "provider.js"), serialized.text);
    writeFileSync(join(dir, "driver.js"), DRIVER);
    const definition = loadValidDefinition(MINIMAL_FIXTURE);
    licenseDepartments(emu, definition, undefined);
    const locationIds = createLocations(emu, definition, Date.now());
    const inputs = {
      department: "culture",
      assignments: definition.numbers.culture.map((r) => ({ ...r, numberType: "directRouting" })),
      locationIds,
      __provider: "(the text)",
    };

    const { stdout } = await promisify(execFile)(process.execPath, [join(dir, "driver.js")], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        NODE_PATH: join(__dirname, "..", "..", "..", "node_modules"),
        STACK_GRAPH_ENDPOINT: emu.url,
        TENANT_GRAPH_CA_FILE: emu.caFile,
        TENANT_GRAPH_STATIC_TOKEN: TOKEN,
        INPUTS: JSON.stringify(inputs),
      },
    });
    const result = JSON.parse(stdout);
    expect(result.checked.failures).toEqual([]);
    expect(result.created.id).toBe("numbers:culture");
    expect(result.created.outs.assignments.map((e: { number: string }) => e.number)).toEqual([
      "+34915550001",
      "+34915550002",
    ]);
    expect(result.read.props.assignments).toEqual(result.created.outs.assignments);
    expect(result.diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: true });
    expect(result.updated.outs.assignments).toHaveLength(1);
    // create 2 + update 1 (unassign) + delete 1.
    expect(emu.counters.snapshot().writes).toBe(4);
    expect(teamsArea(emu.state).numbers["+34915550002"].assignmentStatus).toBe("unassigned");

    const caBody = emu.caPem.split("\n")[1];
    for (const text of [serialized.text, stdout]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(caBody);
      expect(text).not.toContain(emu.url);
    }
  }, 60_000);
});
