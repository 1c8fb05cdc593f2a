/**
 * The GroupLicenses provider as the engine runs it (tests/helpers/serializedProvider.ts): the program's singleton
 * serialized as `dynamic.Resource` does, loaded in a fresh process in the engine's working directory, and driven
 * through check → create → read → check → diff → update → delete against the emulator over HTTPS; the endpoint
 * comes from stack config through `configure`, CA and token from the environment only.
 */
import { startEmulator } from "../../src/emulator";
import type { EmulatorHandle } from "../../src/emulator";
import { groupLicensesProvider } from "../../src/m365";
import { desiredLicences } from "../../src/m365/licensing/desired";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import {
  expectSmallPortableProvider,
  runSerializedProvider,
  serializeAsTheSdkDoes,
} from "../helpers/serializedProvider";

const TOKEN = "serialized-provider-static-token";

describe("the serialized GroupLicenses provider", () => {
  let emu: EmulatorHandle;

  beforeAll(async () => {
    // Processing finishes at once: the child polls on real time and cannot move the emulator's clock.
    emu = await startEmulator({ seed: MINIMAL_FIXTURE, timing: { groupQueuedMs: 0, groupProcessingMs: 0 } });
  });
  afterAll(async () => {
    await emu.stop();
  });

  it("is small, holds no secret and no path of this checkout", async () => {
    await expectSmallPortableProvider(groupLicensesProvider);
  });

  it("runs check/create/read/diff/update/delete in a fresh process, with credentials from the environment only", async () => {
    const serialized = await serializeAsTheSdkDoes(groupLicensesProvider);
    const definition = loadValidDefinition(MINIMAL_FIXTURE);
    const mobility = definition.departments.find((d) => d.id === "mobility")!;
    const group = emu.state.groups.find((g) => g.departmentId === "mobility")!;
    const create = { ...desiredLicences(definition, mobility), groupId: group.id };
    const update = { ...create, licences: [{ ...create.licences[0], disabledPlans: [] }] };

    const { results, stdout } = await runSerializedProvider(serialized.text, {
      lifecycles: [{ name: "mobility", create, update }],
      stackConfig: { "tenant:graphEndpoint": emu.url },
      env: { TENANT_GRAPH_CA_FILE: emu.caFile, TENANT_GRAPH_STATIC_TOKEN: TOKEN },
    });
    const result = results.mobility;
    expect(result.checked.failures).toEqual([]);
    expect(result.created.id).toBe(group.id);
    expect(result.created.outs.resolved).toEqual([
      expect.objectContaining({ skuPartNumber: "SPE_E5", disabledPlans: ["YAMMER_ENTERPRISE"] }),
    ]);
    expect(result.read.props!.licences).toEqual(result.created.outs.licences);
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
  });
});
