import { closeSharedTeamsAdmins } from "../../../src/teams/admin/create";
import {
  applyPhoneServices,
  createPhoneServicesBackend,
  type PhoneServicesBackend,
} from "../../../src/teams/phoneServices";
import { FAKE_PWSH, startTestEmulator, type TestEmulator } from "../powershell/helpers/fakeSession";
import { skuIdFor } from "../../../src/emulator/state/skuCatalog";
import { district } from "./helpers/backend";

/**
 * The real backend (shared pwsh session + Graph client from the environment) against the emulator: a resource
 * account is an Entra user (New-CsOnlineApplicationInstance.md), agents resolve through Graph, and the two user
 * writes the toolkit may not make (usage location, deletion) come back as instructions.
 */
describe("PhoneServices backend: pwsh + Graph from the environment", () => {
  let t: TestEmulator;
  let backend: PhoneServicesBackend;

  beforeAll(async () => {
    t = await startTestEmulator();
    backend = createBackend();
  });
  /** A backend as each provider call builds it (it reads the SKU list once). */
  const createBackend = () =>
    createPhoneServicesBackend({
      env: {
        TENANT_GRAPH_ENDPOINT: t.emu.url,
        TENANT_GRAPH_CA_FILE: t.emu.caFile,
        TENANT_GRAPH_STATIC_TOKEN: "emulator-static-token-for-phone-services",
      },
      powershell: { pwshPath: FAKE_PWSH, readyTimeoutMs: 10_000, callTimeoutMs: 10_000 },
    });
  afterAll(async () => {
    await closeSharedTeamsAdmins();
    await t.stop();
  });

  it("resolves agents through Graph and reports an unknown one", async () => {
    const someone = t.emu.state.doc.users[0];
    const found = await backend.resolveUsers([
      someone.userPrincipalName.toUpperCase(),
      "nobody@villa.example",
    ]);
    expect(found.get(someone.userPrincipalName.toLowerCase())).toEqual({ id: someone.id });
    expect(found.get("nobody@villa.example")).toEqual({
      reason: expect.stringMatching(/no user has the principal name "nobody@villa.example" \(404\)/),
    });
  });

  it("creates accounts as directory users, and holds their numbers back until their usage location is set", async () => {
    const d = district("b1", 41);
    const agent = t.emu.state.doc.users[0].userPrincipalName;
    d.callQueues[0].agents = [agent];
    d.autoAttendants[0].open.options[2].target = { type: "user", userPrincipalName: agent };
    const { held, failed } = await applyPhoneServices(backend, d, new Map());
    const accountId = held.get("account ra-b1-line@villa.example")!.id;
    expect(t.emu.state.findUser(accountId)).toMatchObject({
      userPrincipalName: "ra-b1-line@villa.example",
      accountEnabled: false,
      usageLocation: null,
    });
    expect(failed.map((f) => `${f.kind} ${f.key}`).sort()).toEqual([
      "number ra-b1-line@villa.example",
      "number ra-b1-taxes@villa.example",
    ]);
    expect(failed[0].reason).toMatch(
      new RegExp(
        `has usage location \\(none\\), the definition asks ES: set it \\(Update-MgUser -UserId [0-9a-f-]+ -UsageLocation ES`,
      ),
    );
    // The operator sets it; the tenant owns no Teams Phone Resource Account licence yet, which a number needs.
    for (const key of ["ra-b1-line@villa.example", "ra-b1-taxes@villa.example"])
      t.emu.state.findUser(held.get(`account ${key}`)!.id)!.usageLocation = "ES";
    const unlicensed = await applyPhoneServices(backend, d, held);
    expect(unlicensed.failed.map((f) => f.reason)).toEqual([
      expect.stringContaining(
        "needs a PHONESYSTEM_VIRTUALUSER (Microsoft Teams Phone Resource Account) licence for its number, and the tenant owns none",
      ),
      expect.stringContaining("the tenant owns none"),
    ]);
    // The city acquires them; the next run licenses each numbered account directly, then assigns its number.
    const skuId = skuIdFor("PHONESYSTEM_VIRTUALUSER");
    t.emu.state.addSku({
      skuId,
      skuPartNumber: "PHONESYSTEM_VIRTUALUSER",
      appliesTo: "User",
      capabilityStatus: "Enabled",
      prepaidUnits: { enabled: 5, lockedOut: 0, suspended: 0, warning: 0 },
      servicePlans: [],
      subscriptionIds: [],
    });
    const again = await applyPhoneServices(createBackend(), d, unlicensed.held);
    expect(again.failed).toEqual([]);
    expect(again.held.get("number ra-b1-line@villa.example")?.id).toBe("+34915550411|directRouting");
    expect(t.emu.state.findUser(accountId)!.licenseAssignmentStates).toEqual([
      expect.objectContaining({ skuId, assignedByGroup: null }),
    ]);
    // A re-run with nothing changed sends nothing.
    const writes = () => t.emu.counters.snapshot().byRoute;
    const before = JSON.stringify(writes());
    await applyPhoneServices(createBackend(), d, again.held);
    expect(JSON.stringify(writes())).toBe(before);

    const refusal = await backend.deleteAccount(accountId, "ra-b1-line@villa.example").catch((e) => e);
    expect(refusal.message).toMatch(/delete it in Entra \(Remove-MgUser -UserId [0-9a-f-]+/);
    await expect(
      backend.deleteAccount("00000000-0000-4000-8000-00000000dead", "gone@villa.example"),
    ).resolves.toBeUndefined();
  });
});
