/**
 * The NumberAssignments provider as the engine runs it (tests/helpers/serializedProvider.ts): serialized as
 * `dynamic.Resource` does, loaded in a fresh process in the engine's working directory, and driven through
 * check → create → read → check → diff → update → delete against the emulator over HTTPS, with the endpoint
 * from stack config and CA and token from the environment only.
 */
import { inflateHeld } from "../../../src/teams/numbers/stateCodec";
import { startEmulator, type EmulatorHandle } from "../../../src/emulator";
import { teamsArea } from "../../../src/emulator/state/teams";
import { lazyProvider } from "../../../src/dynamic/lazyProvider";
import { loadValidDefinition } from "../../../src/stackConfig";
import { numberAssignmentsProvider } from "../../../src/teams/numbers";
import { MINIMAL_FIXTURE } from "../../helpers/definitionFixture";
import {
  expectSmallPortableProvider,
  runSerializedProvider,
  serializeAsTheSdkDoes,
} from "../../helpers/serializedProvider";
import { createLocations, licenseDepartments } from "./helpers/numbersEmulator";

const TOKEN = "serialized-numbers-provider-static-token";

describe("the serialized NumberAssignments provider", () => {
  let emu: EmulatorHandle;

  beforeAll(async () => {
    // Real time in the child: operations end at once and the child polls after 20 ms.
    emu = await startEmulator({ seed: MINIMAL_FIXTURE });
    Object.assign(teamsArea(emu.state).timing, { numberQueuedMs: 0, numberProcessingMs: 0 });
  });
  afterAll(async () => {
    await emu.stop();
  });

  it("the program's provider singleton is small, holds no secret and no path of this checkout", async () => {
    await expectSmallPortableProvider(numberAssignmentsProvider);
  });

  it("runs check/create/read/diff/update/delete in a fresh process, with credentials from the environment only", async () => {
    // Plain options only (poll timing), stored in the text as JSON like the singleton's (none).
    const provider = lazyProvider("numberAssignments", {
      admin: { poll: { initialDelayMs: 20, maxDelayMs: 100 } },
    });
    const serialized = await serializeAsTheSdkDoes(provider);
    expect(serialized.containsSecrets).toBe(false);
    const definition = loadValidDefinition(MINIMAL_FIXTURE);
    licenseDepartments(emu, definition, undefined);
    const locationIds = createLocations(emu, definition, Date.now());
    const create = {
      department: "culture",
      assignments: definition.numbers.culture.map((r) => ({ ...r, numberType: "directRouting" })),
      locationIds,
    };

    const { results, stdout } = await runSerializedProvider(serialized.text, {
      lifecycles: [
        { name: "culture", create, update: { ...create, assignments: create.assignments.slice(1) } },
      ],
      stackConfig: { "tenant:graphEndpoint": emu.url },
      env: { TENANT_GRAPH_CA_FILE: emu.caFile, TENANT_GRAPH_STATIC_TOKEN: TOKEN },
    });
    const result = results.culture;
    expect(result.checked.failures).toEqual([]);
    expect(result.created.id).toBe("numbers:culture");
    // Stored as the engine keeps it (stateCodec.ts): inputs as lines, what the tenant holds in `held`.
    expect(result.checked.inputs.assignments).toEqual(
      create.assignments.map(
        (e) => `${e.number} ${e.userPrincipalName} ${e.emergencyLocation} directRouting ${e.category}`,
      ),
    );
    const heldNumbers = (held: string) => {
      expect(held).toMatch(/^deflate-raw;base64,/);
      return inflateHeld(held)
        .split("\n")
        .map((line) => line.split(" ")[0]);
    };
    expect(heldNumbers(result.created.outs.held as string)).toEqual(["+34915550001", "+34915550002"]);
    expect(result.created.outs).not.toHaveProperty("assignments");
    expect(result.created.outs).not.toHaveProperty("userIds");
    expect(result.read.props!.held).toEqual(result.created.outs.held);
    expect(result.diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: true });
    expect(heldNumbers(result.updated.outs.held as string)).toHaveLength(1);
    // create 2 + update 1 (unassign) + delete 1.
    expect(emu.counters.snapshot().writes).toBe(4);
    expect(teamsArea(emu.state).numbers["+34915550002"].assignmentStatus).toBe("unassigned");

    const caBody = emu.caPem.split("\n")[1];
    for (const text of [serialized.text, stdout]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(caBody);
      expect(text).not.toContain(emu.url);
    }
  });
});
