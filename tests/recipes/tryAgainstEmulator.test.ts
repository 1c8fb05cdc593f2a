/**
 * README "Try a change against the emulator", without the engine: the emulator seeded as `pulumi up` leaves it
 * (`--applied`), a department changed in a copy of the definition, the change applied by the toolkit's own
 * provider (GroupPolicyAssignments, its `update` with the inputs the Teams layer computes, over the fake
 * PowerShell the emulator prints as TENANT_PWSH_PATH, as the engine end-to-end test runs it), and `drift`
 * before and after. The engine-driven version is step 3 of tests/engine/tenant.e2e.ts.
 */
import { runDrift } from "../../src/cli/commands/drift";
import { FAKE_PWSH } from "../../src/cli/commands/emulator";
import { validateDefinition } from "../../src/config/validate";
import { startEmulator, type EmulatorHandle } from "../../src/emulator";
import { createGroupPolicyAssignmentsProvider } from "../../src/teams/assignments/provider";
import { placedGrants } from "../../src/teams/layer";
import { createPowerShellTeamsAdmin } from "../../src/teams/powershell";
import type { TeamsAdmin } from "../../src/teams/admin/port";
import { DefinitionFixture } from "../helpers/definitionFixture";

let emu: EmulatorHandle;
let def: DefinitionFixture;
beforeAll(async () => {
  def = new DefinitionFixture();
  emu = await startEmulator({ seed: def.dir, applied: true });
});
afterAll(async () => {
  await emu.stop();
  def.remove();
});

/** The variables the emulator prints, as a person pastes them. */
const env = () => ({
  TENANT_GRAPH_ENDPOINT: emu.url,
  TENANT_GRAPH_CA_FILE: emu.caFile,
  AZURE_AUTHORITY_HOST: emu.url,
  AZURE_TENANT_ID: emu.tenantId,
  AZURE_CLIENT_ID: emu.auth.clientId,
  AZURE_CLIENT_SECRET: emu.auth.clientSecret,
  TENANT_PWSH_PATH: FAKE_PWSH,
  PATH: process.env.PATH,
});

async function drift(): Promise<{
  code: number;
  report: { entries: { department?: string; message: string }[] };
}> {
  let out = "";
  const code = await runDrift(
    { dir: def.dir, format: "json" },
    { stdout: (s) => (out += s), stderr: () => undefined, env: env() },
  );
  return { code, report: JSON.parse(out) };
}

function loaded() {
  const r = validateDefinition(def.dir);
  if (!r.definition || r.diagnostics.length > 0) throw new Error(JSON.stringify(r.diagnostics));
  return r.definition;
}

it("seeded applied → no drift; a department changed → drift names it; applied by the provider → no drift", async () => {
  expect((await drift()).code).toBe(0);

  const before = loaded();
  def.edit("departments/culture.yaml", "  voiceRoutingPolicy: Spain\n", "");
  const after = loaded();

  const changed = await drift();
  expect(changed.code).toBe(3);
  expect(changed.report.entries.map((e) => e.department)).toEqual(["culture"]);
  expect(changed.report.entries[0].message).toMatch(/OnlineVoiceRoutingPolicy|voice routing/i);

  const powershell = createPowerShellTeamsAdmin({ pwshPath: FAKE_PWSH, env: env() });
  try {
    const admin: TeamsAdmin = {
      powershell,
      get graph(): TeamsAdmin["graph"] {
        throw new Error("policy grants need no Graph call");
      },
    };
    const provider = createGroupPolicyAssignmentsProvider({ admin: () => admin });
    const group = emu.state.groups.find((g) => g.displayName.endsWith("-culture"))!;
    const department = (d: typeof before) => d.departments.find((x) => x.id === "culture")!;
    await provider.update!(
      group.id,
      {
        department: "culture",
        groupId: group.id,
        assignments: placedGrants(before.departments, department(before)),
      },
      {
        department: "culture",
        groupId: group.id,
        assignments: placedGrants(after.departments, department(after)),
      },
    );
  } finally {
    await powershell.close();
  }
  expect(await drift()).toMatchObject({ code: 0, report: { entries: [] } });
});
