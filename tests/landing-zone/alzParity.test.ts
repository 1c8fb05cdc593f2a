import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parityRows } from "../../src/landing-zone/alzParity";
import { alzParityDoc, loadAlzLibrary } from "./helpers/alzLibrary";

const LIBRARY = loadAlzLibrary();
const DOC = join(__dirname, "..", "..", "docs", "alz-parity.md");

test("docs/alz-parity.md is current (npm run gen or UPDATE_GOLDEN=1 regenerates it)", () => {
  const markdown = alzParityDoc();
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(DOC, markdown);
  expect(readFileSync(DOC, "utf8")).toBe(markdown);
});

test("every ALZ assignment is either adopted or has a reason", () => {
  const rows = parityRows(LIBRARY);
  expect(rows).toHaveLength(LIBRARY.filter((a) => a.library === "ALZ").length);
  expect(rows.filter((r) => r.note === "").map((r) => r.assignment)).toEqual([]);
});

test("an adopted assignment uses the built-in definition ALZ uses", async () => {
  const { ARCHETYPE_ASSIGNMENTS } = await import("../../src/landing-zone/archetypes");
  const byName = new Map(LIBRARY.map((a) => [a.assignment, a]));
  for (const spec of Object.values(ARCHETYPE_ASSIGNMENTS).flat()) {
    const alz = byName.get(spec.key);
    if (!alz || !("builtIn" in spec.policy)) continue;
    expect({ key: spec.key, id: alz.policyDefinitionId.split("/").pop() }).toEqual({
      key: spec.key,
      id: spec.policy.name,
    });
  }
});
