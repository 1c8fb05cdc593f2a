import { z } from "zod";
import { formatDiagnostic, formatPath, type FieldPath } from "../../src/config/diagnostics";
import { closest, knownKeysAt, schemaDiagnostics, type Locator } from "../../src/config/schemaIssues";

/** Puts every field on its own line: line = depth of the path, column 1 for a key and 3 for a value. */
const locator: Locator = {
  file: "departments/culture.yaml",
  locate: (path: FieldPath, key = false) => ({ line: path.length, column: key ? 1 : 3 }),
};

const schema = z.strictObject({
  id: z.string().min(1),
  displayName: z.string().max(5),
  reason: z.string().min(10, "must say why in at least 10 characters"),
  headcount: z.int().min(1).max(500),
  owners: z.array(z.string()).min(1).max(2),
  lifecycle: z.enum(["active", "retiring"]).optional(),
  budget: z.strictObject({ monthlyAmount: z.number(), contacts: z.array(z.string()).default([]) }).optional(),
  network: z
    .union([z.strictObject({ addressSpace: z.string() }), z.strictObject({ none: z.boolean() })])
    .optional(),
});

const VALID = {
  id: "culture",
  displayName: "Cult",
  reason: "Wins over districts",
  headcount: 40,
  owners: ["ana@villa.example"],
};

/** The lines a user sees for `data` (a change to a valid department). */
function problems(change: Record<string, unknown>): string[] {
  const data = { ...VALID, ...change };
  const checked = schema.safeParse(data);
  if (checked.success) return [];
  return schemaDiagnostics(locator, schema, data, checked.error.issues).map(formatDiagnostic);
}

describe("schemaDiagnostics: what each kind of schema issue tells the user", () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ["a valid file", {}, []],
    [
      "a required field missing",
      { id: undefined },
      ["departments/culture.yaml:1:3: id: required field is missing — add 'id' (a string)"],
    ],
    [
      "a value of the wrong type, in YAML's words",
      { headcount: "forty" },
      [
        'departments/culture.yaml:1:3: headcount: expected a number, found string "forty" — write a number here',
      ],
    ],
    [
      "a mapping where a list is expected",
      { owners: { ana: true } },
      ["departments/culture.yaml:1:3: owners: expected a list, found a mapping — write a list here"],
    ],
    [
      "null where a string is expected",
      { displayName: null },
      [
        "departments/culture.yaml:1:3: displayName: expected a string, found nothing (null) — write a string here",
      ],
    ],
    [
      "a value outside an enumeration names the allowed ones",
      { lifecycle: "retired" },
      ['departments/culture.yaml:1:3: lifecycle: "retired" is not allowed — use one of: active, retiring'],
    ],
    ["an empty string", { id: "" }, ["departments/culture.yaml:1:3: id: must not be empty — write a value"]],
    [
      "a string shorter than its minimum says the minimum, not that it is empty",
      { reason: "Test" },
      [
        'departments/culture.yaml:1:3: reason: "Test" is shorter than 10 characters — write at least 10 characters',
      ],
    ],
    [
      "a string longer than its maximum",
      { displayName: "Cultura" },
      ["departments/culture.yaml:1:3: displayName: is longer than 5 characters — shorten it"],
    ],
    [
      "a number below its minimum",
      { headcount: 0 },
      ["departments/culture.yaml:1:3: headcount: 0 is too small: it must be at least 1 — raise it"],
    ],
    [
      "a number above its maximum",
      { headcount: 501 },
      ["departments/culture.yaml:1:3: headcount: 501 is too large: it must be at most 500 — lower it"],
    ],
    [
      "an empty list",
      { owners: [] },
      ["departments/culture.yaml:1:3: owners: needs at least 1 entry — add one"],
    ],
    [
      "a list too long",
      { owners: ["a", "b", "c"] },
      ["departments/culture.yaml:1:3: owners: has more than 2 entries — remove entries"],
    ],
    [
      "a nested field points at its full path",
      { budget: { monthlyAmount: "lots" } },
      [
        'departments/culture.yaml:2:3: budget.monthlyAmount: expected a number, found string "lots" — write a number here',
      ],
    ],
    [
      "a misspelt key points at the key and suggests the field meant",
      { budget: { montlyAmount: 5, monthlyAmount: 5 } },
      [
        "departments/culture.yaml:2:1: budget.montlyAmount: unknown field 'montlyAmount' — remove it or correct the spelling (did you mean 'monthlyAmount'?)",
      ],
    ],
    [
      "an unknown key far from every field lists the allowed ones",
      { budget: { monthlyAmount: 5, colour: "red" } },
      [
        "departments/culture.yaml:2:1: budget.colour: unknown field 'colour' — remove it or correct the spelling (allowed here: monthlyAmount, contacts)",
      ],
    ],
    [
      "a value matching no form of a union names each form's keys",
      { network: { addressSpac: "10.0.0.0/24" } },
      [
        "departments/culture.yaml:1:3: network: does not match any accepted form — write either { addressSpace } or { none }",
      ],
    ],
  ])("%s", (_name, change, expected) => expect(problems(change)).toEqual(expected));

  it("prefixes a base path (a row's fields inside a CSV file or a nested document)", () => {
    const data = { ...VALID, headcount: 0 };
    const issues = schema.safeParse(data).error!.issues;
    const [d] = schemaDiagnostics(locator, schema, data, issues, ["departments", 2]);
    expect([d.path, d.line]).toEqual([formatPath(["departments", 2, "headcount"]), 3]);
  });

  it("shortens a long value it quotes", () => {
    const long = "x".repeat(80);
    expect(problems({ lifecycle: long })).toEqual([
      `departments/culture.yaml:1:3: lifecycle: "${"x".repeat(56)}... is not allowed — use one of: active, retiring`,
    ]);
  });
});

describe("knownKeysAt", () => {
  it.each<[FieldPath, string[]]>([
    [[], ["id", "displayName", "reason", "headcount", "owners", "lifecycle", "budget", "network"]],
    [["budget"], ["monthlyAmount", "contacts"]],
    [["network"], ["addressSpace", "none"]],
    [["owners"], []],
    [["nowhere", "deeper"], []],
  ])("at %j: %j", (path, keys) => expect(knownKeysAt(schema, path)).toEqual(keys));
});

describe("closest", () => {
  it.each<[string, string[], string | undefined]>([
    ["mobilty", ["culture", "mobility"], "mobility"],
    ["CULTURE", ["culture"], "culture"],
    ["ab", ["xy"], "xy"], // two edits are always close enough for a short word
    ["abc", ["xyz"], undefined],
    ["transportation", ["transport"], undefined], // five edits, over a third of the word
    ["transportatio", ["transport"], "transport"], // four: a third of thirteen, rounded down
    ["anything", [], undefined],
  ])("%s among %j is %s", (word, candidates, expected) => expect(closest(word, candidates)).toBe(expected));
});
