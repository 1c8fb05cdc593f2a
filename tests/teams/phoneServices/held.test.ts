import {
  checkPhoneSchedules,
  decodeHeld,
  diffItems,
  encodeHeld,
  phoneSchedulesItems,
  scheduleIdsOf,
  type Held,
} from "../../../src/teams/phoneServices";
import { phoneScheduleSources } from "../../../src/teams/phoneServices/diff";
import { hashOf } from "../../../src/teams/phoneServices/held";
import { holidayScheduleSpec, ownHoursSpec } from "../../../src/teams/phoneServices/resolve";

describe("phone services: held lines, hashes, schedules (pure)", () => {
  it("round-trips names with spaces, accents and separators, in a stable order", () => {
    const held: Held = new Map();
    held.set("queue línea 010 | impuestos", {
      kind: "queue",
      key: "Línea 010 | Impuestos",
      id: "q-1",
      hash: "abc123abc123",
    });
    held.set("number ra@x.example", {
      kind: "number",
      key: "ra@x.example",
      id: "+34915550001|directRouting",
      hash: "def456def456",
    });
    held.set("schedule madrid 2027#2", {
      kind: "schedule",
      key: "Madrid 2027#2",
      id: "s 2",
      hash: "0123456789ab",
    });
    const text = encodeHeld(held);
    expect(text.split("\n").map((l) => l.split(" ")[0])).toEqual(["schedule", "queue", "number"]);
    expect(text).not.toMatch(/Línea 010/);
    expect(decodeHeld(text)).toEqual(held);
    expect(decodeHeld("garbage\nqueue only-two")).toEqual(new Map());
  });

  it("hashes objects independently of key order and ignores undefined fields", () => {
    expect(hashOf({ a: 1, b: [1, { c: 2, d: undefined }] })).toBe(hashOf({ b: [1, { c: 2 }], a: 1 }));
    expect(hashOf({ a: 1 })).not.toBe(hashOf({ a: 2 }));
    expect(hashOf({ a: 1 })).toMatch(/^[0-9a-f]{12}$/);
  });

  it("splits a calendar into fixed schedules of at most 10 dates, in date order, and maps ids back by name", () => {
    const entries = Array.from({ length: 21 }, (_, i) => ({
      date: `2027-${String(12 - Math.floor(i / 2)).padStart(2, "0")}-0${1 + (i % 2)}`,
      name: `h${i}`,
    }));
    const sources = phoneScheduleSources({ holidayCalendars: [{ name: "City", entries }], schedules: [] });
    expect(sources.map((s) => [s.key, s.name])).toEqual([
      ["City#1", "City"],
      ["City#2", "City (2)"],
      ["City#3", "City (3)"],
    ]);
    const first = sources[0].spec as { kind: "fixed"; entries: { date: string }[] };
    expect(first.entries).toHaveLength(10);
    expect(first.entries[0].date).toBe("2027-02-01");
    const held: Held = new Map(
      sources.map((s, i) => [
        `schedule ${s.key.toLowerCase()}`,
        { kind: "schedule", key: s.key, id: `id${i}`, hash: "h" },
      ]),
    );
    held.set("schedule hours", { kind: "schedule", key: "Hours", id: "w", hash: "h" });
    expect(scheduleIdsOf(held)).toEqual({ City: ["id0", "id1", "id2"], Hours: ["w"] });
  });

  it("a holiday added to a full chunk changes only the chunks after it", () => {
    const day = (m: number, d: number) => ({
      date: `2027-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      name: "x",
    });
    const ten = Array.from({ length: 10 }, (_, i) => day(1 + i, 10));
    const before = phoneSchedulesItems({ holidayCalendars: [{ name: "C", entries: ten }], schedules: [] });
    const held: Held = new Map(before.map((i) => [`schedule ${i.key.toLowerCase()}`, { ...i, id: i.key }]));
    const after = phoneSchedulesItems({
      holidayCalendars: [{ name: "C", entries: [...ten, day(12, 24)] }],
      schedules: [],
    });
    const d = diffItems(after, held);
    expect(d.create.map((i) => i.key)).toEqual(["C#2"]);
    expect(d.update).toEqual([]);
  });

  it("builds whole-day holidays and an attendant's own hours", () => {
    expect(
      holidayScheduleSpec("C", [{ date: "2027-12-31" }, { date: "2027-12-24T14:00", end: "2027-12-25" }]),
    ).toEqual({
      name: "C",
      kind: "fixed",
      dates: [
        { start: "2027-12-31T00:00", end: "2028-01-01T00:00" },
        { start: "2027-12-24T14:00", end: "2027-12-25T00:00" },
      ],
    });
    expect(ownHoursSpec("a", { friday: [{ start: "08:00", end: "14:00" }], monday: [] })).toEqual({
      name: "a hours",
      kind: "weekly",
      hours: { friday: [{ start: "08:00", end: "14:00" }] },
    });
  });

  it("check of PhoneSchedules names the calendar entry that is wrong", () => {
    expect(
      checkPhoneSchedules({
        holidayCalendars: [
          {
            name: "C",
            entries: [
              { date: "2027-02-30", name: "no such day" },
              { date: "2027-12-24T14:00", name: "fine" },
            ],
          },
        ],
        schedules: [
          {
            name: "C",
            weekly: {
              monday: [
                { start: "08:00", end: "14:00" },
                { start: "13:45", end: "24:00" },
              ],
              friday: [{ start: "09:10", end: "10:00" }],
            },
          },
        ],
      }),
    ).toEqual([
      {
        property: "schedules[0].weekly.monday[1]",
        reason: "13:45–24:00 overlaps monday[0]",
      },
      {
        property: "schedules[0].weekly.friday[0]",
        reason: "09:10–10:00 is not a range of HH:mm on 15-minute boundaries, start before end",
      },
      { property: "holidayCalendars[0].name", reason: "'C' names two calendars or schedules" },
      {
        property: "holidayCalendars[0].entries[0].date",
        reason: "'2027-02-30' is not a real date (yyyy-mm-dd or yyyy-mm-ddTHH:mm)",
      },
    ]);
  });
});
