/**
 * The Teams voice provider (every kind behind one object) as the engine runs it (tests/helpers/serializedProvider.ts):
 * the program's singleton serialized as `dynamic.Resource` does, loaded in a fresh process in the engine's working
 * directory, and driven through check → create → read → check → diff → update → delete for a PowerShell-backed
 * policy, an emergency address with locations and the PSTN usages, against the emulator through the fake `pwsh`.
 * The Graph endpoint comes from stack config through `configure` (and reaches the driver from there); CA, token and
 * the pwsh path from the environment only.
 */
import { startEmulator, type EmulatorHandle } from "../../../src/emulator";
import { teamsArea } from "../../../src/emulator/state/teams";
import { teamsProvider } from "../../../src/teams/provider";
import { MINIMAL_FIXTURE } from "../../helpers/definitionFixture";
import {
  expectSmallPortableProvider,
  runSerializedProvider,
  serializeAsTheSdkDoes,
} from "../../helpers/serializedProvider";
import { FAKE_PWSH } from "../powershell/helpers/fakeSession";

const TOKEN = "serialized-teams-provider-static-token";

const callingPolicy = (voicemail: string) => ({
  kind: "CallingPolicy",
  name: "Serialized",
  allowPrivateCalling: true,
  allowVoicemail: voicemail,
});
const address = (floor: string) => ({
  kind: "EmergencyAddress",
  key: "hall",
  companyName: "Ayuntamiento",
  houseNumber: "1",
  streetName: "Plaza Mayor",
  city: "Villa",
  postalCode: "28001",
  countryOrRegion: "ES",
  latitude: 40.4168,
  longitude: -3.7038,
  locations: [
    { id: "p0", name: "Planta baja" },
    { id: "p1", name: floor },
  ],
});

describe("the serialized Teams voice provider", () => {
  let emu: EmulatorHandle;

  beforeAll(async () => {
    emu = await startEmulator({ seed: MINIMAL_FIXTURE });
  });
  afterAll(async () => {
    await emu.stop();
  });

  it("the program's provider singleton is small, holds no secret and no path of this checkout", async () => {
    await expectSmallPortableProvider(teamsProvider);
  });

  it("runs each kind's check/create/read/diff/update/delete in a fresh process", async () => {
    const serialized = await serializeAsTheSdkDoes(teamsProvider);
    const { results, stdout } = await runSerializedProvider(serialized.text, {
      lifecycles: [
        { name: "policy", create: callingPolicy("UserOverride"), update: callingPolicy("AlwaysEnabled") },
        { name: "address", create: address("Planta 1"), update: address("Planta primera") },
        {
          name: "usages",
          create: { kind: "PstnUsages", usages: ["Local", "Intl"] },
          update: { kind: "PstnUsages", usages: ["Local"] },
        },
      ],
      stackConfig: { "tenant:graphEndpoint": emu.url },
      env: {
        TENANT_GRAPH_CA_FILE: emu.caFile,
        TENANT_GRAPH_STATIC_TOKEN: TOKEN,
        TENANT_PWSH_PATH: FAKE_PWSH,
      },
    });

    const { policy, address: addr, usages } = results;
    expect(policy.checked.failures ?? []).toEqual([]);
    expect(policy.created.id).toBe("Serialized");
    expect(policy.created.outs).toMatchObject({
      kind: "CallingPolicy",
      settings: { AllowPrivateCalling: true, AllowVoicemail: "UserOverride" },
    });
    expect(policy.read.props).toEqual(policy.created.outs);
    expect(policy.diff.changes).toBe(true);
    expect(policy.updated.outs.settings).toEqual({
      AllowPrivateCalling: true,
      AllowVoicemail: "AlwaysEnabled",
    });

    expect(Object.keys(addr.created.outs.locationIds)).toEqual(["p0", "p1"]);
    expect(addr.read.props).toEqual(addr.created.outs);
    expect(addr.diff.changes).toBe(true);
    expect(addr.updated.outs.locationIds).toEqual(addr.created.outs.locationIds);

    expect(usages.created.outs.added).toEqual(["Local", "Intl"]);
    expect(usages.updated.outs.added).toEqual(["Local"]);

    // Every delete ran: the tenant holds none of it again.
    const area = teamsArea(emu.state);
    expect(area.policies.find((p) => p.name === "Serialized")).toBeUndefined();
    expect(area.civicAddresses).toEqual([]);
    expect(area.pstnUsages).not.toEqual(expect.arrayContaining(["Local"]));
    expect(area.pstnUsages).not.toContain("Intl");

    const caBody = emu.caPem.split("\n")[1];
    for (const text of [serialized.text, stdout]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(caBody);
      expect(text).not.toContain(emu.url);
    }
  });
});
