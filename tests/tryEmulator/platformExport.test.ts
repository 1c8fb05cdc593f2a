/**
 * scripts/try-emulator's platform export: each department's group id as the emulator lists it over Graph, and
 * the check that refuses to `up` a stack that was applied against an emulator restarted empty.
 */
import { startEmulator } from "../../src/emulator";
import { createGraphClient } from "../../src/graph";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import {
  GROUPS_REQUEST,
  PLACEHOLDER_ADMIN_GROUP_ID,
  looksRestartedEmpty,
  platformExportFromGroups,
  type ListedGroup,
} from "../../tools/try-emulator/platformExport";

const definition = loadValidDefinition(MINIMAL_FIXTURE);

async function listedGroups(
  applied: boolean,
): Promise<{ groups: ListedGroup[]; byName: Map<string, string> }> {
  const emu = await startEmulator({ seed: MINIMAL_FIXTURE, applied });
  try {
    const client = createGraphClient({
      env: {
        TENANT_GRAPH_ENDPOINT: emu.url,
        TENANT_GRAPH_CA_FILE: emu.caFile,
        TENANT_GRAPH_STATIC_TOKEN: "try-emulator-test",
      },
    });
    const groups = await client.getAll<ListedGroup>(GROUPS_REQUEST);
    return { groups, byName: new Map(emu.state.doc.groups.map((g) => [g.displayName, g.id])) };
  } finally {
    await emu.stop();
  }
}

describe("platformExportFromGroups", () => {
  it("exports the group id of every department as the seeded emulator lists it over Graph", async () => {
    const { groups, byName } = await listedGroups(false);
    const result = platformExportFromGroups(definition, groups);
    expect(result).toEqual({
      ok: true,
      departments: {
        culture: { groupId: byName.get("grp-vp-culture"), adminGroupId: PLACEHOLDER_ADMIN_GROUP_ID },
        mobility: { groupId: byName.get("grp-vp-mobility"), adminGroupId: PLACEHOLDER_ADMIN_GROUP_ID },
      },
    });
  });

  it("matches the group name without regard to case, as drift does", () => {
    const result = platformExportFromGroups(definition, [
      { id: "g-1", displayName: "GRP-VP-Culture" },
      { id: "g-2", displayName: "grp-vp-mobility" },
    ]);
    expect(result.ok && result.departments.culture.groupId).toBe("g-1");
  });

  it("names each department whose group is missing or ambiguous", () => {
    const result = platformExportFromGroups(definition, [
      { id: "g-1", displayName: "grp-vp-culture" },
      { id: "g-2", displayName: "grp-vp-culture" },
      { id: "g-3", displayName: "grp-vp-mobility-admins" },
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        "department culture: the emulator has 2 groups named grp-vp-culture (g-1, g-2)",
        "department mobility: the emulator has no group grp-vp-mobility",
      ],
    });
  });
});

describe("looksRestartedEmpty", () => {
  it("is true for a seeded tenant (no licences yet) and false once the definition is applied", async () => {
    for (const [applied, expected] of [
      [false, true],
      [true, false],
    ] as const) {
      const { groups } = await listedGroups(applied);
      const found = platformExportFromGroups(definition, groups);
      if (!found.ok) throw new Error(found.problems.join("\n"));
      expect(looksRestartedEmpty(definition, found.departments, groups)).toBe(expected);
    }
  });

  it("is false when the definition gives no department a licence (nothing to tell by)", () => {
    const unlicensed = {
      ...definition,
      departments: definition.departments.map((d) => ({ ...d, licences: [] })),
    };
    expect(looksRestartedEmpty(unlicensed, {}, [])).toBe(false);
  });
});
