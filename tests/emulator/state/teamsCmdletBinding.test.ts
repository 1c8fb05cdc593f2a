import {
  applyChange,
  bindParameters,
  cmdletSpec,
  isPsError,
  type ListChange,
} from "../../../src/emulator/state/teamsCmdletBinding";

/**
 * Parameter binding as PowerShell does it before a MicrosoftTeams cmdlet runs. Error ids and messages follow
 * PowerShell/PowerShell src/System.Management.Automation/resources/ParameterBinderStrings.resx; parameter names,
 * sets, types and values follow the vendored contract (MicrosoftDocs/office-docs-powershell
 * teams/teams-ps/MicrosoftTeams/*.md at 93336da2bca96c31c0fc8acc52658a30ef8a6c94).
 */
function bind(cmdlet: string, raw: unknown) {
  const found = cmdletSpec(cmdlet);
  if (!found) throw new Error(`${cmdlet} is not emulated`);
  return bindParameters(found.name, found.spec, found.contract, raw);
}

const ADDRESS = {
  CompanyName: "Villa",
  StreetName: "Main",
  HouseNumber: "1",
  City: "Villa",
  StateOrProvince: "VI",
  PostalCode: "1000",
  Description: "Town hall",
};

describe("cmdletSpec", () => {
  it("finds an emulated cmdlet by case-insensitive name and reports its documented casing", () => {
    expect(cmdletSpec("set-csteamscallingpolicy")?.name).toBe("Set-CsTeamsCallingPolicy");
  });

  it("knows no cmdlet outside the emulated table", () => {
    expect(cmdletSpec("Remove-Item")).toBeUndefined();
  });
});

describe("bindParameters", () => {
  it("binds names and aliases case-insensitively, reporting the documented names", () => {
    expect(bind("Set-CsTeamsCallingPolicy", { identity: "Tag:Staff", allowprivatecalling: false })).toEqual({
      Identity: "Tag:Staff",
      AllowPrivateCalling: false,
    });
  });

  it.each([
    [
      "an unknown name",
      "Set-CsTeamsCallingPolicy",
      { Identity: "X", Bogus: 1 },
      "NamedParameterNotFound",
      "A parameter cannot be found that matches parameter name 'Bogus'.",
    ],
    [
      "the same parameter twice (differently cased)",
      "Set-CsTeamsCallingPolicy",
      { Identity: "X", identity: "Y" },
      "ParameterAlreadyBound",
      "Cannot bind parameter because parameter 'Identity' is specified more than once.",
    ],
    [
      "a missing mandatory parameter",
      "New-CsTeamsCallingPolicy",
      {},
      "MissingMandatoryParameter",
      "Cannot process command because of one or more missing mandatory parameters: Identity.",
    ],
    [
      "parameters from different sets (-Global with -Identity)",
      "Grant-CsTeamsCallingPolicy",
      { Global: true, Identity: "ana@villa.example" },
      "AmbiguousParameterSet",
      "Parameter set cannot be resolved using the specified named parameters.",
    ],
    [
      "a string for a [bool]",
      "Set-CsTeamsCallingPolicy",
      { Identity: "X", AllowPrivateCalling: "yes" },
      "ParameterArgumentTransformationError",
      "Boolean parameters accept only Boolean values and numbers",
    ],
    [
      "text that is no number for an [int]",
      "Set-CsTeamsCallingPolicy",
      { Identity: "X", CallRecordingExpirationDays: "3x" },
      "CannotConvertArgumentNoMessage",
      `Cannot convert value "3x" to type "System.Int32".`,
    ],
    [
      "a string for a [switch]",
      "Grant-CsTeamsCallingPolicy",
      { Global: "yes", PolicyName: "Staff" },
      "CannotConvertArgumentNoMessage",
      `to type "System.Management.Automation.SwitchParameter"`,
    ],
    [
      "null for a parameter that does not take $null",
      "Set-CsTeamsCallingPolicy",
      { Identity: "X", Description: null },
      "ParameterArgumentValidationErrorNullNotAllowed",
      "Cannot bind argument to parameter 'Description' because it is null.",
    ],
    [
      "numbers in a [string[]]",
      "Set-CsOnlineVoiceRoutingPolicy",
      { Identity: "X", OnlinePstnUsages: [1] },
      "CannotConvertArgumentNoMessage",
      `to type "System.String[]"`,
    ],
    [
      "strings in an [object[]] of rules",
      "Set-CsTeamsEmergencyCallingPolicy",
      { Identity: "X", ExtendedNotifications: ["a"] },
      "CannotConvertArgumentNoMessage",
      `to type "System.Object[]"`,
    ],
  ])("refuses %s", (_what, cmdlet, raw, bindingId, message) => {
    const result = bind(cmdlet, raw);
    expect(result).toMatchObject({ kind: "ParameterBinding", bindingId });
    expect(isPsError(result) && result.message).toContain(message);
  });

  it("refuses parameters that are not a JSON object", () => {
    expect(bind("Set-CsTeamsCallingPolicy", ["Identity", "X"])).toMatchObject({ kind: "InvalidArgument" });
  });

  it.each([
    ["a number for a [string]", { Description: 5 }, { Description: "5" }],
    ["0 for a [bool]", { AllowPrivateCalling: 0 }, { AllowPrivateCalling: false }],
    ["1 for a [bool]", { AllowPrivateCalling: 1 }, { AllowPrivateCalling: true }],
    ["digits for an [int]", { CallRecordingExpirationDays: "30" }, { CallRecordingExpirationDays: 30 }],
    [
      "a listed value in any casing",
      { AllowVoicemail: "alwaysenabled" },
      { AllowVoicemail: "AlwaysEnabled" },
    ],
  ])("converts %s as PowerShell does", (_what, setting, bound) => {
    expect(bind("Set-CsTeamsCallingPolicy", { Identity: "X", ...setting })).toEqual({
      Identity: "X",
      ...bound,
    });
  });

  it("refuses a value the page does not list, naming the listed ones", () => {
    expect(bind("Set-CsTeamsCallingPolicy", { Identity: "X", AllowVoicemail: "Sometimes" })).toEqual({
      kind: "InvalidArgument",
      message:
        "The value 'Sometimes' is not valid for AllowVoicemail. Valid values: AlwaysEnabled, AlwaysDisabled, UserOverride.",
    });
  });

  it("accepts -Confirm and -WhatIf but binds nothing from them (a non-interactive host)", () => {
    expect(bind("Set-CsTeamsCallingPolicy", { Identity: "X", Confirm: true, WhatIf: false })).toEqual({
      Identity: "X",
    });
  });

  it("takes $null for -PolicyName (the grant is reset) and a false switch as not given", () => {
    expect(bind("Grant-CsTeamsCallingPolicy", { Global: true, PolicyName: null })).toEqual({
      Global: true,
      PolicyName: null,
    });
    expect(bind("Grant-CsTeamsCallingPolicy", { Global: false, PolicyName: "Staff" })).toEqual({
      PolicyName: "Staff",
    });
  });

  // New-CsOnlineLisCivicAddress.md: Latitude/Longitude "Required for all countries/regions except Australia and
  // Japan where it's optional".
  it.each([
    ["US", false],
    ["au", true],
    ["JP", true],
  ])("for a civic address in %s, coordinates are optional: %s", (country, optional) => {
    const result = bind("New-CsOnlineLisCivicAddress", { ...ADDRESS, CountryOrRegion: country });
    if (optional) expect(isPsError(result)).toBe(false);
    else
      expect(result).toMatchObject({
        bindingId: "MissingMandatoryParameter",
        message: expect.stringContaining("Latitude Longitude"),
      });
  });

  it("binds coordinates given as numbers as the strings the LIS cmdlets keep", () => {
    expect(
      bind("New-CsOnlineLisCivicAddress", {
        ...ADDRESS,
        CountryOrRegion: "US",
        Latitude: 47.1,
        Longitude: "-122",
      }),
    ).toMatchObject({ Latitude: "47.1", Longitude: "-122" });
  });

  it("joins a notification group given as a list into the ';'-separated string Teams keeps", () => {
    expect(
      bind("Set-CsTeamsEmergencyCallingPolicy", {
        Identity: "X",
        NotificationGroup: ["a@x.example", "b@x.example"],
      }),
    ).toEqual({ Identity: "X", NotificationGroup: "a@x.example;b@x.example" });
  });

  it.each<[string, unknown, ListChange]>([
    ["a single value as the whole list", "Local", { replace: ["Local"], add: [], remove: [] }],
    ["an array as the whole list", ["Local", "Long"], { replace: ["Local", "Long"], add: [], remove: [] }],
    ["@{Add=…;Remove=…} with single values", { Add: "A", remove: "B" }, { add: ["A"], remove: ["B"] }],
    ["@{Replace=…}", { Replace: ["A"] }, { replace: ["A"], add: [], remove: [] }],
  ])("binds a list change given as %s", (_what, value, change) => {
    expect(bind("Set-CsOnlineVoiceRoutingPolicy", { Identity: "X", OnlinePstnUsages: value })).toEqual({
      Identity: "X",
      OnlinePstnUsages: change,
    });
  });
});

describe("applyChange", () => {
  const byText = (v: unknown) => String(v);

  it.each<[string, string[], ListChange, string[]]>([
    ["replaces the whole list", ["A", "B"], { replace: ["C"], add: [], remove: [] }, ["C"]],
    ["adds at the end, keeping order", ["A"], { add: ["B", "C"], remove: [] }, ["A", "B", "C"]],
    ["adds nothing already there (any casing)", ["Local"], { add: ["local"], remove: [] }, ["Local"]],
    ["removes case-insensitively", ["Local", "Long"], { add: [], remove: ["LOCAL"] }, ["Long"]],
    ["removes absent items silently", ["A"], { add: [], remove: ["Z"] }, ["A"]],
    [
      "replaces, then removes and adds",
      ["A"],
      { replace: ["B", "C"], add: ["D"], remove: ["C"] },
      ["B", "D"],
    ],
  ])("%s", (_what, current, change, expected) => {
    expect(applyChange(current, change, byText)).toEqual(expected);
  });

  it("removes rules by their key, so a removal may name an item instead of repeating it", () => {
    const rules = [{ Name: "Local" }, { Name: "Intl" }];
    const key = (v: unknown) => (typeof v === "string" ? v : String((v as { Name: string }).Name));
    expect(applyChange(rules, { add: [], remove: ["intl"] }, key)).toEqual([{ Name: "Local" }]);
  });

  it("leaves the current list untouched", () => {
    const current = ["A"];
    applyChange(current, { add: ["B"], remove: ["A"] }, byText);
    expect(current).toEqual(["A"]);
  });
});
