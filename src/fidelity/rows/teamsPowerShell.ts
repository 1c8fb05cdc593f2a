import { CMDLET_CONTRACT } from "../../teams/powershell/contract";
import type { FidelityRow, FidelitySource } from "../types";
import { TEAMS_PHONE_ROWS } from "./teamsPhone";

/**
 * Ledger rows of the fake `pwsh` (tests/fakes/fake-pwsh.js) and the emulator's PowerShell surface
 * (src/emulator/state/teamsPowerShell.ts and teamsPs*.ts): every cmdlet, binding rule, error shape and side
 * effect, with the Microsoft page it follows (office-docs-powershell at the contract's pinned commit) or
 * `assumed` and why. tests/fidelity/teamsPowerShellRows.test.ts fails when an emulated cmdlet has no row.
 */

const DOCS = CMDLET_CONTRACT.provenance;
const PS_REPO = "PowerShell/PowerShell";
const BINDER_STRINGS = "src/System.Management.Automation/resources/ParameterBinderStrings.resx";
const BINDER_COMMIT = "0ab7b28477bbe3e12e41a8a2cca3ef8255795f5e";

/** The cmdlet's reference page at the pinned commit. */
const doc = (cmdlet: string, section?: string): FidelitySource => ({
  kind: "doc",
  repo: DOCS.repo,
  path: `${DOCS.pathPrefix}${cmdlet}.md`,
  commit: DOCS.commit,
  ...(section ? { section } : {}),
});
const binder = (section: string): FidelitySource => ({
  kind: "doc",
  repo: PS_REPO,
  path: BINDER_STRINGS,
  commit: BINDER_COMMIT,
  section,
});
const issue = (n: number): FidelitySource => ({
  kind: "issue",
  url: `https://github.com/MicrosoftDocs/office-docs-powershell/issues/${n}`,
});
const assumed = (reason: string): FidelitySource => ({ kind: "assumed", reason });

const row = (
  kind: FidelityRow["kind"],
  subject: string,
  behaviour: string,
  source: FidelitySource,
): FidelityRow => ({ area: "teams-powershell", kind, subject, behaviour, source });

const NOUNS = [
  "CsTeamsCallingPolicy",
  "CsTeamsEmergencyCallingPolicy",
  "CsTeamsEmergencyCallRoutingPolicy",
  "CsOnlineVoiceRoutingPolicy",
  "CsTenantDialPlan",
];

/** The five verbs of each policy noun, one row each. */
const policyCmdletRows: FidelityRow[] = NOUNS.flatMap((noun) => [
  row(
    "cmdlet",
    `Get-${noun}`,
    "Lists the instances (Global and Tag:<name>) or the one -Identity names, every setting shown.",
    doc(`Get-${noun}`),
  ),
  row(
    "cmdlet",
    `New-${noun}`,
    "Creates Tag:<Identity> with the settings given and returns it.",
    doc(`New-${noun}`),
  ),
  row(
    "cmdlet",
    `Set-${noun}`,
    "Changes only the settings given; list parameters take a whole list or {Add,Remove}.",
    doc(`Set-${noun}`),
  ),
  row(
    "cmdlet",
    `Remove-${noun}`,
    "Removes the instance; -Identity Global resets Global to its defaults.",
    doc(`Remove-${noun}`, "EXAMPLES"),
  ),
  row(
    "cmdlet",
    `Grant-${noun}`,
    "With -Global, copies the named instance's settings into Global (a copy, not a pointer).",
    doc(`Grant-${noun}`, "-Global"),
  ),
]);

const otherCmdletRows: FidelityRow[] = [
  row(
    "cmdlet",
    "Get-CsOnlinePstnUsage",
    "Returns the single Global usage list.",
    doc("Get-CsOnlinePstnUsage"),
  ),
  row(
    "cmdlet",
    "Set-CsOnlinePstnUsage",
    "Changes the tenant's one usage list with {Add,Remove}.",
    doc("Set-CsOnlinePstnUsage"),
  ),
  row(
    "cmdlet",
    "Get-CsOnlineVoiceRoute",
    "Lists voice routes or the one -Identity names.",
    doc("Get-CsOnlineVoiceRoute"),
  ),
  row(
    "cmdlet",
    "New-CsOnlineVoiceRoute",
    "Creates a route; its usages must exist.",
    doc("New-CsOnlineVoiceRoute"),
  ),
  row("cmdlet", "Set-CsOnlineVoiceRoute", "Changes only the settings given.", doc("Set-CsOnlineVoiceRoute")),
  row("cmdlet", "Remove-CsOnlineVoiceRoute", "Removes the route.", doc("Remove-CsOnlineVoiceRoute")),
  row(
    "cmdlet",
    "Get-CsOnlineLisCivicAddress",
    "Lists civic addresses, filtered by -CivicAddressId, -City, -CountryOrRegion, -Description.",
    doc("Get-CsOnlineLisCivicAddress"),
  ),
  row(
    "cmdlet",
    "New-CsOnlineLisCivicAddress",
    "Creates an address with a default location and returns it with DefaultLocationId.",
    doc("New-CsOnlineLisCivicAddress"),
  ),
  row(
    "cmdlet",
    "Set-CsOnlineLisCivicAddress",
    "Edits publicly editable fields of an address in a listed country.",
    doc("Set-CsOnlineLisCivicAddress", "DESCRIPTION"),
  ),
  row(
    "cmdlet",
    "Remove-CsOnlineLisCivicAddress",
    "Removes the address and its locations unless numbers use them.",
    doc("Remove-CsOnlineLisCivicAddress"),
  ),
  row(
    "cmdlet",
    "Get-CsOnlineLisLocation",
    "Lists locations of an address, by -LocationId or -Location.",
    doc("Get-CsOnlineLisLocation"),
  ),
  row(
    "cmdlet",
    "New-CsOnlineLisLocation",
    "Creates a location (floor) at an existing civic address.",
    doc("New-CsOnlineLisLocation"),
  ),
  row(
    "cmdlet",
    "Set-CsOnlineLisLocation",
    "Renames a location or sets/changes its ELIN (UseLocationId set).",
    doc("Set-CsOnlineLisLocation"),
  ),
  row(
    "cmdlet",
    "Remove-CsOnlineLisLocation",
    "Removes a location unless numbers use it; the default location goes only with its address.",
    doc("Remove-CsOnlineLisLocation"),
  ),
  row(
    "cmdlet",
    "Get-CsGroupPolicyAssignment",
    "Lists group assignments by -GroupId and/or -PolicyType.",
    doc("Get-CsGroupPolicyAssignment"),
  ),
  row(
    "cmdlet",
    "New-CsGroupPolicyAssignment",
    "Assigns a policy to a group with a rank.",
    doc("New-CsGroupPolicyAssignment"),
  ),
  row(
    "cmdlet",
    "Remove-CsGroupPolicyAssignment",
    "Removes a group's assignment of one policy type.",
    doc("Remove-CsGroupPolicyAssignment"),
  ),
];

const bindingRows: FidelityRow[] = [
  row(
    "validation",
    "(binding)",
    "Parameter names and aliases bind case-insensitively; an unknown one fails with NamedParameterNotFound, category InvalidArgument.",
    binder("NamedParameterNotFound"),
  ),
  row(
    "validation",
    "(binding)",
    "A parameter given twice (by name and alias) fails with ParameterAlreadyBound.",
    binder("ParameterAlreadyBound"),
  ),
  row(
    "validation",
    "(binding)",
    "The parameter set is the one containing every given parameter (default set preferred); none fails with AmbiguousParameterSet.",
    binder("AmbiguousParameterSet"),
  ),
  row(
    "validation",
    "(binding)",
    "A mandatory parameter of the chosen set missing fails with MissingMandatoryParameter listing them all.",
    binder("MissingMandatoryParameter"),
  ),
  row(
    "validation",
    "(binding)",
    "A non-boolean for a Boolean parameter fails with ParameterArgumentTransformationError.",
    binder("ParameterArgumentTransformationError"),
  ),
  row(
    "validation",
    "(binding)",
    "A non-integer for Int32/Long, or a non-Guid for Guid, fails with CannotConvertArgumentNoMessage.",
    binder("CannotConvertArgumentNoMessage"),
  ),
  row(
    "validation",
    "(binding)",
    "A value outside a documented ValidateSet (`Accepted values:`) fails with ParameterArgumentValidationError.",
    binder("ParameterArgumentValidationError"),
  ),
  row(
    "validation",
    "(binding)",
    "$null for a parameter the emulator does not mark nullable fails with ParameterArgumentValidationErrorNullNotAllowed.",
    assumed(
      "PowerShell checks null only for mandatory parameters; the emulator is stricter for parameters the adapter never sends null.",
    ),
  ),
  row(
    "validation",
    "(binding)",
    "Numbers and booleans given to a String parameter bind as their text.",
    assumed("PowerShell's string conversion; not shown in a Microsoft document we could cite."),
  ),
  row(
    "validation",
    "(binding)",
    "Parameter names match exactly or by alias; unambiguous prefixes (which PowerShell accepts) are refused.",
    assumed("The driver and adapter always send full names; prefix matching is not emulated."),
  ),
  row(
    "validation",
    "(binding)",
    "Mandatory is the yaml `Required: True` or a parameter shown without brackets in a SYNTAX block.",
    assumed(
      "The pages disagree with themselves (e.g. New-CsTeamsCallingPolicy -Identity); the SYNTAX block is generated from cmdlet metadata.",
    ),
  ),
  row(
    "validation",
    "(binding)",
    "A documented parameter the emulator does not implement is refused as EmulatorNotImplemented (never silently ignored).",
    assumed("Emulator limitation, labelled as such in the error id."),
  ),
  row(
    "validation",
    "(binding)",
    "-Confirm/-WhatIf bind and change nothing (the driver and fake send -Confirm:$false).",
    doc("Set-CsTeamsCallingPolicy", "-Confirm"),
  ),
];

const errorRows: FidelityRow[] = [
  row(
    "status",
    "(errors)",
    "Binding errors: category InvalidArgument, exception ParameterBindingException, FullyQualifiedErrorId `<Id>,<cmdlet>`.",
    binder("NamedParameterNotFound"),
  ),
  row(
    "status",
    "(errors)",
    "The second part of a binding error id is the cmdlet name.",
    assumed("PowerShell puts the implementing type there; MicrosoftTeams' types are not documented."),
  ),
  row(
    "status",
    "(errors)",
    "ConfigAPI cmdlets fail with category InvalidOperation, exception System.Exception, id `<code>,Microsoft.Teams.ConfigApi.Cmdlets.<VerbNoun>`.",
    issue(9229),
  ),
  row(
    "status",
    "(errors)",
    "ConfigAPI codes: NotFound for a missing object, Conflict for a duplicate, BadRequest for refusals.",
    assumed(
      "Only ClientError/FeatureNotSupported are quoted in public threads; the codes per outcome are not documented.",
    ),
  ),
  row(
    "status",
    "(errors)",
    "LIS cmdlets fail with category NotSpecified, BvdCmdletException, id `Unspecified,Microsoft.Rtc.Management.Hosted.Lis.<VerbNoun>Cmdlet`.",
    issue(7739),
  ),
  row(
    "status",
    "(errors)",
    "An unknown cmdlet fails with category ObjectNotFound and id CommandNotFoundException.",
    issue(7766),
  ),
  row(
    "status",
    "(errors)",
    "Message texts of service refusals (not found, exists, in use, limits).",
    assumed(
      "The module's wording is not documented; the adapter classifies by id code and message keywords.",
    ),
  ),
  row(
    "status",
    "(errors)",
    "Get-Cs*Policy -Identity of a missing policy throws (rather than returning nothing).",
    issue(9346),
  ),
];

const sideEffectRows: FidelityRow[] = [
  row(
    "validation",
    "Set-CsTeamsCallingPolicy",
    "-Description is accepted: it is documented under PARAMETERS though missing from SYNTAX.",
    doc("Set-CsTeamsCallingPolicy", "-Description"),
  ),
  row(
    "validation",
    "Set-CsTeamsCallingPolicy",
    "-AllowCallRedirect UserOverride is refused: 'This option is not available for use'.",
    doc("Set-CsTeamsCallingPolicy", "-AllowCallRedirect"),
  ),
  row(
    "validation",
    "Set-CsTeamsCallingPolicy",
    "String settings with listed values (AllowVoicemail, BusyOnBusyEnabledType…) refuse other values.",
    doc("Set-CsTeamsCallingPolicy", "PARAMETERS"),
  ),
  row(
    "validation",
    "New-CsTeamsEmergencyCallingPolicy",
    "-Description is at most 512 characters.",
    doc("New-CsTeamsEmergencyCallingPolicy", "-Description"),
  ),
  row(
    "validation",
    "New-CsTeamsEmergencyCallRoutingPolicy",
    "-Description is at most 512 characters.",
    doc("New-CsTeamsEmergencyCallRoutingPolicy", "-Description"),
  ),
  row(
    "validation",
    "New-CsTenantDialPlan",
    "-Identity: at most 49 letters, digits, '-' and '.', not beginning with '.'.",
    doc("New-CsTenantDialPlan", "-Identity"),
  ),
  row(
    "validation",
    "New-CsTenantDialPlan",
    "At most 50 normalization rules.",
    assumed("The limit is stated in Teams admin documentation, not on the cmdlet page at this commit."),
  ),
  row(
    "validation",
    "Set-CsTeamsEmergencyCallingPolicy",
    "NotificationGroup holds at most 10 entries.",
    assumed("Not stated on the cmdlet page at this commit; kept from the earlier reference."),
  ),
  row(
    "validation",
    "New-CsOnlineVoiceRoutingPolicy",
    "Every -OnlinePstnUsages entry (and emergency numbers' OnlinePSTNUsage) must exist in the global list.",
    assumed("The service's refusal is not documented; a usage that does not exist cannot route."),
  ),
  row(
    "validation",
    "New-CsOnlineLisCivicAddress",
    "-Latitude/-Longitude are mandatory except for AU and JP.",
    doc("New-CsOnlineLisCivicAddress", "-Latitude"),
  ),
  row(
    "validation",
    "Set-CsOnlineLisCivicAddress",
    "Editing is refused for addresses (or a new -CountryOrRegion) outside the listed countries.",
    doc("Set-CsOnlineLisCivicAddress", "-CountryOrRegion"),
  ),
  row(
    "validation",
    "Set-CsOnlineLisCivicAddress",
    "Fields 'reserved for internal Microsoft use' are refused.",
    doc("Set-CsOnlineLisCivicAddress", "PARAMETERS"),
  ),
  row(
    "validation",
    "Set-CsOnlineLisLocation",
    "-Elin can set or change an ELIN; an empty value does not clear it and is refused.",
    doc("Set-CsOnlineLisLocation", "-Elin"),
  ),
  row(
    "validation",
    "Remove-CsOnlineLisLocation",
    "The default location of an address cannot be removed on its own.",
    assumed("Not documented; Teams creates it with the address."),
  ),
  row(
    "validation",
    "Remove-CsOnlineLisCivicAddress",
    "An address or location a number still points at cannot be removed.",
    assumed("The refusal is not documented; removing it would orphan the number's emergency location."),
  ),
  row(
    "validation",
    "New-CsGroupPolicyAssignment",
    "One assignment per group and type; at most 64 groups per type; not for TeamsEmergencyCallRoutingPolicy.",
    assumed("From Teams admin documentation outside the cmdlet pages; not re-checked at this commit."),
  ),
  row(
    "validation",
    "Remove-CsTeamsCallingPolicy",
    "A policy assigned to a group or user cannot be removed.",
    assumed("The service's refusal is not documented on the cmdlet page."),
  ),
  row(
    "side-effect",
    "Grant-CsTeamsEmergencyCallRoutingPolicy",
    "-Global copies settings into Global; later edits of the named policy do not reach Global.",
    doc("Grant-CsTeamsEmergencyCallRoutingPolicy", "-Global"),
  ),
  row(
    "side-effect",
    "Grant-CsTeamsCallingPolicy",
    "-PolicyName $null with -Global is refused (documented only for a user's assignment).",
    doc("Grant-CsTeamsCallingPolicy", "-PolicyName"),
  ),
  row(
    "side-effect",
    "Grant-CsTeamsCallingPolicy",
    "-Identity (a user) and -Group are not emulated: refused as EmulatorNotImplemented.",
    assumed("Per-user grants go through Graph; groups through New-CsGroupPolicyAssignment."),
  ),
  row(
    "side-effect",
    "Remove-CsTeamsEmergencyCallRoutingPolicy",
    "-Identity Global resets Global to its default values.",
    doc("Remove-CsTeamsEmergencyCallRoutingPolicy", "EXAMPLES"),
  ),
  row(
    "side-effect",
    "Get-CsTeamsCallingPolicy",
    "Settings never set show Teams' defaults (e.g. AllowPrivateCalling true).",
    assumed("Defaults are partly documented per parameter; the emulator keeps one table of them."),
  ),
  row(
    "side-effect",
    "Set-CsTeamsCallingPolicy",
    "Without -Identity, the Global instance is changed.",
    assumed("The yaml marks -Identity optional; the target then is not documented."),
  ),
  row(
    "side-effect",
    "New-CsOnlineLisCivicAddress",
    "Addresses are created Validated.",
    assumed("Validation by the carrier partner is not emulated."),
  ),
  row(
    "side-effect",
    "(fake pwsh)",
    "Refuses a cmdlet or parameter off the driver's allow-list (driver-allow-list.json) with type NotAllowed, as the driver does.",
    assumed("The driver's own behaviour (teams-driver.ps1), not Microsoft's."),
  ),
  row(
    "side-effect",
    "(fake pwsh)",
    "Adds -Confirm:$false to state-changing cmdlets whose page lists -Confirm, as the driver does.",
    doc("Set-CsTeamsCallingPolicy", "-Confirm"),
  ),
  row(
    "side-effect",
    "(fake pwsh)",
    "FAKE_PWSH_ERROR_OBJECT answers as a cmdlet returning SkypeTelephoneNumberMgmtErrorResponse.",
    issue(9037),
  ),
  row(
    "side-effect",
    "(fake pwsh)",
    "FAKE_PWSH_HANG / FAKE_PWSH_EXIT / FAKE_PWSH_START imitate a hung call, a crash and a failed start.",
    assumed("Failure injection for the adapter's process handling; no Microsoft behaviour."),
  ),
];

export const TEAMS_POWERSHELL_ROWS: readonly FidelityRow[] = [
  ...policyCmdletRows,
  ...otherCmdletRows,
  ...bindingRows,
  ...errorRows,
  ...sideEffectRows,
  ...TEAMS_PHONE_ROWS,
];
