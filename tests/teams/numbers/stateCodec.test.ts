/**
 * How NumberAssignments' entries are stored (src/teams/numbers/stateCodec.ts): lines in inputs, `held` in outputs,
 * every older shape still read, and the migration of a stack written by an older version: its first update
 * rewrites the state and sends nothing to the tenant.
 */
import {
  decodeEntry,
  decodeOutputs,
  encodeEntry,
  encodeInputs,
  encodeOutputs,
  deflateHeld,
  DEFLATED_PREFIX,
  inflateHeld,
  isLegacyState,
  numberEntriesOf,
  withNumbersStateCodec,
} from "../../../src/teams/numbers/stateCodec";
import type { NumberEntry } from "../../../src/teams/numbers";
import { locationIdsUsed } from "../../../src/teams/layerNumbers";
import { MINIMAL_FIXTURE } from "../../helpers/definitionFixture";
import { startNumbersEmulator, type NumbersEmulator } from "./helpers/numbersEmulator";

const ana: NumberEntry = {
  number: "+34915550001",
  userPrincipalName: "ana@villa.example",
  emergencyLocation: "town-hall-p0",
  numberType: "directRouting",
  category: "primary",
};
const LINE = "+34915550001 ana@villa.example town-hall-p0 directRouting primary";

describe("entry lines", () => {
  it("an entry is one line of its five fields, and reads back the same", () => {
    expect(encodeEntry(ana)).toBe(LINE);
    expect(decodeEntry(LINE)).toEqual(ana);
    expect(decodeEntry("+34915550001 ana@villa.example")).toBeUndefined();
  });

  it("refuses a field the line cannot carry, naming it", () => {
    expect(() => encodeEntry({ ...ana, emergencyLocation: "town hall" })).toThrow(
      'NumberAssignments: emergencyLocation "town hall" of +34915550001 is empty or holds whitespace',
    );
    expect(() => encodeEntry({ ...ana, userPrincipalName: "" })).toThrow(/userPrincipalName "" of/);
  });
});

describe("numberEntriesOf reads every shape state or a render holds", () => {
  it("inputs as lines, older inputs as objects, and outputs' held lines", () => {
    expect(numberEntriesOf({ assignments: [LINE] })).toEqual([ana]);
    expect(numberEntriesOf({ assignments: [ana] })).toEqual([ana]);
    expect(numberEntriesOf({ held: deflateHeld(`${LINE} user-1`) })).toEqual([ana]);
    // The previous version's plain lines.
    expect(numberEntriesOf({ held: `${LINE} user-1` })).toEqual([ana]);
    expect(numberEntriesOf({ held: "" })).toEqual([]);
    expect(numberEntriesOf(undefined)).toEqual([]);
  });

  it("outputs keep each user's object id through a round trip; inputs lose nothing else", () => {
    const outputs = {
      department: "culture",
      assignments: [ana],
      userIds: { "ana@villa.example": "user-1" },
      failed: [],
    };
    const stored = encodeOutputs(outputs);
    expect(stored).toEqual({
      department: "culture",
      held: expect.stringMatching(/^deflate-raw;base64,/),
      failed: [],
    });
    expect(inflateHeld(stored.held as string)).toBe(`${LINE} user-1`);
    expect(decodeOutputs(stored)).toEqual(outputs);
    expect(encodeInputs({ department: "culture", assignments: [ana], locationIds: { a: "b" } })).toEqual({
      department: "culture",
      assignments: [LINE],
      locationIds: { a: "b" },
    });
    expect(isLegacyState(outputs)).toBe(true);
    expect(isLegacyState(stored)).toBe(false);
    expect(isLegacyState({ held: `${LINE} user-1` })).toBe(true);
    expect(isLegacyState({ held: "" })).toBe(false);
  });

  it("held is stored deflated: a department's 500 numbers take well under half the bytes of their lines", () => {
    const lines = Array.from({ length: 500 }, (_, i) => {
      const n = String(915550000 + i);
      return `+34${n} user${i}@villa.example town-hall-p${i % 7} directRouting primary ${uuidOf(i)}`;
    }).join("\n");
    const stored = deflateHeld(lines);
    expect(stored.startsWith(DEFLATED_PREFIX)).toBe(true);
    expect(inflateHeld(stored)).toBe(lines);
    expect(stored.length).toBeLessThan(lines.length / 2);
  });
});

/** A stable id that looks like an object id (hex, as random to deflate as a real one is not needed here). */
function uuidOf(i: number): string {
  const h = (i * 2654435761).toString(16).padStart(8, "0").slice(-8);
  return `${h}-${h.slice(0, 4)}-5${h.slice(1, 4)}-a${h.slice(2, 5)}-${h}${h.slice(0, 4)}`;
}

describe("migrating a stack whose state holds entries as objects", () => {
  let t: NumbersEmulator;
  beforeAll(async () => {
    t = await startNumbersEmulator(MINIMAL_FIXTURE);
  });
  afterAll(() => t.stop());

  it("the next up updates the state only: a change in preview, no write to the tenant, then no change", async () => {
    // What an older version wrote: the provider's objects as they are.
    const older = t.provider();
    const checkedBefore = await older.check!({} as never, t.inputs("culture"));
    const legacy = (await older.create(checkedBefore.inputs!)).outs! as unknown as Record<string, unknown>;
    expect(Array.isArray(legacy.assignments)).toBe(true);

    const engine = withNumbersStateCodec(t.provider());
    const checked = await engine.check!(checkedBefore.inputs!, encodeInputs({ ...t.inputs("culture") }));
    expect(checked.failures).toEqual([]);
    expect((await engine.diff!("numbers:culture", legacy, checked.inputs!)).changes).toBe(true);

    t.emu.counters.reset();
    const updated = await engine.update!("numbers:culture", legacy, checked.inputs!);
    expect(t.writes()).toBe(0);
    expect(updated.outs).not.toHaveProperty("assignments");
    expect(numberEntriesOf(updated.outs)).toEqual(numberEntriesOf(legacy));
    expect((await engine.diff!("numbers:culture", updated.outs, checked.inputs!)).changes).toBe(false);

    await engine.delete!("numbers:culture", updated.outs);
    expect(t.holder(ana.number)).toBeNull();
  });

  it("a stack whose locationIds hold every location of the city: no change, and an update stores the department's own, sending nothing", async () => {
    const engine = withNumbersStateCodec(t.provider());
    // The city's map as the layer used to give every department: its own locations and another department's.
    const mine = t.inputs("culture");
    const full = {
      ...mine,
      locationIds: { ...mine.locationIds, "depot-west-p0": "7d0c4f1e-5a4b-4c2e-9f3a-0000000000aa" },
    };
    const checked = await engine.check!({} as never, encodeInputs({ ...full }));
    const created = (await engine.create(checked.inputs!)).outs! as Record<string, unknown>;
    // What the layer now gives the department (src/teams/layerNumbers.ts).
    const own = { ...full, locationIds: locationIdsUsed(full.locationIds, full.assignments) };
    expect(Object.keys(own.locationIds).length).toBeLessThan(Object.keys(full.locationIds ?? {}).length);
    const rechecked = await engine.check!(checked.inputs!, encodeInputs({ ...own }));
    expect(rechecked.failures).toEqual([]);
    // No change: the engine keeps the resource (a same step records the smaller inputs) and sends nothing.
    expect((await engine.diff!("numbers:culture", created, rechecked.inputs!)).changes).toBe(false);
    // The department's next update stores the smaller map in its outputs too, still without a write.
    t.emu.counters.reset();
    const updated = await engine.update!("numbers:culture", created, rechecked.inputs!);
    expect(t.writes()).toBe(0);
    expect(updated.outs!.locationIds).toEqual(own.locationIds);
    await engine.delete!("numbers:culture", updated.outs);
  });

  it("a stack whose held is plain lines (the previous version) is rewritten deflated, sending nothing", async () => {
    const engine = withNumbersStateCodec(t.provider());
    const checked = await engine.check!({} as never, encodeInputs({ ...t.inputs("culture") }));
    const created = (await engine.create(checked.inputs!)).outs! as Record<string, unknown>;
    const plain = { ...created, held: inflateHeld(created.held as string) };
    expect(plain.held).toMatch(/^\+/);
    expect((await engine.diff!("numbers:culture", plain, checked.inputs!)).changes).toBe(true);

    t.emu.counters.reset();
    const updated = await engine.update!("numbers:culture", plain, checked.inputs!);
    expect(t.writes()).toBe(0);
    expect(updated.outs!.held).toMatch(/^deflate-raw;base64,/);
    expect(numberEntriesOf(updated.outs)).toEqual(numberEntriesOf(plain));
    expect((await engine.diff!("numbers:culture", updated.outs, checked.inputs!)).changes).toBe(false);
    await engine.delete!("numbers:culture", updated.outs);
  });
});
