/**
 * The MicrosoftTeams cmdlets and parameters the driver may use, as DOCUMENTED in
 * `MicrosoftDocs/office-docs-powershell` `teams/teams-ps/MicrosoftTeams/<Cmdlet>.md` (SYNTAX sections, snapshot
 * 93336da of 2026-08-21). The "§3.x" in `source` fields name the sections of the project's reference notes of
 * 2026-08 that first summarised those pages (3.1 number assignment, 3.4 policy creation, 3.5 granting, 3.6 batch
 * assignment, 3.7 emergency addresses); each entry's cmdlet page is the primary source.
 *
 * Only what the toolkit needs is listed (e.g. ~40 calling-policy settings exist; the driver uses these). The offline
 * check (tests/teams/powershell/driverScript.test.ts) fails when the driver's allow-list, or a cmdlet it calls by
 * name, uses a cmdlet or parameter missing here.
 */
export interface DocumentedCmdlet {
  parameters: readonly string[];
  /** Where the names come from: a §3 subsection, or `docs:` for the office-docs-powershell page. */
  source: string;
}

const CALLING_POLICY_SETTINGS = [
  "AllowPrivateCalling",
  "AllowVoicemail",
  "AllowCallForwardingToPhone",
  "AllowCallForwardingToUser",
  "AllowCallGroups",
  "AllowDelegation",
  "AllowWebPSTNCalling",
  "AllowCloudRecordingForCalls",
  "AllowTranscriptionForCalling",
  "AllowSIPDevicesCalling",
  "AllowCallRedirect",
  "BusyOnBusyEnabledType",
  "InboundPstnCallRoutingTreatment",
  "InboundFederatedCallRoutingTreatment",
  "PreventTollBypass",
  "MusicOnHoldEnabledType",
  "AutoAnswerEnabledType",
  "SpamFilteringEnabledType",
  "CallRecordingExpirationDays",
  "EnableSpendLimits",
  "CallingSpendUserLimit",
  "LiveCaptionsEnabledTypeForCalling",
  "Copilot",
];
const EMERGENCY_CALLING_SETTINGS = [
  "Description",
  "NotificationGroup",
  "NotificationDialOutNumber",
  "NotificationMode",
  "ExternalLocationLookupMode",
  "EnhancedEmergencyServiceDisclaimer",
  "ExtendedNotifications",
];
const ADDRESS_FIELDS = [
  "CompanyName",
  "CountryOrRegion",
  "HouseNumber",
  "StreetName",
  "City",
  "StateOrProvince",
  "PostalCode",
  "Description",
  "Latitude",
  "Longitude",
  "Elin",
  "IsAzureMapValidationRequired",
];
/** Grant-Cs<policy> parameter sets Identity / GrantToTenant / GrantToGroup (§3.5). */
const GRANT = ["Identity", "PolicyName", "Global", "Group", "Rank", "PassThru"];
const DOCS = "docs: office-docs-powershell 93336da";

export const DOCUMENTED_CMDLETS: Readonly<Record<string, DocumentedCmdlet>> = {
  "Connect-MicrosoftTeams": {
    parameters: ["TenantId", "ApplicationId", "CertificateThumbprint", "Certificate", "AccessTokens"],
    source: "§3 (auth for automation)",
  },
  "Disconnect-MicrosoftTeams": { parameters: [], source: `${DOCS} Disconnect-MicrosoftTeams.md` },

  "Get-CsTeamsCallingPolicy": {
    parameters: ["Identity", "Filter"],
    source: `${DOCS} Get-CsTeamsCallingPolicy.md`,
  },
  "New-CsTeamsCallingPolicy": {
    parameters: ["Identity", "Description", ...CALLING_POLICY_SETTINGS],
    source: "§3.4",
  },
  // The Set page's SYNTAX has no -Description (the New page has it).
  "Set-CsTeamsCallingPolicy": {
    parameters: ["Identity", ...CALLING_POLICY_SETTINGS],
    source: `§3.4 settings; ${DOCS} Set-CsTeamsCallingPolicy.md`,
  },
  "Remove-CsTeamsCallingPolicy": {
    parameters: ["Identity"],
    source: `${DOCS} Remove-CsTeamsCallingPolicy.md`,
  },
  "Grant-CsTeamsCallingPolicy": { parameters: GRANT, source: "§3.5" },

  "Get-CsTeamsEmergencyCallingPolicy": { parameters: ["Identity", "Filter"], source: `${DOCS}` },
  "New-CsTeamsEmergencyCallingPolicy": {
    parameters: ["Identity", ...EMERGENCY_CALLING_SETTINGS],
    source: "§3.4",
  },
  "Set-CsTeamsEmergencyCallingPolicy": {
    parameters: ["Identity", ...EMERGENCY_CALLING_SETTINGS],
    source: `§3.4; ${DOCS} Set-CsTeamsEmergencyCallingPolicy.md`,
  },
  "Remove-CsTeamsEmergencyCallingPolicy": { parameters: ["Identity"], source: DOCS },
  "Grant-CsTeamsEmergencyCallingPolicy": { parameters: GRANT, source: "§3.5" },
  "New-CsTeamsEmergencyCallingExtendedNotification": {
    parameters: ["EmergencyDialString", "NotificationGroup", "NotificationDialOutNumber", "NotificationMode"],
    source: `§3.4 (named); ${DOCS} New-CsTeamsEmergencyCallingExtendedNotification.md`,
  },

  "Get-CsTeamsEmergencyCallRoutingPolicy": { parameters: ["Identity", "Filter"], source: DOCS },
  "New-CsTeamsEmergencyCallRoutingPolicy": {
    parameters: ["Identity", "Description", "EmergencyNumbers", "AllowEnhancedEmergencyServices"],
    source: "§3.4",
  },
  "Set-CsTeamsEmergencyCallRoutingPolicy": {
    parameters: ["Identity", "Description", "EmergencyNumbers", "AllowEnhancedEmergencyServices"],
    source: `§3.4; ${DOCS} Set-CsTeamsEmergencyCallRoutingPolicy.md`,
  },
  "Remove-CsTeamsEmergencyCallRoutingPolicy": { parameters: ["Identity"], source: DOCS },
  "Grant-CsTeamsEmergencyCallRoutingPolicy": { parameters: GRANT, source: "§3.5" },
  "New-CsTeamsEmergencyNumber": {
    parameters: ["EmergencyDialString", "EmergencyDialMask", "OnlinePSTNUsage"],
    source: `§3.4 (named); ${DOCS} New-CsTeamsEmergencyNumber.md`,
  },

  "Get-CsOnlineVoiceRoutingPolicy": { parameters: ["Identity", "Filter"], source: DOCS },
  "New-CsOnlineVoiceRoutingPolicy": {
    parameters: ["Identity", "Description", "OnlinePstnUsages", "RouteType"],
    source: "§3.4",
  },
  "Set-CsOnlineVoiceRoutingPolicy": {
    parameters: ["Identity", "Description", "OnlinePstnUsages", "RouteType"],
    source: `${DOCS} Set-CsOnlineVoiceRoutingPolicy.md`,
  },
  "Remove-CsOnlineVoiceRoutingPolicy": { parameters: ["Identity"], source: DOCS },
  "Grant-CsOnlineVoiceRoutingPolicy": { parameters: GRANT, source: "§3.5" },

  "Get-CsOnlineVoiceRoute": {
    parameters: ["Identity", "Filter"],
    source: `${DOCS} Get-CsOnlineVoiceRoute.md`,
  },
  "New-CsOnlineVoiceRoute": {
    parameters: [
      "Identity",
      "NumberPattern",
      "OnlinePstnGatewayList",
      "OnlinePstnUsages",
      "Priority",
      "BridgeSourcePhoneNumber",
      "Description",
    ],
    source: "§3.4",
  },
  "Set-CsOnlineVoiceRoute": {
    parameters: [
      "Identity",
      "NumberPattern",
      "OnlinePstnGatewayList",
      "OnlinePstnUsages",
      "Priority",
      "BridgeSourcePhoneNumber",
      "Description",
    ],
    source: `${DOCS} Set-CsOnlineVoiceRoute.md`,
  },
  "Remove-CsOnlineVoiceRoute": { parameters: ["Identity"], source: `${DOCS} Remove-CsOnlineVoiceRoute.md` },

  "Get-CsOnlinePstnUsage": { parameters: ["Identity", "Filter"], source: `${DOCS} Get-CsOnlinePstnUsage.md` },
  "Set-CsOnlinePstnUsage": { parameters: ["Identity", "Usage"], source: "§3.4 (PSTN usages)" },

  "Get-CsTenantDialPlan": { parameters: ["Identity", "Filter"], source: `${DOCS} Get-CsTenantDialPlan.md` },
  "New-CsTenantDialPlan": {
    parameters: ["Identity", "Description", "SimpleName", "NormalizationRules"],
    source: "§3.4",
  },
  "Set-CsTenantDialPlan": {
    parameters: ["Identity", "Description", "SimpleName", "NormalizationRules"],
    source: "§3.4",
  },
  "Remove-CsTenantDialPlan": { parameters: ["Identity"], source: DOCS },
  "Grant-CsTenantDialPlan": { parameters: GRANT, source: "§3.5" },
  "New-CsVoiceNormalizationRule": {
    parameters: [
      "Identity",
      "Parent",
      "Name",
      "Pattern",
      "Translation",
      "Description",
      "IsInternalExtension",
      "Priority",
      "InMemory",
    ],
    source: "§3.4 (rule params)",
  },

  "Get-CsOnlineLisCivicAddress": {
    parameters: ["CivicAddressId", "City", "CountryOrRegion", "Description", "LocationId"],
    source: `§3.7; ${DOCS} Get-CsOnlineLisCivicAddress.md`,
  },
  "New-CsOnlineLisCivicAddress": { parameters: ADDRESS_FIELDS, source: "§3.7" },
  "Set-CsOnlineLisCivicAddress": {
    parameters: ["CivicAddressId", ...ADDRESS_FIELDS],
    source: `§3.7; ${DOCS} Set-CsOnlineLisCivicAddress.md`,
  },
  "Remove-CsOnlineLisCivicAddress": { parameters: ["CivicAddressId"], source: `§3.7; ${DOCS}` },
  "Get-CsOnlineLisLocation": {
    parameters: ["CivicAddressId", "LocationId", "Location"],
    source: `§3.7; ${DOCS} Get-CsOnlineLisLocation.md`,
  },
  "New-CsOnlineLisLocation": { parameters: ["CivicAddressId", "Location", "Elin"], source: "§3.7" },
  "Set-CsOnlineLisLocation": {
    parameters: ["LocationId", "Location", "Elin"],
    source: `§3.7; ${DOCS} Set-CsOnlineLisLocation.md (UseLocationId set)`,
  },
  "Remove-CsOnlineLisLocation": { parameters: ["LocationId"], source: `§3.7; ${DOCS}` },

  "Get-CsGroupPolicyAssignment": {
    parameters: ["GroupId", "PolicyType"],
    source: `§3.5; ${DOCS} Get-CsGroupPolicyAssignment.md`,
  },
  "New-CsGroupPolicyAssignment": {
    parameters: ["GroupId", "PolicyType", "PolicyName", "Rank"],
    source: "§3.5",
  },
  "Remove-CsGroupPolicyAssignment": {
    parameters: ["GroupId", "PolicyType"],
    source: `§3.5; ${DOCS} Remove-CsGroupPolicyAssignment.md`,
  },

  // §3.1: -PhoneNumber/-PhoneNumberType were renamed -TelephoneNumber/-NumberType and remain as aliases.
  "Set-CsPhoneNumberAssignment": {
    parameters: [
      "Identity",
      "TelephoneNumber",
      "NumberType",
      "PhoneNumber",
      "PhoneNumberType",
      "LocationId",
      "NetworkSiteId",
      "AssignmentCategory",
      "ReverseNumberLookup",
      "Notify",
      "EnterpriseVoiceEnabled",
    ],
    source: "§3.1",
  },
  "Remove-CsPhoneNumberAssignment": {
    parameters: [
      "Identity",
      "TelephoneNumber",
      "NumberType",
      "PhoneNumber",
      "PhoneNumberType",
      "RemoveAll",
      "Notify",
      "AssignmentBlockedForever",
      "AssignmentBlockedDays",
    ],
    source: "§3.2 (+ the §3.1 rename)",
  },
  "Get-CsPhoneNumberAssignment": {
    parameters: [
      "TelephoneNumber",
      "AssignedPstnTargetId",
      "NumberType",
      "PstnAssignmentStatus",
      "ActivationState",
      "LocationId",
      "CivicAddressId",
      "AssignmentCategory",
      "Filter",
      "Top",
      "Skip",
    ],
    source: "§3.3",
  },
};

/** Case-insensitive lookup, as PowerShell resolves names. */
export function documentedCmdlet(name: string): DocumentedCmdlet | undefined {
  const key = Object.keys(DOCUMENTED_CMDLETS).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? DOCUMENTED_CMDLETS[key] : undefined;
}
