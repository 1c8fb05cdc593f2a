/**
 * The AdministrativeUnit provider over real HTTPS against the emulator (example city, whose seed holds every
 * department's unit as `pulumi up` left it): adoption without writes, create, a one-field update, delete, a create
 * whose answer is lost (adopted, never duplicated) and duplicate names refused with both ids.
 */
import { join } from "node:path";
import { ManualClock, startEmulator, type EmulatorHandle } from "../../src/emulator";
import { administrativeUnitsAreaOf } from "../../src/emulator/state/administrativeUnits";
import { desiredAdministrativeUnit } from "../../src/identity/delegation/administrativeUnit/desired";
import { createAdministrativeUnitProvider } from "../../src/identity/delegation/administrativeUnit/provider";
import type { AdministrativeUnitOutputs } from "../../src/identity/delegation/administrativeUnit/operations";
import type { AdministrativeUnitInputs } from "../../src/resourceTypes";
import { loadValidDefinition } from "../../src/stackConfig";
import { STATIC_TOKEN } from "../m365/helpers/licensingEmulator";

const EXAMPLE = join(__dirname, "..", "..", "stacks", "example");
const definition = loadValidDefinition(EXAMPLE);
const shortName = definition.tenant.organization.shortName;
const inputsOf = (id: string): AdministrativeUnitInputs =>
  desiredAdministrativeUnit(
    shortName,
    definition.departments.find((d) => d.id === id)!,
  );

let emu: EmulatorHandle;
const clock = new ManualClock();
beforeAll(async () => {
  emu = await startEmulator({ seed: EXAMPLE, clock });
});
afterAll(async () => emu?.stop());
beforeEach(() => {
  Object.assign(emu.faults, {
    dropRate: 0,
    dropAfterWriteRate: 0,
    rate429: 0,
    rate503: 0,
    routes: undefined,
  });
  emu.counters.reset();
});

const provider = () =>
  createAdministrativeUnitProvider({
    env: {
      TENANT_GRAPH_ENDPOINT: emu.url,
      TENANT_GRAPH_CA_FILE: emu.caFile,
      TENANT_GRAPH_STATIC_TOKEN: STATIC_TOKEN,
    },
    client: { clock: { now: () => clock.now(), sleep: async (ms) => clock.advance(ms) }, random: () => 0.5 },
  });
const units = () => administrativeUnitsAreaOf(emu.state.doc).units;
const named = (name: string) => units().filter((u) => u.displayName === name);
const writes = () => Object.values(emu.counters.snapshot().byRoute).reduce((n, c) => n + c.writes, 0);

describe("AdministrativeUnit provider against the emulator", () => {
  it("adopts the unit a department already has, with no write", async () => {
    const inputs = inputsOf("hacienda");
    const seeded = named(inputs.displayName);
    expect(seeded).toHaveLength(1);
    const { id, outs } = await provider().create!(inputs);
    expect(id).toBe(seeded[0].id);
    expect(outs?.unitId).toBe(seeded[0].id);
    expect(writes()).toBe(0);
  });

  it("creates a dynamic unit with the department's rule, changes one field in one PATCH, and deletes it", async () => {
    const inputs = inputsOf("cultura");
    await provider().delete!(named(inputs.displayName)[0].id, { ...inputs, unitId: "" });
    expect(named(inputs.displayName)).toEqual([]);

    const { id } = await provider().create!(inputs);
    expect(named(inputs.displayName)).toEqual([
      expect.objectContaining({
        id,
        membershipType: "Dynamic",
        membershipRule: inputs.membershipRule,
        membershipRuleProcessingState: "On",
      }),
    ]);
    emu.counters.reset();
    await provider().update!(id, { ...inputs, unitId: id }, inputs);
    expect(writes()).toBe(0);

    const renamed = { ...inputs, membershipRule: '(user.department -eq "Cultura y Deporte")' };
    await provider().update!(id, { ...inputs, unitId: id }, renamed);
    expect(writes()).toBe(1);
    expect(named(inputs.displayName)[0].membershipRule).toBe(renamed.membershipRule);

    await provider().delete!(id, { ...renamed, unitId: id } as AdministrativeUnitOutputs);
    expect(named(inputs.displayName)).toEqual([]);
    // A unit already gone is not an error: a re-run of a failed destroy converges.
    await provider().delete!(id, { ...renamed, unitId: id } as AdministrativeUnitOutputs);
  });

  it("finds the unit again when the create's answer is lost, instead of making a second one", async () => {
    const inputs = inputsOf("deportes");
    await provider().delete!(named(inputs.displayName)[0].id, { ...inputs, unitId: "" });
    Object.assign(emu.faults, {
      dropAfterWriteRate: 1,
      routes: ["POST /v1.0/directory/administrativeUnits"],
    });
    const { id } = await provider().create!(inputs);
    const post = emu.counters.snapshot().byRoute["POST /v1.0/directory/administrativeUnits"];
    expect(post).toMatchObject({ writes: 1, faulted: 1 });
    expect(named(inputs.displayName).map((u) => u.id)).toEqual([id]);
  });

  it("refuses to pick one of two units with the department's name, naming both", async () => {
    const inputs = inputsOf("educacion");
    const [first] = named(inputs.displayName);
    // Someone made a second unit with the same name by hand.
    const copy = "00000000-0000-4000-8000-000000000001";
    units().push({ ...first, id: copy });
    await expect(provider().create!(inputs)).rejects.toThrow(
      `2 administrative units are named '${inputs.displayName}' (${first.id}, ${copy})`,
    );
    expect(writes()).toBe(0);
  });
});
