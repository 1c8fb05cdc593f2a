import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parityRows } from "../../src/landing-zone/alzParity";
import { alzParityDoc, loadAlzLibrary } from "./helpers/alzLibrary";
import { baselineContext } from "./helpers/baselineContext";

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

test("ALZ's decommissioned set counts as adopted only while both its members are assigned there", async () => {
  const { ARCHETYPE_ASSIGNMENTS } = await import("../../src/landing-zone/archetypes");
  const row = (table?: typeof ARCHETYPE_ASSIGNMENTS) =>
    parityRows(LIBRARY, table).find((r) => r.assignment === "Enforce-ALZ-Decomm");
  expect(row()).toMatchObject({
    adopted: true,
    note: expect.stringMatching(/^as its members: both assigned/),
  });
  const withoutShutdown = {
    ...ARCHETYPE_ASSIGNMENTS,
    decommissioned: ARCHETYPE_ASSIGNMENTS.decommissioned.filter((s) => s.key !== "Deploy-Decomm-VM-Shutdn"),
  };
  expect(row(withoutShutdown)).toMatchObject({ adopted: false, note: expect.stringMatching(/^partly: /) });
  // The sandbox set's peering member differs from ALZ's (the hub allowed): partly, though both are assigned.
  expect(parityRows(LIBRARY).find((r) => r.assignment === "Enforce-ALZ-Sandbox")).toMatchObject({
    adopted: false,
  });
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

/** ALZ's archetype names → ours. */
const OUR_ARCHETYPE: Record<string, string> = { landing_zones: "landingZones" };

test("an adopted built-in assignment sits at every management group ALZ puts it at", async () => {
  const { ARCHETYPE_ASSIGNMENTS } = await import("../../src/landing-zone/archetypes");
  for (const alz of LIBRARY.filter((a) => a.library === "ALZ" && a.builtIn)) {
    const ours = Object.entries(ARCHETYPE_ASSIGNMENTS)
      .filter(([, specs]) => specs.some((s) => s.key === alz.assignment))
      .map(([archetype]) => archetype);
    if (ours.length === 0) continue;
    const theirs = alz.archetypes.map((x) => x.replace(/^alz\//, "")).map((x) => OUR_ARCHETYPE[x] ?? x);
    expect({ assignment: alz.assignment, missing: theirs.filter((x) => !ours.includes(x)) }).toEqual({
      assignment: alz.assignment,
      missing: [],
    });
  }
});

/**
 * Where the city chooses a value ALZ leaves to the deployer (a placeholder id, `${default_location}`) or an e-mail
 * list ALZ leaves empty, ours differs on purpose; every literal ALZ sets is passed unchanged.
 */
const CITY_CHOICES = new Set([
  "Deploy-SvcHealth-BuiltIn/actionGroupResources",
  "Deploy-MDFC-DefSQL-AMA/workspaceRegion",
]);
const isPlaceholder = (v: unknown) =>
  typeof v === "string" && (v.includes("placeholder") || v.startsWith("${") || v.startsWith("<omitted"));

test("an adopted built-in assignment passes ALZ's literal parameter values", async () => {
  const { planAssignments } = await import("../../src/landing-zone/policyBaseline");
  const { ARCHETYPES } = await import("../../src/config/schema/landingZone");
  const ctx = baselineContext({
    allowedRegions: ["westeurope"],
    primaryRegion: "westeurope",
    departmentIds: [],
    alertEmails: [],
  });
  const plan = planAssignments([{ id: "g", displayName: "g", archetypes: [...ARCHETYPES] }], ctx);
  for (const alz of LIBRARY.filter((a) => a.library === "ALZ" && a.builtIn)) {
    const ours = plan.find((p) => p.name === alz.assignment);
    if (!ours) continue;
    for (const [name, { value }] of Object.entries(
      (alz as unknown as { parametersSet: Record<string, { value: unknown }> }).parametersSet,
    )) {
      if (isPlaceholder(value) || CITY_CHOICES.has(`${alz.assignment}/${name}`)) continue;
      expect({ at: `${alz.assignment}/${name}`, value: ours.parameters?.[name]?.value }).toEqual({
        at: `${alz.assignment}/${name}`,
        value,
      });
    }
  }
});

test("Deny-Classic-Resources passes all of ALZ's classic types (the reference records only their count)", async () => {
  const { CLASSIC_RESOURCE_TYPES } = await import("../../src/landing-zone/alzBuiltInAssignments");
  const alz = LIBRARY.find((a) => a.assignment === "Deny-Classic-Resources") as unknown as {
    parametersSet: { listOfResourceTypesNotAllowed: { value: string } };
  };
  const count = Number(/(\d+)-item array/.exec(alz.parametersSet.listOfResourceTypesNotAllowed.value)?.[1]);
  expect(new Set(CLASSIC_RESOURCE_TYPES).size).toBe(count);
  for (const t of CLASSIC_RESOURCE_TYPES) expect(t).toMatch(/^Microsoft\.Classic[A-Za-z]+\/[A-Za-z/]+$/);
});
