/**
 * The MicrosoftTeams cmdlets the fake-PowerShell endpoint IMPLEMENTS, and how it reads their values. What is
 * real — parameter names, aliases, sets, mandatory, types, ValidateSet — comes from the vendored contract
 * (src/teams/powershell/contract, Microsoft's reference at a pinned commit) in teamsCmdletBinding.ts: a name
 * the contract lacks is refused as PowerShell refuses it; a documented parameter missing here is refused as
 * "not emulated". This table adds what the emulator needs beyond the contract:
 *
 * Wire conventions of the JSON protocol (`DriverRequest.parameters`):
 * - names are matched case-insensitively (as PowerShell binds them) and reported in the casing below;
 * - `switch` parameters are `true` (false or absent = not given);
 * - `list` values are arrays; a single value is taken as a one-item list (PowerShell does the same);
 * - `change` values are either an array (the whole new list) or the hashtable form
 *   `@{Add=…;Remove=…;Replace=…}` as JSON `{"Add":[…],"Remove":[…]}` (items or single values);
 * - `output`: `list` = an array of objects (even for one or none; the driver wraps results in `@()`),
 *   `object` = the one object New returns, `none` = `null` (Set/Remove/Grant print nothing).
 */

export type { CmdletSpec, ParamKind, ParamSpec } from "./teamsCmdletSpec";
import { bool, boolDefault, int, oneOf, str, type CmdletSpec, type ParamSpec } from "./teamsCmdletSpec";
import { PHONE_CMDLETS } from "./teamsPhoneCmdlets";

const enabledType = ["Enabled", "Disabled", "UserOverride"] as const;

/** Settings of each policy noun (New/Set take them, Get shows them): §3.4. */
export const POLICY_SETTINGS: Readonly<Record<string, Readonly<Record<string, ParamSpec>>>> = {
  CsTeamsCallingPolicy: {
    Description: str,
    AllowPrivateCalling: boolDefault(true),
    AllowVoicemail: oneOf(["AlwaysEnabled", "AlwaysDisabled", "UserOverride"], "UserOverride"),
    AllowCallForwardingToPhone: boolDefault(true),
    AllowCallForwardingToUser: boolDefault(true),
    AllowCallGroups: boolDefault(true),
    AllowDelegation: boolDefault(true),
    AllowWebPSTNCalling: boolDefault(true),
    AllowCloudRecordingForCalls: boolDefault(false),
    AllowTranscriptionForCalling: boolDefault(false),
    AllowSIPDevicesCalling: boolDefault(false),
    AllowCallRedirect: oneOf(enabledType, "Enabled"),
    BusyOnBusyEnabledType: oneOf(["Enabled", "Disabled", "Unanswered", "UserOverride"], "Disabled"),
    InboundPstnCallRoutingTreatment: oneOf(
      ["RegularIncoming", "Unanswered", "Voicemail", "UserOverride"],
      "RegularIncoming",
    ),
    InboundFederatedCallRoutingTreatment: oneOf(
      ["RegularIncoming", "Unanswered", "Voicemail"],
      "RegularIncoming",
    ),
    PreventTollBypass: boolDefault(false),
    MusicOnHoldEnabledType: oneOf(enabledType, "Enabled"),
    AutoAnswerEnabledType: oneOf(["Enabled", "Disabled"], "Disabled"),
    SpamFilteringEnabledType: oneOf(["Enabled", "Disabled", "EnabledWithoutIVR"], "Enabled"),
    CallRecordingExpirationDays: { kind: "int", default: 60 },
    EnableSpendLimits: boolDefault(false),
    CallingSpendUserLimit: int,
    LiveCaptionsEnabledTypeForCalling: oneOf(["DisabledUserOverride", "Disabled"], "DisabledUserOverride"),
    Copilot: oneOf(
      ["Enabled", "EnabledWithTranscript", "EnabledWithTranscriptDefaultOn", "Disabled"],
      "EnabledWithTranscript",
    ),
  },
  CsTeamsEmergencyCallingPolicy: {
    Description: str,
    NotificationGroup: { kind: "semicolonList" },
    NotificationDialOutNumber: str,
    NotificationMode: oneOf(["NotificationOnly", "ConferenceMuted", "ConferenceUnMuted"], "NotificationOnly"),
    ExternalLocationLookupMode: oneOf(["Disabled", "Enabled"], "Disabled"),
    EnhancedEmergencyServiceDisclaimer: str,
    ExtendedNotifications: { kind: "list", items: "object", default: [] },
  },
  CsTeamsEmergencyCallRoutingPolicy: {
    Description: str,
    /** Items `{EmergencyDialString, EmergencyDialMask, OnlinePSTNUsage}`; the usage must exist. */
    EmergencyNumbers: { kind: "list", items: "object", default: [] },
    AllowEnhancedEmergencyServices: boolDefault(false),
  },
  CsOnlineVoiceRoutingPolicy: {
    Description: str,
    /** Ordered; every usage must be in the global PSTN usage list. */
    OnlinePstnUsages: { kind: "change", items: "string", default: [] },
  },
  CsTenantDialPlan: {
    Description: str,
    SimpleName: str,
    /** Items `{Name, Description, Pattern, Translation, IsInternalExtension, Priority}`; at most 50. */
    NormalizationRules: { kind: "change", items: "object", default: [] },
  },
};

/** Policy noun → the policy type Graph and `-PolicyType` use. */
export const POLICY_NOUNS: Readonly<Record<string, string>> = {
  CsTeamsCallingPolicy: "TeamsCallingPolicy",
  CsTeamsEmergencyCallingPolicy: "TeamsEmergencyCallingPolicy",
  CsTeamsEmergencyCallRoutingPolicy: "TeamsEmergencyCallRoutingPolicy",
  CsOnlineVoiceRoutingPolicy: "OnlineVoiceRoutingPolicy",
  CsTenantDialPlan: "TenantDialPlan",
};

const VOICE_ROUTE: Readonly<Record<string, ParamSpec>> = {
  Description: str,
  NumberPattern: { kind: "string", default: "[0-9]{10}" },
  OnlinePstnGatewayList: { kind: "change", items: "string", default: [] },
  OnlinePstnUsages: { kind: "change", items: "string", default: [] },
  Priority: { kind: "int", default: 0 },
  BridgeSourcePhoneNumber: str,
};

const ADDRESS_FIELDS: Readonly<Record<string, ParamSpec>> = {
  CompanyName: str,
  CompanyTaxId: str,
  HouseNumber: str,
  HouseNumberSuffix: str,
  PreDirectional: str,
  StreetName: str,
  StreetSuffix: str,
  PostDirectional: str,
  City: str,
  CityAlias: str,
  StateOrProvince: str,
  PostalCode: str,
  CountryOrRegion: str,
  Description: str,
  Latitude: { kind: "coordinate" },
  Longitude: { kind: "coordinate" },
  Elin: str,
  IsAzureMapValidationRequired: bool,
};

const GROUP_POLICY_TYPES = [
  "TeamsCallingPolicy",
  "TeamsEmergencyCallingPolicy",
  "TeamsEmergencyCallRoutingPolicy",
  "OnlineVoiceRoutingPolicy",
  "TenantDialPlan",
  "CallingLineIdentity",
  "TeamsMeetingPolicy",
  "TeamsMessagingPolicy",
];

function policyCmdlets(): Record<string, CmdletSpec> {
  const out: Record<string, CmdletSpec> = {};
  for (const [noun, settings] of Object.entries(POLICY_SETTINGS)) {
    const withoutDefaults = Object.fromEntries(
      Object.entries(settings).map(([k, { default: _unused, ...spec }]) => [k, spec]),
    );
    out[`Get-${noun}`] = { params: { Identity: str, Filter: str }, output: "list" };
    out[`New-${noun}`] = {
      params: { Identity: str, ...withoutDefaults },
      output: "object",
      anySetting: true,
    };
    out[`Set-${noun}`] = { params: { Identity: str, ...withoutDefaults }, output: "none", anySetting: true };
    out[`Remove-${noun}`] = { params: { Identity: str }, output: "none" };
    // Only the tenant grant (-Global) is emulated; -Identity (a user) and -Group are refused as not emulated.
    out[`Grant-${noun}`] = {
      params: { Global: { kind: "switch" }, PolicyName: { kind: "string", nullable: true } },
      output: "none",
    };
  }
  return out;
}

export const TEAMS_CMDLETS: Readonly<Record<string, CmdletSpec>> = {
  ...policyCmdlets(),
  ...PHONE_CMDLETS,

  "Get-CsOnlinePstnUsage": { params: { Identity: str }, output: "list" },
  /** `-Identity global` only: the list is tenant-wide (§3.4). */
  "Set-CsOnlinePstnUsage": {
    params: { Identity: str, Usage: { kind: "change", items: "string" } },
    output: "none",
  },

  "Get-CsOnlineVoiceRoute": { params: { Identity: str, Filter: str }, output: "list" },
  "New-CsOnlineVoiceRoute": {
    params: {
      Identity: str,
      ...Object.fromEntries(Object.entries(VOICE_ROUTE).map(([k, { default: _d, ...s }]) => [k, s])),
    },
    output: "object",
  },
  "Set-CsOnlineVoiceRoute": {
    params: {
      Identity: str,
      ...Object.fromEntries(Object.entries(VOICE_ROUTE).map(([k, { default: _d, ...s }]) => [k, s])),
    },
    output: "none",
  },
  "Remove-CsOnlineVoiceRoute": { params: { Identity: str }, output: "none" },

  "Get-CsOnlineLisCivicAddress": {
    params: { CivicAddressId: str, City: str, CountryOrRegion: str, Description: str },
    output: "list",
  },
  "New-CsOnlineLisCivicAddress": {
    params: { ...ADDRESS_FIELDS, CompanyName: str, CountryOrRegion: str },
    output: "object",
  },
  "Set-CsOnlineLisCivicAddress": {
    params: { CivicAddressId: str, ...ADDRESS_FIELDS },
    output: "none",
  },
  "Remove-CsOnlineLisCivicAddress": { params: { CivicAddressId: str }, output: "none" },

  "Get-CsOnlineLisLocation": {
    params: { LocationId: str, CivicAddressId: str, Location: str },
    output: "list",
  },
  "New-CsOnlineLisLocation": {
    params: { CivicAddressId: str, Location: str, Elin: str },
    output: "object",
  },
  "Set-CsOnlineLisLocation": {
    params: { LocationId: str, Location: str, Elin: str },
    output: "none",
  },
  "Remove-CsOnlineLisLocation": { params: { LocationId: str }, output: "none" },

  "Get-CsGroupPolicyAssignment": {
    params: { GroupId: str, PolicyType: { kind: "enum", values: GROUP_POLICY_TYPES } },
    output: "list",
  },
  "New-CsGroupPolicyAssignment": {
    params: {
      GroupId: str,
      PolicyType: { kind: "enum", values: GROUP_POLICY_TYPES },
      PolicyName: str,
      Rank: int,
    },
    output: "none",
  },
  "Remove-CsGroupPolicyAssignment": {
    params: {
      GroupId: str,
      PolicyType: { kind: "enum", values: GROUP_POLICY_TYPES },
    },
    output: "none",
  },
};

/** Settings Get shows for a voice route that never set them. */
export const VOICE_ROUTE_SETTINGS = VOICE_ROUTE;
