import { CMDLET_CONTRACT } from "../../teams/powershell/contract";
import type { FidelityRow, FidelitySource } from "../types";

/**
 * Ledger rows of the emulator's phone-services cmdlets (src/emulator/state/teamsPsPhone.ts, area `teams-phone`):
 * schedules, auto attendants, call queues, application instances and associations. Pages are office-docs-powershell
 * at the contract's pinned commit; what no page says is `assumed`, with the reason.
 */

const DOCS = CMDLET_CONTRACT.provenance;

const doc = (cmdlet: string, section?: string): FidelitySource => ({
  kind: "doc",
  repo: DOCS.repo,
  path: `${DOCS.pathPrefix}${cmdlet}.md`,
  commit: DOCS.commit,
  ...(section ? { section } : {}),
});
const assumed = (reason: string): FidelitySource => ({ kind: "assumed", reason });
const row = (
  kind: FidelityRow["kind"],
  subject: string,
  behaviour: string,
  source: FidelitySource,
): FidelityRow => ({ area: "teams-powershell", kind, subject, behaviour, source });

const cmdletRows: FidelityRow[] = [
  row(
    "cmdlet",
    "Get-CsOnlineSchedule",
    "Lists every schedule, or the one -Id names.",
    doc("Get-CsOnlineSchedule", "EXAMPLES"),
  ),
  row(
    "cmdlet",
    "New-CsOnlineSchedule",
    "Creates a weekly recurrent schedule (per-day time ranges, -Complement) or a fixed schedule (date-time ranges) and returns it.",
    doc("New-CsOnlineSchedule"),
  ),
  row(
    "cmdlet",
    "Set-CsOnlineSchedule",
    "-Instance is the schedule as Get shows it, changed; its hours or date-time ranges replace the stored ones.",
    doc("Set-CsOnlineSchedule", "EXAMPLES"),
  ),
  row("cmdlet", "Remove-CsOnlineSchedule", "Deletes the schedule -Id names.", doc("Remove-CsOnlineSchedule")),
  row(
    "cmdlet",
    "Get-CsAutoAttendant",
    "Lists attendants (name containing -NameFilter, paged by -First/-Skip) or the one -Identity names, with their application instances.",
    doc("Get-CsAutoAttendant"),
  ),
  row(
    "cmdlet",
    "New-CsAutoAttendant",
    "Creates the whole attendant from one request: call flows, menus, options, prompts, targets, handling associations and dial scopes arrive as nested objects, each bound against its builder cmdlet's page.",
    doc("New-CsAutoAttendant"),
  ),
  row(
    "cmdlet",
    "Set-CsAutoAttendant",
    "-Instance carries the whole attendant (New's parameters plus Identity) and replaces it; call-flow ids stay stable by name.",
    doc("Set-CsAutoAttendant", "EXAMPLES"),
  ),
  row(
    "cmdlet",
    "Remove-CsAutoAttendant",
    "Deletes the attendant and its application-instance associations.",
    doc("Remove-CsAutoAttendant"),
  ),
  row(
    "cmdlet",
    "Get-CsCallQueue",
    "Lists queues (name containing -NameFilter, first 100 unless -First/-Skip) or the one -Identity names, with agents and application instances.",
    doc("Get-CsCallQueue", "EXAMPLES"),
  ),
  row(
    "cmdlet",
    "New-CsCallQueue",
    "Creates the queue with the settings given; Get shows the page's defaults for the rest (AgentAlertTime 30, OverflowThreshold 50, TimeoutThreshold 1200, RoutingMethod Attendant, PresenceBasedRouting and AllowOptOut True).",
    doc("New-CsCallQueue", "PARAMETERS (Default value)"),
  ),
  row("cmdlet", "Set-CsCallQueue", "Changes only the settings given.", doc("Set-CsCallQueue")),
  row(
    "cmdlet",
    "Remove-CsCallQueue",
    "Deletes the queue and its application-instance associations.",
    doc("Remove-CsCallQueue"),
  ),
  row(
    "cmdlet",
    "Get-CsOnlineApplicationInstance",
    "Lists resource accounts (-ResultSize, -Skip) or those -Identity / -Identities name (UPN or object id).",
    doc("Get-CsOnlineApplicationInstance", "EXAMPLES"),
  ),
  row(
    "cmdlet",
    "New-CsOnlineApplicationInstance",
    "Creates a resource account (ObjectId, UserPrincipalName, DisplayName, ApplicationId, PhoneNumber) and returns it.",
    doc("New-CsOnlineApplicationInstance"),
  ),
  row(
    "cmdlet",
    "New-CsOnlineApplicationInstance",
    "The account is also an Entra user with the instance's ObjectId and UserPrincipalName (Graph /users finds it).",
    doc("New-CsOnlineApplicationInstance", "SYNOPSIS"),
  ),
  row(
    "validation",
    "New-CsOnlineApplicationInstance",
    "A UserPrincipalName some directory user already has is refused (ResourceExists); the new user is disabled and has no usage location.",
    assumed(
      "The page says the instance is created in Microsoft Entra ID but not how a taken UPN fails nor which user properties are set; Microsoft's resource-account steps set the usage location afterwards.",
    ),
  ),
  row(
    "cmdlet",
    "Set-CsOnlineApplicationInstance",
    "Changes -DisplayName and -ApplicationId.",
    doc("Set-CsOnlineApplicationInstance"),
  ),
  row(
    "cmdlet",
    "Get-CsOnlineApplicationInstanceAssociation",
    "Returns the association of the instance -Identity names (Id, ConfigurationId, ConfigurationType, CallPriority).",
    doc("Get-CsOnlineApplicationInstanceAssociation"),
  ),
  row(
    "cmdlet",
    "New-CsOnlineApplicationInstanceAssociation",
    "Associates the instances -Identities names with the auto attendant or call queue -ConfigurationId names; it then lists them under ApplicationInstances.",
    doc("New-CsOnlineApplicationInstanceAssociation", "EXAMPLES"),
  ),
  row(
    "cmdlet",
    "Remove-CsOnlineApplicationInstanceAssociation",
    "Removes the associations of the instances -Identities names.",
    doc("Remove-CsOnlineApplicationInstanceAssociation"),
  ),
];

const numberRows: FidelityRow[] = [
  row(
    "cmdlet",
    "Set-CsPhoneNumberAssignment",
    "Assigns an inventory number to a resource account (-Identity: UPN or object id; -NumberType DirectRouting, CallingPlan or OperatorConnect, matching the number's range); -NetworkSiteId is optional.",
    doc("Set-CsPhoneNumberAssignment", "DESCRIPTION; SYNTAX (Assignment); -NumberType"),
  ),
  row(
    "cmdlet",
    "Remove-CsPhoneNumberAssignment",
    "Removes a resource account's number (-TelephoneNumber or -RemoveAll); the number is unassigned in the inventory.",
    doc("Remove-CsPhoneNumberAssignment"),
  ),
  row(
    "validation",
    "Set-CsPhoneNumberAssignment",
    "A user -Identity is refused as not emulated: the emulator changes users' numbers through Graph.",
    assumed("The emulator's own split: Graph is the documented path for users' numbers (numberAssignment)."),
  ),
  row(
    "validation",
    "Set-CsPhoneNumberAssignment",
    "A number held by a user or another resource account, or a second number for the same account, is refused (Conflict); a number a resource account holds is shown by Graph as voiceApplicationAssigned and refused to users.",
    assumed(
      "The module's wording is not documented; one primary number per account follows the page's examples.",
    ),
  ),
];

const validationRows: FidelityRow[] = [
  row(
    "validation",
    "New-CsOnlineTimeRange",
    "A time range's start must be before its end; `1.00:00` ends a range at midnight.",
    doc("New-CsOnlineTimeRange", "DESCRIPTION"),
  ),
  row(
    "validation",
    "New-CsOnlineTimeRange",
    "Time ranges of a weekly schedule must align with 15-minute boundaries.",
    doc("New-CsOnlineTimeRange", "DESCRIPTION"),
  ),
  row(
    "validation",
    "New-CsOnlineTimeRange",
    "Overlapping ranges on the same day are refused.",
    assumed(
      "The pages are silent; overlapping hours have no meaning for a schedule, so the emulator refuses them.",
    ),
  ),
  row(
    "validation",
    "New-CsOnlineSchedule",
    "A weekly schedule needs at least one day with time ranges; a fixed one at most 10 date-time ranges.",
    doc("New-CsOnlineSchedule", "DESCRIPTION"),
  ),
  row(
    "validation",
    "New-CsOnlineDateTimeRange",
    "Dates are `d/m/yyyy` or `d/m/yyyy H:mm`; without -End the range ends at 00:00 of the next day.",
    doc("New-CsOnlineDateTimeRange", "EXAMPLES; -End"),
  ),
  row(
    "validation",
    "Set-CsOnlineSchedule",
    "The type of a schedule (weekly or fixed) cannot be changed.",
    doc("New-CsOnlineSchedule", "DESCRIPTION"),
  ),
  row(
    "validation",
    "Remove-CsOnlineSchedule",
    "A schedule an attendant's call handling uses cannot be removed (ResourceBusy).",
    assumed(
      "The page is silent; the Teams admin centre refuses to delete a holiday in use, so the emulator does too.",
    ),
  ),
  row(
    "validation",
    "New-CsAutoAttendantMenuOption",
    "-Action is one of Announcement, DisconnectCall, TransferCallToOperator, TransferCallToTarget (the two TAP-restricted values are refused); -DtmfResponse Tone0–Tone9, ToneStar, TonePound, Automatic.",
    doc("New-CsAutoAttendantMenuOption", "-Action; -DtmfResponse"),
  ),
  row(
    "validation",
    "New-CsAutoAttendantMenuOption",
    "-CallTarget is required when -Action is TransferCallToTarget.",
    doc("New-CsAutoAttendantMenuOption", "-CallTarget"),
  ),
  row(
    "validation",
    "New-CsAutoAttendantMenu",
    "Two options of one menu on the same key are refused.",
    assumed("Not stated; a key cannot select two options."),
  ),
  row(
    "validation",
    "New-CsAutoAttendantCallableEntity",
    "-Type is User, ApplicationEndpoint, ConfigurationEndpoint, ExternalPstn or SharedVoicemail; an ApplicationEndpoint or ConfigurationEndpoint target must exist.",
    assumed(
      "The types are from New-CsAutoAttendantCallableEntity.md (-Type); that the service checks the target exists is not documented.",
    ),
  ),
  row(
    "validation",
    "New-CsAutoAttendantPrompt",
    "Only text-to-speech prompts are emulated; -AudioFilePrompt is refused as not emulated.",
    doc("New-CsAutoAttendantPrompt", "-TextToSpeechPrompt"),
  ),
  row(
    "validation",
    "New-CsAutoAttendantCallHandlingAssociation",
    "-Type is AfterHours or Holiday; the schedule must exist, the call flow must be one of the attendant's, and a schedule is used once per attendant.",
    assumed("Types from the page (-Type); the existence and once-only checks are not documented."),
  ),
  row(
    "validation",
    "New-CsAutoAttendant",
    "Nested objects are bound against their builder's page: an undocumented name, a wrong type or a missing mandatory parameter fails with the binder's error, prefixed with where in the request it is.",
    doc("New-CsAutoAttendantCallFlow", "PARAMETERS"),
  ),
  row(
    "validation",
    "Get-CsAutoAttendant",
    "At most 100 per call; -First above 100 fails.",
    doc("Get-CsAutoAttendant", "-First"),
  ),
  row(
    "validation",
    "Get-CsCallQueue",
    "-NameFilter and -Sort are optional although the yaml says Required: True (Example 1 calls the cmdlet without them).",
    doc("Get-CsCallQueue", "EXAMPLES"),
  ),
  row(
    "validation",
    "Get-CsOnlineSchedule",
    "-Id is optional although SYNTAX shows it mandatory (Example 1 retrieves all schedules without it).",
    doc("Get-CsOnlineSchedule", "EXAMPLES"),
  ),
  row(
    "validation",
    "New-CsCallQueue",
    "-AgentAlertTime 15–180, -OverflowThreshold 0–200, -TimeoutThreshold 0–2700 rounded to the nearest 15 seconds.",
    doc("New-CsCallQueue", "-AgentAlertTime; -OverflowThreshold; -TimeoutThreshold"),
  ),
  row(
    "validation",
    "New-CsCallQueue",
    "-RoutingMethod Attendant/Serial/RoundRobin/LongestIdle; -OverflowAction DisconnectWithBusy/Forward/Voicemail/SharedVoicemail; -TimeoutAction Disconnect/Forward/Voicemail/SharedVoicemail.",
    doc("New-CsCallQueue", "-RoutingMethod; -OverflowAction; -TimeoutAction"),
  ),
  row(
    "validation",
    "New-CsCallQueue",
    "Forward needs a Guid or a `tel:` number as action target, SharedVoicemail a group id.",
    doc("New-CsCallQueue", "-OverflowActionTarget; -TimeoutActionTarget"),
  ),
  row(
    "validation",
    "New-CsCallQueue",
    "-UseDefaultMusicOnHold and -MusicOnHoldAudioFileId are refused together (New and Set); New without either is refused.",
    doc("New-CsCallQueue", "-MusicOnHoldAudioFileId; -UseDefaultMusicOnHold; EXAMPLES 1 and 2"),
  ),
  row(
    "side-effect",
    "Set-CsCallQueue",
    "Giving -MusicOnHoldAudioFileId sets UseDefaultMusicOnHold false; -UseDefaultMusicOnHold $true clears the audio file id; the refusals' wording.",
    assumed(
      "The pages say the two are exclusive but not what Get shows after switching from one to the other, nor the error text.",
    ),
  ),
  row(
    "validation",
    "New-CsCallQueue",
    "-Users (and -DistributionLists, -OboResourceAccountIds) must be GUIDs.",
    doc("New-CsCallQueue", "-Users"),
  ),
  row(
    "validation",
    "New-CsOnlineApplicationInstance",
    "A second instance with the same UserPrincipalName is refused (Conflict).",
    assumed(
      "A resource account is an Entra user; UPNs are unique there. The module's error text is not documented.",
    ),
  ),
  row(
    "validation",
    "New-CsOnlineApplicationInstanceAssociation",
    "The instance's ApplicationId must be the documented Auto Attendant or Call Queue id of -ConfigurationType, and an instance has one association.",
    assumed(
      "The ids are from New-CsOnlineApplicationInstance.md (-ApplicationId); that the service enforces the match and one association per instance is not documented.",
    ),
  ),
];

const sideEffectRows: FidelityRow[] = [
  row(
    "side-effect",
    "New-CsAutoAttendantCallHandlingAssociation",
    "-CallFlowId may name the call flow of the same request by its Name; the driver maps it to the id New-CsAutoAttendantCallFlow gave it.",
    assumed(
      "A convention of our driver: a whole attendant is one request, so ids of its call flows do not exist yet.",
    ),
  ),
  row(
    "side-effect",
    "Get-CsOnlineSchedule",
    "Schedules show Type WeeklyRecurrence or Fixed, time ranges as TimeSpan text (09:00:00) and date-time ranges as d/m/yyyy H:mm.",
    assumed("The pages show no output of a schedule."),
  ),
  row(
    "side-effect",
    "New-CsOnlineApplicationInstance",
    "The resource account lives only in the Teams phone area: no directory user is created in the emulator.",
    assumed(
      "The real cmdlet creates an Entra user; the emulator's directory does not model resource accounts.",
    ),
  ),
  row(
    "side-effect",
    "New-CsOnlineApplicationInstanceAssociation",
    "Returns {Results:[{Id, ConfigurationId, ConfigurationType, Result: Success}]}; CallPriority defaults to 3.",
    assumed(
      "The page names the output type (AssociationOperationOutput) but not its fields or the default priority.",
    ),
  ),
];

export const TEAMS_PHONE_ROWS: readonly FidelityRow[] = [
  ...cmdletRows,
  ...numberRows,
  ...validationRows,
  ...sideEffectRows,
];
