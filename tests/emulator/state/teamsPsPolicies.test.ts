import { emptyTeamsArea } from "../../../src/emulator/state/teams";
import { isPsError, type ListChange } from "../../../src/emulator/state/teamsCmdletBinding";
import { addGroupAssignment } from "../../../src/emulator/state/teamsPolicies";
import { POLICY_HANDLERS, wildcard, type PsContext } from "../../../src/emulator/state/teamsPsPolicies";

/**
 * Policy cmdlets (MicrosoftDocs/office-docs-powershell teams/teams-ps/MicrosoftTeams/*.md at
 * 93336da2bca96c31c0fc8acc52658a30ef8a6c94): New-CsTenantDialPlan.md (-Identity: at most 49 characters of letters,
 * digits, '-' and '.', not beginning with '.'; at most 50 normalization rules), New-CsTeamsEmergencyCallingPolicy.md
 * (-NotificationGroup: at most 10 entries), Grant-CsTeamsCallingPolicy.md (-Global "sets the parameters of the Global
 * policy instance to the values in the specified policy instance"). Parameters arrive bound.
 */
type Obj = Record<string, unknown>;
const change = (c: Partial<ListChange>): ListChange => ({ add: [], remove: [], ...c });

function policies() {
  const area = emptyTeamsArea();
  const ctx = { area, tenantId: "t", now: 0 } as PsContext;
  const run = (cmdlet: string, params: Obj = {}) => POLICY_HANDLERS[cmdlet](ctx, params);
  const ok = (cmdlet: string, params: Obj = {}) => {
    const result = run(cmdlet, params);
    if (isPsError(result)) throw new Error(`${cmdlet}: ${result.message}`);
    return result as Obj & Obj[];
  };
  return { area, run, ok };
}

describe("wildcard (-Filter)", () => {
  it.each([
    ["Tag:Staff*", "tag:staff-madrid", true],
    ["Tag:?taff", "Tag:Staff", true],
    ["Tag:Staff", "Tag:Staff2", false],
    ["Tag:St.ff", "Tag:Staff", false],
  ])("%s matches %s: %s", (pattern, text, matches) => {
    expect(wildcard(pattern).test(text)).toBe(matches);
  });
});

describe("New/Get of a policy", () => {
  it("shows every setting of the noun, Teams' defaults for those never set", () => {
    const { ok } = policies();
    const created = ok("New-CsTeamsCallingPolicy", { Identity: "Tag:Staff", AllowPrivateCalling: false });
    expect(created).toMatchObject({
      Identity: "Tag:Staff",
      AllowPrivateCalling: false,
      AllowVoicemail: "UserOverride",
      CallRecordingExpirationDays: 60,
      Description: null,
    });
    expect(ok("Get-CsTeamsCallingPolicy", { Identity: "staff" })).toEqual([created]);
  });

  it("lists Global and the named policies, filtered with wildcards", () => {
    const { ok } = policies();
    ok("New-CsTeamsCallingPolicy", { Identity: "Staff" });
    ok("New-CsTeamsCallingPolicy", { Identity: "Guests" });
    const ids = (filter?: string) =>
      ok("Get-CsTeamsCallingPolicy", filter ? { Filter: filter } : {}).map((p: Obj) => p.Identity);
    expect(ids().sort()).toEqual(["Global", "Tag:Guests", "Tag:Staff"]);
    expect(ids("Tag:S*")).toEqual(["Tag:Staff"]);
  });

  it("refuses a second policy of the same name (any casing)", () => {
    const { ok, run } = policies();
    ok("New-CsTeamsCallingPolicy", { Identity: "Staff" });
    expect(run("New-CsTeamsCallingPolicy", { Identity: "Tag:STAFF" })).toMatchObject({
      kind: "ResourceExists",
    });
  });

  it.each([
    ["Madrid-Local.1", true],
    ["a".repeat(49), true],
    ["a".repeat(50), false],
    [".hidden", false],
    ["Madrid Local", false],
    ["Madrid_Local", false],
  ])("a dial plan named %j is accepted: %s", (name, accepted) => {
    const result = policies().run("New-CsTenantDialPlan", { Identity: name });
    expect(isPsError(result) ? result.kind : "ok").toBe(accepted ? "ok" : "InvalidArgument");
  });
});

describe("settings the tenant checks", () => {
  it("fills in normalization rule defaults and numbers priorities in list order", () => {
    const { ok } = policies();
    const plan = ok("New-CsTenantDialPlan", {
      Identity: "Madrid",
      NormalizationRules: change({
        replace: [{ Name: "Local", Pattern: "^(\\d{9})$", Translation: "+34$1" }, {}],
      }),
    });
    expect(plan.NormalizationRules).toEqual([
      {
        Name: "Local",
        Description: null,
        Pattern: "^(\\d{9})$",
        Translation: "+34$1",
        IsInternalExtension: false,
        Priority: 0,
      },
      {
        Name: "NR2",
        Description: null,
        Pattern: "^(\\d{11})$",
        Translation: "+$1",
        IsInternalExtension: false,
        Priority: 1,
      },
    ]);
  });

  it("removes a rule by name and keeps the others' order", () => {
    const { ok } = policies();
    const rules = ["A", "B", "C"].map((Name) => ({ Name }));
    ok("New-CsTenantDialPlan", { Identity: "Madrid", NormalizationRules: change({ replace: rules }) });
    ok("Set-CsTenantDialPlan", { Identity: "Madrid", NormalizationRules: change({ remove: ["b"] }) });
    const plan = ok("Get-CsTenantDialPlan", { Identity: "Madrid" })[0];
    expect((plan.NormalizationRules as Obj[]).map((r) => [r.Name, r.Priority])).toEqual([
      ["A", 0],
      ["C", 1],
    ]);
  });

  it.each<[string, string, Obj, string]>([
    [
      "51 normalization rules",
      "New-CsTenantDialPlan",
      { NormalizationRules: change({ replace: Array.from({ length: 51 }, (_, i) => ({ Name: `R${i}` })) }) },
      "LimitsExceeded",
    ],
    [
      "a rule whose pattern is no string",
      "New-CsTenantDialPlan",
      { NormalizationRules: change({ replace: [{ Name: "R", Pattern: 5 }] }) },
      "InvalidArgument",
    ],
    [
      "a routing policy naming a PSTN usage that does not exist",
      "New-CsOnlineVoiceRoutingPolicy",
      { OnlinePstnUsages: change({ replace: ["Nowhere"] }) },
      "ObjectNotFound",
    ],
    [
      "an emergency number naming a PSTN usage that does not exist",
      "New-CsTeamsEmergencyCallRoutingPolicy",
      { EmergencyNumbers: [{ EmergencyDialString: "112", OnlinePSTNUsage: "Nowhere" }] },
      "ObjectNotFound",
    ],
    [
      "11 notification group entries",
      "New-CsTeamsEmergencyCallingPolicy",
      { NotificationGroup: Array.from({ length: 11 }, (_, i) => `u${i}@villa.example`).join(";") },
      "LimitsExceeded",
    ],
  ])("refuses %s", (_what, cmdlet, settings, kind) => {
    const { area, run } = policies();
    expect(run(cmdlet, { Identity: "P", ...settings })).toMatchObject({ kind });
    expect(area.policies.filter((p) => p.name === "P")).toEqual([]);
  });

  it("accepts usages that are on the tenant's list", () => {
    const { area, ok } = policies();
    area.pstnUsages = ["Local"];
    expect(
      ok("New-CsOnlineVoiceRoutingPolicy", {
        Identity: "P",
        OnlinePstnUsages: change({ replace: ["local"] }),
      }),
    ).toMatchObject({ OnlinePstnUsages: ["local"] });
  });
});

describe("Set, Remove and Grant", () => {
  it("Set without -Identity changes Global", () => {
    const { ok } = policies();
    ok("Set-CsTeamsCallingPolicy", { AllowPrivateCalling: false });
    expect(ok("Get-CsTeamsCallingPolicy", { Identity: "Global" })[0].AllowPrivateCalling).toBe(false);
  });

  it("Remove of Global resets it to Teams' defaults", () => {
    const { ok } = policies();
    ok("Set-CsTeamsCallingPolicy", { Identity: "Global", AllowPrivateCalling: false });
    ok("Remove-CsTeamsCallingPolicy", { Identity: "Global" });
    expect(ok("Get-CsTeamsCallingPolicy", { Identity: "Global" })[0].AllowPrivateCalling).toBe(true);
  });

  it("will not remove a policy a group still has, and says which", () => {
    const { area, ok, run } = policies();
    ok("New-CsTeamsCallingPolicy", { Identity: "Staff" });
    addGroupAssignment(area, { groupId: "g1", policyType: "TeamsCallingPolicy", policyName: "Staff" }, 0);
    expect(run("Remove-CsTeamsCallingPolicy", { Identity: "Tag:Staff" })).toMatchObject({
      kind: "ResourceBusy",
      message: expect.stringContaining("group 'g1'"),
    });
  });

  it("Grant -Global copies the named policy's settings into Global, not a pointer to it", () => {
    const { ok } = policies();
    ok("New-CsTeamsCallingPolicy", { Identity: "Staff", AllowPrivateCalling: false });
    ok("Grant-CsTeamsCallingPolicy", { Global: true, PolicyName: "Staff" });
    ok("Set-CsTeamsCallingPolicy", { Identity: "Staff", AllowPrivateCalling: true });
    expect(ok("Get-CsTeamsCallingPolicy", { Identity: "Global" })[0].AllowPrivateCalling).toBe(false);
    expect(ok("Remove-CsTeamsCallingPolicy", { Identity: "Staff" })).toBeNull();
  });

  it.each<[string, Obj, string]>([
    ["a grant to a user (not emulated)", { PolicyName: "Staff" }, "NotImplemented"],
    [
      "-Global -PolicyName $null (documented for users only)",
      { Global: true, PolicyName: null },
      "InvalidArgument",
    ],
    ["-Global with a policy that does not exist", { Global: true, PolicyName: "Nobody" }, "ObjectNotFound"],
  ])("Grant refuses %s", (_what, params, kind) => {
    expect(policies().run("Grant-CsTeamsCallingPolicy", params)).toMatchObject({ kind });
  });
});
