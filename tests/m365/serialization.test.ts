/**
 * The provider as the engine runs it: serialized the way `dynamic.Resource` does (`serializeFunction` of
 * `() => provider`, node_modules/@pulumi/pulumi/dynamic/index.js `serializeProvider`), loaded in a fresh Node
 * process as cmd/dynamic-provider does (`require(text).handler()`, then `configure`), and driven through
 * check → create → read → update → delete against the emulator over HTTPS.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { startEmulator } from "../../src/emulator";
import type { EmulatorHandle } from "../../src/emulator";
import { groupLicensesProvider } from "../../src/m365";
import { desiredLicences } from "../../src/m365/licensing/desired";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";

const TOKEN = "serialized-provider-static-token";

/** What the child does with the deserialized provider; prints every result as JSON. */
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
  const changed = { ...checked.inputs, licences: [{ ...checked.inputs.licences[0], disabledPlans: [] }] };
  const diff = await provider.diff(created.id, created.outs, changed);
  const updated = await provider.update(created.id, created.outs, changed);
  await provider.delete(created.id, updated.outs);
  process.stdout.write(JSON.stringify({ checked, created, read, diff, updated }));
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

describe("the serialized GroupLicenses provider", () => {
  let emu: EmulatorHandle;
  let dir: string;

  beforeAll(async () => {
    // Processing finishes at once: the child polls on real time and cannot move the emulator's clock.
    emu = await startEmulator({ seed: MINIMAL_FIXTURE, timing: { groupQueuedMs: 0, groupProcessingMs: 0 } });
    dir = mkdtempSync(join(tmpdir(), "m365-serialized-"));
  });
  afterAll(async () => {
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs check/create/read/update/delete in a fresh process, with credentials from the environment only", async () => {
    // A local variable, as in the SDK (`() => provider`), so the object itself is captured, not a module.
    const provider = groupLicensesProvider;
    const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    expect(serialized.containsSecrets).toBe(false);
    writeFileSync(join(dir, "provider.js"), serialized.text);
    writeFileSync(join(dir, "driver.js"), DRIVER);
    const definition = loadValidDefinition(MINIMAL_FIXTURE);
    const mobility = definition.departments.find((d) => d.id === "mobility")!;
    const group = emu.state.groups.find((g) => g.departmentId === "mobility")!;
    const inputs = { ...desiredLicences(definition, mobility), groupId: group.id, __provider: "(the text)" };

    const { stdout } = await promisify(execFile)(process.execPath, [join(dir, "driver.js")], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        NODE_PATH: join(__dirname, "..", "..", "node_modules"),
        // The endpoint comes from stack config through configure(); CA and token from the environment.
        STACK_GRAPH_ENDPOINT: emu.url,
        TENANT_GRAPH_CA_FILE: emu.caFile,
        TENANT_GRAPH_STATIC_TOKEN: TOKEN,
        INPUTS: JSON.stringify(inputs),
      },
    });
    const result = JSON.parse(stdout);
    expect(result.checked.failures).toEqual([]);
    expect(result.created.id).toBe(group.id);
    expect(result.created.outs.resolved).toEqual([
      expect.objectContaining({ skuPartNumber: "SPE_E5", disabledPlans: ["YAMMER_ENTERPRISE"] }),
    ]);
    expect(result.read.props.licences).toEqual(result.created.outs.licences);
    expect(result.diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(result.updated.outs.resolved[0].disabledPlanIds).toEqual([]);
    // Delete ran last: the group holds nothing; 3 writes in all (create, update, delete).
    expect(group.assignedLicenses).toEqual([]);
    expect(emu.counters.snapshot().writes).toBe(3);

    // Nothing secret in the provider text or in anything the provider returned (the outputs go to state).
    const caBody = emu.caPem.split("\n")[1];
    for (const text of [serialized.text, stdout]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(caBody);
      expect(text).not.toContain(emu.url);
    }
  }, 60_000);
});
