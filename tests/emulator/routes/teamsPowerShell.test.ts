import { TEAMS_CMDLETS } from "../../../src/emulator/state/teamsCmdlets";
import { teamsArea } from "../../../src/emulator/state/teams";
import { startTestEmulator, type TestEmulator } from "../helpers/client";

/** The fake-PowerShell endpoint: cmdlet semantics, errors as the module reports them, values as data. */
describe("POST /_emulator/teams/powershell", () => {
  let t: TestEmulator;
  let seq = 0;
  let culture: string;
  let mobility: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- driver results are arbitrary JSON
  const ps = async (cmdlet: string, parameters: Record<string, unknown> = {}): Promise<any> =>
    (await t.client.post("/_emulator/teams/powershell", { id: ++seq, cmdlet, parameters }, { token: null }))
      .body;
  const ok = async (cmdlet: string, parameters: Record<string, unknown> = {}) => {
    const out = await ps(cmdlet, parameters);
    if (!out.ok) throw new Error(`${cmdlet}: ${JSON.stringify(out.error)}`);
    return out.result;
  };
  /** `code`: the first part of the FullyQualifiedErrorId the module would report (teamsPsErrors.ts). */
  const err = async (cmdlet: string, parameters: Record<string, unknown>, code: string, text: string) => {
    const out = await ps(cmdlet, parameters);
    expect(out).toMatchObject({ ok: false, error: { cmdlet } });
    expect(out.error.errorId.split(",")[0]).toBe(code);
    expect(out.error.message).toContain(text);
  };

  beforeAll(async () => {
    t = await startTestEmulator();
    culture = t.emu.state.groups.find((g) => g.departmentId === "culture")!.id;
    mobility = t.emu.state.groups.find((g) => g.departmentId === "mobility")!.id;
  });
  afterAll(() => t.stop());

  it("answers with the request's id and refuses cmdlets outside the table", async () => {
    expect(await ps("Get-CsOnlinePstnUsage")).toEqual({
      id: seq,
      ok: true,
      result: [{ Identity: "Global", Usage: [] }],
    });
    await err("Invoke-Expression", { Command: "whoami" }, "CommandNotFoundException", "is not recognized");
  });

  it("binds parameter names case-insensitively and refuses unknown ones, missing mandatory ones and bad values", async () => {
    await err(
      "New-CsTeamsCallingPolicy",
      { Identity: "X", AllowFoo: true },
      "NamedParameterNotFound",
      "'AllowFoo'",
    );
    await err(
      "New-CsTeamsCallingPolicy",
      {},
      "MissingMandatoryParameter",
      "missing mandatory parameters: Identity",
    );
    await err(
      "New-CsTeamsCallingPolicy",
      { Identity: "X", AllowPrivateCalling: "yes" },
      "ParameterArgumentTransformationError",
      "System.Boolean",
    );
    await err(
      "New-CsTeamsCallingPolicy",
      { Identity: "X", AllowVoicemail: "Sometimes" },
      "BadRequest",
      "is not valid for AllowVoicemail",
    );
    const made = await ok("new-csteamscallingpolicy", { identity: "Lower", allowvoicemail: "alwaysenabled" });
    expect(made).toMatchObject({
      Identity: "Tag:Lower",
      AllowVoicemail: "AlwaysEnabled",
      AllowPrivateCalling: true,
    });
  });

  it("policies: Get shows every setting with defaults; New twice, Set and Remove of a missing one are errors", async () => {
    const made = await ok("New-CsTeamsCallingPolicy", {
      Identity: "Tag:Standard",
      AllowPrivateCalling: false,
      Description: "d",
    });
    expect(made).toMatchObject({
      Identity: "Tag:Standard",
      AllowPrivateCalling: false,
      Description: "d",
      BusyOnBusyEnabledType: "Disabled",
    });
    await err("New-CsTeamsCallingPolicy", { Identity: "Standard" }, "Conflict", "already exists");
    expect(await ok("Set-CsTeamsCallingPolicy", { Identity: "Standard", AllowCallGroups: false })).toBeNull();
    const [got] = await ok("Get-CsTeamsCallingPolicy", { Identity: "standard" });
    expect(got).toMatchObject({ AllowPrivateCalling: false, AllowCallGroups: false, Description: "d" });
    const all = await ok("Get-CsTeamsCallingPolicy", { Filter: "Tag:St*" });
    expect(all.map((p: { Identity: string }) => p.Identity)).toEqual(["Tag:Standard"]);
    expect((await ok("Get-CsTeamsCallingPolicy")).map((p: { Identity: string }) => p.Identity)).toContain(
      "Global",
    );
    await err("Set-CsTeamsCallingPolicy", { Identity: "Nope" }, "NotFound", "Cannot find policy");
    await err("Get-CsTeamsCallingPolicy", { Identity: "Nope" }, "NotFound", "Nope");
    await ok("Remove-CsTeamsCallingPolicy", { Identity: "Lower" });
    await err("Remove-CsTeamsCallingPolicy", { Identity: "Lower" }, "NotFound", "Lower");
  });

  it("PSTN usages: one global list changed with {Add, Remove}; usages in use cannot go; routes need existing usages", async () => {
    await ok("Set-CsOnlinePstnUsage", { Identity: "global", Usage: { Add: ["Local", "International"] } });
    await ok("Set-CsOnlinePstnUsage", { Identity: "global", Usage: { Add: "Local" } });
    expect((await ok("Get-CsOnlinePstnUsage"))[0].Usage).toEqual(["Local", "International"]);
    await err("Set-CsOnlinePstnUsage", { Identity: "site:x", Usage: { Add: ["A"] } }, "BadRequest", "global");
    await err(
      "New-CsOnlineVoiceRoute",
      { Identity: "R", OnlinePstnUsages: ["Nowhere"] },
      "NotFound",
      "'Nowhere'",
    );
    const route = await ok("New-CsOnlineVoiceRoute", {
      Identity: "Spain",
      NumberPattern: "^\\+34\\d{9}$",
      OnlinePstnGatewayList: ["sbc1.villa.example"],
      OnlinePstnUsages: ["Local"],
      Priority: 1,
    });
    expect(route).toMatchObject({
      Identity: "Spain",
      NumberPattern: "^\\+34\\d{9}$",
      Priority: 1,
      OnlinePstnUsages: ["Local"],
    });
    await err("New-CsOnlineVoiceRoute", { Identity: "spain" }, "Conflict", "already exists");
    await err(
      "Set-CsOnlinePstnUsage",
      { Identity: "global", Usage: { Remove: ["Local"] } },
      "BadRequest",
      "voice route 'Spain'",
    );
    await ok("Set-CsOnlineVoiceRoute", {
      Identity: "Spain",
      OnlinePstnGatewayList: { Add: ["sbc2.villa.example"] },
    });
    expect((await ok("Get-CsOnlineVoiceRoute", { Identity: "Spain" }))[0].OnlinePstnGatewayList).toEqual([
      "sbc1.villa.example",
      "sbc2.villa.example",
    ]);
    await ok("Remove-CsOnlineVoiceRoute", { Identity: "Spain" });
    await ok("Set-CsOnlinePstnUsage", { Identity: "global", Usage: { Remove: ["International"] } });
    expect((await ok("Get-CsOnlinePstnUsage"))[0].Usage).toEqual(["Local"]);
  });

  it("voice routing, emergency calling and emergency call routing policies check their usages and limits", async () => {
    await err(
      "New-CsOnlineVoiceRoutingPolicy",
      { Identity: "V", OnlinePstnUsages: ["Gone"] },
      "NotFound",
      "'Gone'",
    );
    expect(
      await ok("New-CsOnlineVoiceRoutingPolicy", { Identity: "Spain", OnlinePstnUsages: ["Local"] }),
    ).toMatchObject({
      Identity: "Tag:Spain",
      OnlinePstnUsages: ["Local"],
    });
    const group = Array.from({ length: 11 }, (_, i) => `p${i}@villa.example`);
    await err(
      "New-CsTeamsEmergencyCallingPolicy",
      { Identity: "E", NotificationGroup: group },
      "BadRequest",
      "at most 10",
    );
    expect(
      await ok("New-CsTeamsEmergencyCallingPolicy", {
        Identity: "E",
        NotificationGroup: ["a@villa.example", "b@villa.example"],
      }),
    ).toMatchObject({
      NotificationGroup: "a@villa.example;b@villa.example",
      NotificationMode: "NotificationOnly",
    });
    await err(
      "New-CsTeamsEmergencyCallRoutingPolicy",
      { Identity: "R", EmergencyNumbers: [{ EmergencyDialString: "112", OnlinePSTNUsage: "Gone" }] },
      "NotFound",
      "'Gone'",
    );
    await ok("New-CsTeamsEmergencyCallRoutingPolicy", {
      Identity: "R",
      AllowEnhancedEmergencyServices: true,
      EmergencyNumbers: [{ EmergencyDialString: "112", EmergencyDialMask: "911", OnlinePSTNUsage: "Local" }],
    });
    await err(
      "Set-CsOnlinePstnUsage",
      { Identity: "global", Usage: { Remove: ["Local"] } },
      "BadRequest",
      "OnlineVoiceRoutingPolicy 'Spain'",
    );
  });

  it("dial plans: identity limits, rules as a list or {Add, Remove}, at most 50 rules", async () => {
    await err("New-CsTenantDialPlan", { Identity: "bad name; $(x)" }, "BadRequest", "at most 49 characters");
    const rule = (Name: string) => ({
      Name,
      Pattern: "^(\\d{4})$",
      Translation: "+3491555$1",
      IsInternalExtension: true,
    });
    const plan = await ok("New-CsTenantDialPlan", {
      Identity: "ES-Villa",
      NormalizationRules: [rule("Ext")],
    });
    expect(plan.NormalizationRules).toEqual([
      {
        Name: "Ext",
        Description: null,
        Pattern: "^(\\d{4})$",
        Translation: "+3491555$1",
        IsInternalExtension: true,
        Priority: 0,
      },
    ]);
    await ok("Set-CsTenantDialPlan", {
      Identity: "ES-Villa",
      NormalizationRules: { Add: [rule("Two")], Remove: ["Ext"] },
    });
    expect(
      (await ok("Get-CsTenantDialPlan", { Identity: "ES-Villa" }))[0].NormalizationRules.map(
        (r: { Name: string }) => r.Name,
      ),
    ).toEqual(["Two"]);
    const many = Array.from({ length: 51 }, (_, i) => rule(`R${i}`));
    await err(
      "Set-CsTenantDialPlan",
      { Identity: "ES-Villa", NormalizationRules: many },
      "BadRequest",
      "at most 50",
    );
  });

  it("LIS: Set-CsOnlineLisCivicAddress edits only listed countries and public fields; an ELIN cannot be cleared", async () => {
    // Set-CsOnlineLisCivicAddress.md @ 93336da: "restricted to the following countries/regions" (ES is not one).
    const es = await ok("New-CsOnlineLisCivicAddress", {
      CompanyName: "Ayuntamiento",
      CountryOrRegion: "ES",
      Latitude: "40.4",
      Longitude: "-3.7",
    });
    await err(
      "Set-CsOnlineLisCivicAddress",
      { CivicAddressId: es.CivicAddressId, Description: "x" },
      "Unspecified",
      "not supported",
    );
    const us = await ok("New-CsOnlineLisCivicAddress", {
      CompanyName: "City",
      CountryOrRegion: "US",
      Latitude: "47.6",
      Longitude: "-122.1",
    });
    await ok("Set-CsOnlineLisCivicAddress", { CivicAddressId: us.CivicAddressId, Description: "x" });
    // -CompanyTaxId: "This parameter is reserved for internal Microsoft use."
    await err(
      "Set-CsOnlineLisCivicAddress",
      { CivicAddressId: us.CivicAddressId, CompanyTaxId: "1" },
      "Unspecified",
      "internal",
    );
    // Set-CsOnlineLisLocation.md @ 93336da (-Elin): "You can set or change the ELIN, but you can't clear its value."
    const floor = await ok("New-CsOnlineLisLocation", {
      CivicAddressId: us.CivicAddressId,
      Location: "F1",
      Elin: "E1",
    });
    await ok("Set-CsOnlineLisLocation", { LocationId: floor.LocationId, Elin: "E2" });
    await err(
      "Set-CsOnlineLisLocation",
      { LocationId: floor.LocationId, Elin: "" },
      "Unspecified",
      "cannot be cleared",
    );
    // A Guid parameter binds only a Guid (CannotConvertArgumentNoMessage, ParameterBinderStrings.resx).
    await err(
      "Remove-CsOnlineLisLocation",
      { LocationId: "not-a-guid" },
      "CannotConvertArgumentNoMessage",
      "System.Guid",
    );
  });

  it("policies: -Description of Set-CsTeamsCallingPolicy (documented under PARAMETERS, not SYNTAX) is accepted; documented limits hold", async () => {
    // Set-CsTeamsCallingPolicy.md @ 93336da lists -Description under PARAMETERS only (issue #13 point 1).
    await ok("New-CsTeamsCallingPolicy", { Identity: "Described" });
    await ok("Set-CsTeamsCallingPolicy", { Identity: "Described", Description: "Front desk" });
    expect((await ok("Get-CsTeamsCallingPolicy", { Identity: "Described" }))[0].Description).toBe(
      "Front desk",
    );
    // -AllowCallRedirect UserOverride: "This option is not available for use."
    await err(
      "Set-CsTeamsCallingPolicy",
      { Identity: "Described", AllowCallRedirect: "UserOverride" },
      "BadRequest",
      "not available for use",
    );
    // New-CsTeamsEmergencyCallingPolicy.md: "Maximum characters: 512".
    await err(
      "New-CsTeamsEmergencyCallingPolicy",
      { Identity: "Long", Description: "x".repeat(513) },
      "BadRequest",
      "at most 512",
    );
    // New-CsTenantDialPlan.md: "The value should not begin with a (.)".
    await err("New-CsTenantDialPlan", { Identity: ".Dot" }, "BadRequest", "does not begin with '.'");
  });

  it("LIS: an address comes with a default location; locations in use by numbers cannot be removed", async () => {
    // New-CsOnlineLisCivicAddress.md @ 93336da: -Latitude/-Longitude "Required for all countries/regions except
    // Australia and Japan where it's optional".
    await err(
      "New-CsOnlineLisCivicAddress",
      { CompanyName: "Ayuntamiento", CountryOrRegion: "ES" },
      "MissingMandatoryParameter",
      "missing mandatory parameters: Latitude Longitude",
    );
    await ok("New-CsOnlineLisCivicAddress", { CompanyName: "Council", CountryOrRegion: "AU" });
    const address = await ok("New-CsOnlineLisCivicAddress", {
      CompanyName: "Ayuntamiento",
      CountryOrRegion: "ES",
      Longitude: 3.7074,
      HouseNumber: "1",
      StreetName: "Plaza Mayor",
      City: "Villa",
      PostalCode: "28001",
      Latitude: 40.4,
      Description: "[town-hall] Ayuntamiento",
    });
    expect(address).toMatchObject({
      CompanyName: "Ayuntamiento",
      Latitude: "40.4",
      CivicAddressId: expect.any(String),
    });
    const located = await ok("Get-CsOnlineLisLocation", { CivicAddressId: address.CivicAddressId });
    expect(located).toEqual([
      expect.objectContaining({ LocationId: address.DefaultLocationId, IsDefault: true }),
    ]);
    const floor = await ok("New-CsOnlineLisLocation", {
      CivicAddressId: address.CivicAddressId,
      Location: "Planta baja",
    });
    await ok("Set-CsOnlineLisLocation", { LocationId: floor.LocationId, Location: "Planta 0", Elin: "E1" });
    expect((await ok("Get-CsOnlineLisLocation", { LocationId: floor.LocationId }))[0]).toMatchObject({
      Location: "Planta 0",
      Elin: "E1",
    });
    expect((await ok("Get-CsOnlineLisCivicAddress", { City: "villa" }))[0]).toMatchObject({
      PostalCode: "28001",
      StreetName: "Plaza Mayor",
    });
    await err(
      "Remove-CsOnlineLisLocation",
      { LocationId: address.DefaultLocationId },
      "Unspecified",
      "default location",
    );
    await t.client.post("/v1.0/admin/teams/telephoneNumberManagement/numberAssignments/updateNumber", {
      telephoneNumber: "+34915550099",
      locationId: floor.LocationId,
    });
    await err("Remove-CsOnlineLisLocation", { LocationId: floor.LocationId }, "Unspecified", "+34915550099");
    await err(
      "Remove-CsOnlineLisCivicAddress",
      { CivicAddressId: address.CivicAddressId },
      "Unspecified",
      "+34915550099",
    );
    await t.client.post("/v1.0/admin/teams/telephoneNumberManagement/numberAssignments/updateNumber", {
      telephoneNumber: "+34915550099",
      locationId: "",
    });
    await ok("Remove-CsOnlineLisCivicAddress", { CivicAddressId: address.CivicAddressId });
    expect(await ok("Get-CsOnlineLisLocation", { CivicAddressId: address.CivicAddressId })).toEqual([]);
    await err(
      "Get-CsOnlineLisCivicAddress",
      { CivicAddressId: address.CivicAddressId },
      "Unspecified",
      "was not found",
    );
  });

  it("group policy assignment: ranks, one per group and type, no emergency call routing, removal refused while assigned", async () => {
    await ok("New-CsGroupPolicyAssignment", {
      GroupId: culture,
      PolicyType: "TeamsCallingPolicy",
      PolicyName: "Standard",
    });
    await ok("New-CsGroupPolicyAssignment", {
      GroupId: mobility,
      PolicyType: "teamscallingpolicy",
      PolicyName: "Global",
      Rank: 1,
    });
    expect(await ok("Get-CsGroupPolicyAssignment", { PolicyType: "TeamsCallingPolicy" })).toEqual([
      expect.objectContaining({ GroupId: mobility, PolicyName: "Global", Priority: 1 }),
      expect.objectContaining({ GroupId: culture, PolicyName: "Standard", Priority: 2 }),
    ]);
    await err(
      "New-CsGroupPolicyAssignment",
      { GroupId: culture, PolicyType: "TeamsCallingPolicy", PolicyName: "Standard" },
      "Conflict",
      "already has",
    );
    await err(
      "New-CsGroupPolicyAssignment",
      { GroupId: culture, PolicyType: "TeamsEmergencyCallRoutingPolicy", PolicyName: "R" },
      "BadRequest",
      "not supported",
    );
    await err(
      "New-CsGroupPolicyAssignment",
      { GroupId: culture, PolicyType: "TenantDialPlan", PolicyName: "Nope" },
      "NotFound",
      "Nope",
    );
    await err(
      "New-CsGroupPolicyAssignment",
      { GroupId: "not-a-group", PolicyType: "TenantDialPlan", PolicyName: "ES-Villa" },
      "NotFound",
      "not-a-group",
    );
    await err(
      "Remove-CsTeamsCallingPolicy",
      { Identity: "Standard" },
      "BadRequest",
      `assigned to group '${culture}'`,
    );
    await ok("Remove-CsGroupPolicyAssignment", { GroupId: mobility, PolicyType: "TeamsCallingPolicy" });
    expect((await ok("Get-CsGroupPolicyAssignment", { GroupId: culture }))[0]).toMatchObject({ Priority: 1 });
  });

  it("at most 64 groups per policy type", async () => {
    const area = teamsArea(t.emu.state);
    const saved = area.groupAssignments;
    area.groupAssignments = Array.from({ length: 64 }, (_, i) => ({
      groupId: `g${i}`,
      policyType: "TenantDialPlan",
      policyName: "ES-Villa",
      rank: i + 1,
      createdTime: "2026-01-01T00:00:00Z",
    }));
    await err(
      "New-CsGroupPolicyAssignment",
      { GroupId: culture, PolicyType: "TenantDialPlan", PolicyName: "ES-Villa" },
      "BadRequest",
      "64",
    );
    area.groupAssignments = saved;
  });

  // Grant-CsOnlineVoiceRoutingPolicy.md @ 93336da (-Global): "Sets the parameters of the Global policy instance to
  // the values in the specified policy instance" — a copy; -PolicyName $null is documented for a user only.
  it("Grant -Global copies the named policy's settings into Global; the named policy stays removable", async () => {
    await ok("Set-CsOnlineVoiceRoutingPolicy", { Identity: "Spain", Description: "granted" });
    await ok("Grant-CsOnlineVoiceRoutingPolicy", { Global: true, PolicyName: "Spain" });
    const global = (await ok("Get-CsOnlineVoiceRoutingPolicy", { Identity: "Global" }))[0];
    const spain = (await ok("Get-CsOnlineVoiceRoutingPolicy", { Identity: "Spain" }))[0];
    expect({ ...global, Identity: "x" }).toEqual({ ...spain, Identity: "x" });
    await ok("Set-CsOnlineVoiceRoutingPolicy", { Identity: "Spain", Description: "changed later" });
    expect((await ok("Get-CsOnlineVoiceRoutingPolicy", { Identity: "Global" }))[0].Description).toBe(
      "granted",
    );
    await ok("Remove-CsOnlineVoiceRoutingPolicy", { Identity: "Spain" });
    expect((await ok("Get-CsOnlineVoiceRoutingPolicy", { Identity: "Global" }))[0].Description).toBe(
      "granted",
    );
    // Remove -Identity Global "resets the … Global policy instance to its default values" (Remove-Cs….md Example 2).
    await ok("Remove-CsOnlineVoiceRoutingPolicy", { Identity: "Global" });
    expect((await ok("Get-CsOnlineVoiceRoutingPolicy", { Identity: "Global" }))[0].Description).toBeNull();
    await err(
      "Grant-CsTenantDialPlan",
      { Global: true, PolicyName: null },
      "BadRequest",
      "needs -PolicyName",
    );
    await err(
      "Grant-CsTenantDialPlan",
      { PolicyName: "ES-Villa" },
      "EmulatorNotImplemented",
      "only with -Global",
    );
  });

  it("stores hostile names verbatim and returns them as data", async () => {
    const names = [
      'O\'Brien "quoted"',
      "$(Remove-Item -Recurse C:\\)",
      "back`tick; Stop-Process",
      "line\nbreak\r\nend",
      "@{a=1}|%{x}",
    ];
    for (const name of names) {
      const made = await ok("New-CsTeamsCallingPolicy", { Identity: name, Description: name });
      expect(made).toMatchObject({ Identity: `Tag:${name}`, Description: name });
      expect((await ok("Get-CsTeamsCallingPolicy", { Identity: `Tag:${name}` }))[0].Description).toBe(name);
    }
    const address = await ok("New-CsOnlineLisCivicAddress", {
      CompanyName: names[1],
      CountryOrRegion: "ES",
      Latitude: "40.4168",
      Longitude: "-3.7038",
      Description: names[3],
    });
    expect(address).toMatchObject({ CompanyName: names[1], Description: names[3] });
    const stored = teamsArea(t.emu.state).policies.map((p) => p.name);
    expect(stored).toEqual(expect.arrayContaining(names));
  });

  it("counts each cmdlet, writes only for changes that happened", async () => {
    t.emu.counters.reset();
    await ps("Get-CsTeamsCallingPolicy");
    await ps("Set-CsTeamsCallingPolicy", { Identity: "Standard", AllowDelegation: false });
    await ps("New-CsTeamsCallingPolicy", { Identity: "Standard" });
    const byRoute = t.emu.counters.snapshot().byRoute;
    expect(byRoute["POWERSHELL Get-CsTeamsCallingPolicy"]).toMatchObject({ requests: 1, writes: 0 });
    expect(byRoute["POWERSHELL Set-CsTeamsCallingPolicy"]).toMatchObject({ requests: 1, writes: 1 });
    expect(byRoute["POWERSHELL New-CsTeamsCallingPolicy"]).toMatchObject({
      requests: 1,
      writes: 0,
      statuses: { "400": 1 },
    });
  });

  it("the table covers every cmdlet family the adapter needs", () => {
    const nouns = [
      "CsTeamsCallingPolicy",
      "CsTeamsEmergencyCallingPolicy",
      "CsTeamsEmergencyCallRoutingPolicy",
      "CsOnlineVoiceRoutingPolicy",
      "CsTenantDialPlan",
    ];
    for (const noun of nouns)
      for (const verb of ["Get", "New", "Set", "Remove", "Grant"])
        expect(TEAMS_CMDLETS[`${verb}-${noun}`]).toBeDefined();
    for (const c of [
      "Get-CsOnlinePstnUsage",
      "Set-CsOnlinePstnUsage",
      "New-CsOnlineVoiceRoute",
      "New-CsOnlineLisCivicAddress",
      "New-CsOnlineLisLocation",
      "New-CsGroupPolicyAssignment",
      "Remove-CsGroupPolicyAssignment",
    ]) {
      expect(TEAMS_CMDLETS[c]).toBeDefined();
    }
  });
});
