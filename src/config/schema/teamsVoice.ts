import { z } from "zod";
import { e164, email, teamsPolicyName } from "./primitives";

/**
 * Teams voice catalogue. Setting names are the MicrosoftTeams cmdlet parameters in camelCase
 * (`allowPrivateCalling` is `-AllowPrivateCalling`), so reviewers can look each one up.
 */

const enabledType = z.enum(["Enabled", "Disabled", "UserOverride"]);
/**
 * `-AllowCallRedirect`: "UserOverride: This option is not available for use" (office-docs-powershell
 * teams/teams-ps/MicrosoftTeams/Set-CsTeamsCallingPolicy.md @ 93336da), so only Enabled and Disabled.
 */
const callRedirectType = z.enum(["Enabled", "Disabled"]);
/** Emergency calling and emergency call routing policies: "Maximum characters: 512" (New-CsTeams…Policy.md @ 93336da). */
const EMERGENCY_DESCRIPTION_MAX = 512;

export const callingPolicySchema = z.strictObject({
  name: teamsPolicyName.describe("Policy identity (`Tag:<name>` in Teams)."),
  description: z
    .string()
    .max(1024)
    .optional()
    .describe("Free-text description, shown in the Teams admin centre."),
  allowPrivateCalling: z.boolean().optional().describe("Master switch for calling in Teams."),
  allowVoicemail: z
    .enum(["AlwaysEnabled", "AlwaysDisabled", "UserOverride"])
    .optional()
    .describe("Voicemail for unanswered calls: always on, always off, or the user's choice."),
  allowCallForwardingToPhone: z
    .boolean()
    .optional()
    .describe("Users may forward calls, or ring at the same time, to a phone number."),
  allowCallForwardingToUser: z
    .boolean()
    .optional()
    .describe("Users may forward calls, or ring at the same time, to other users."),
  allowCallGroups: z
    .boolean()
    .optional()
    .describe("Users may set up call groups that ring colleagues for them."),
  allowDelegation: z
    .boolean()
    .optional()
    .describe("Users may name delegates who make and take calls on their behalf."),
  allowWebPSTNCalling: z.boolean().optional().describe("Users may make PSTN calls from Teams on the web."),
  allowCloudRecordingForCalls: z.boolean().optional().describe("Users may record calls in the cloud."),
  allowTranscriptionForCalling: z
    .boolean()
    .optional()
    .describe("Users may turn on live transcription of calls."),
  allowSIPDevicesCalling: z
    .boolean()
    .optional()
    .describe("Users may call from SIP devices registered with Teams."),
  allowCallRedirect: callRedirectType
    .optional()
    .describe(
      "SIP devices may redirect incoming calls: Enabled or Disabled (Teams' UserOverride is not available for use).",
    ),
  busyOnBusyEnabledType: z
    .enum(["Enabled", "Disabled", "Unanswered", "UserOverride"])
    .optional()
    .describe(
      "A second caller while the user is in a call gets a busy signal (`Enabled`), rings as usual (`Disabled`), is treated as unanswered, or as the user chooses.",
    ),
  inboundPstnCallRoutingTreatment: z
    .enum(["RegularIncoming", "Unanswered", "Voicemail", "UserOverride"])
    .optional()
    .describe(
      "Inbound PSTN calls ring as usual, are treated as unanswered (forwarding applies), go to voicemail, or as the user chooses.",
    ),
  inboundFederatedCallRoutingTreatment: z
    .enum(["RegularIncoming", "Unanswered", "Voicemail"])
    .optional()
    .describe(
      "Calls from federated organisations ring as usual, are treated as unanswered, or go to voicemail.",
    ),
  preventTollBypass: z.boolean().optional().describe("Direct Routing only: it breaks Calling Plan routing."),
  musicOnHoldEnabledType: enabledType
    .optional()
    .describe("Music for callers on hold: on, off, or the user's choice."),
  spamFilteringEnabledType: z
    .enum(["Enabled", "Disabled"])
    .optional()
    .describe("Spam filtering of inbound PSTN calls."),
  callRecordingExpirationDays: z
    .int()
    .min(1)
    .max(99999)
    .optional()
    .describe("Days after which call recordings are deleted."),
});

export const emergencyCallingPolicySchema = z.strictObject({
  name: teamsPolicyName.describe("Policy identity (`Tag:<name>` in Teams)."),
  description: z
    .string()
    .max(EMERGENCY_DESCRIPTION_MAX)
    .optional()
    .describe("Free-text description, shown in the Teams admin centre."),
  // New-CsTeamsEmergencyCallingPolicy -NotificationGroup: "A maximum of 10 e-mail addresses can be specified"
  // (MicrosoftDocs/office-docs-powershell teams/teams-ps/MicrosoftTeams/New-CsTeamsEmergencyCallingPolicy.md @93336da).
  notificationGroup: z
    .array(email)
    .max(10)
    .default([])
    .describe("Up to 10 addresses told of every emergency call (the security desk)."),
  notificationDialOutNumber: e164.optional().describe("Number conferenced in on emergency calls."),
  notificationMode: z
    .enum(["NotificationOnly", "ConferenceMuted", "ConferenceUnMuted"])
    .optional()
    .describe(
      "How the notification group learns of an emergency call: a notification only, or joining it muted or unmuted.",
    ),
  externalLocationLookupMode: z
    .enum(["Disabled", "Enabled"])
    .optional()
    .describe("Lets users working away from the city's buildings enter their own emergency address."),
});

export const emergencyNumberSchema = z.strictObject({
  emergencyDialString: z
    .string()
    .regex(/^[0-9]{2,10}$/, "must be the digits dialled, such as 112")
    .describe("Digits dialled for the emergency service, e.g. `112`."),
  // New-CsTeamsEmergencyNumber -EmergencyDialMask: "Each number string must be made of the digits 0 through 9 and
  // can be from 1 to 10 digits in length" (MicrosoftDocs/office-docs-powershell teams/teams-ps/MicrosoftTeams/
  // New-CsTeamsEmergencyNumber.md @93336da).
  emergencyDialMask: z
    .array(z.string().regex(/^[0-9]{1,10}$/, "must be 1 to 10 digits, such as 911"))
    .default([])
    .describe("Other dial strings treated as this one."),
  onlinePstnUsage: z
    .string()
    .min(1)
    .describe("PSTN usage whose routes carry the call; must be in `pstnUsages`."),
});

export const emergencyCallRoutingPolicySchema = z.strictObject({
  name: teamsPolicyName.describe("Policy identity (`Tag:<name>` in Teams)."),
  description: z
    .string()
    .max(EMERGENCY_DESCRIPTION_MAX)
    .optional()
    .describe("Free-text description, shown in the Teams admin centre."),
  allowEnhancedEmergencyServices: z
    .boolean()
    .default(true)
    .describe("Send the caller's location with emergency calls (enhanced emergency services)."),
  emergencyNumbers: z
    .array(emergencyNumberSchema)
    .min(1)
    .describe("The emergency numbers this policy routes, and the PSTN usage of each."),
});

export const voiceRouteSchema = z.strictObject({
  name: teamsPolicyName.describe("Voice route identity."),
  description: z
    .string()
    .max(1024)
    .optional()
    .describe("Free-text description, shown in the Teams admin centre."),
  numberPattern: z.string().min(1).describe("Regular expression of the dialled numbers this route carries."),
  gateways: z
    .array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "must be an SBC FQDN"))
    .min(1)
    .describe("FQDNs of the session border controllers (online PSTN gateways) that carry the calls."),
  pstnUsages: z
    .array(z.string().min(1))
    .min(1)
    .describe("Usages this route belongs to; must be in `pstnUsages`."),
  priority: z.int().min(0).describe("Lower numbers win."),
});

export const voiceRoutingPolicySchema = z.strictObject({
  name: teamsPolicyName.describe("Policy identity (`Tag:<name>` in Teams)."),
  description: z
    .string()
    .max(1024)
    .optional()
    .describe("Free-text description, shown in the Teams admin centre."),
  pstnUsages: z
    .array(z.string().min(1))
    .min(1)
    .describe("Ordered PSTN usages; each must be in `pstnUsages`."),
});

export const normalizationRuleSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/, "must be a rule name of letters, digits, '.', '_', '-'")
    .describe("Rule name, unique within its dial plan."),
  // New-CsVoiceNormalizationRule -Description: "Maximum string length: 512 characters" (MicrosoftDocs/
  // office-docs-powershell teams/teams-ps/MicrosoftTeams/New-CsVoiceNormalizationRule.md @93336da).
  description: z.string().max(512).optional().describe("Free-text description of the rule."),
  pattern: z.string().min(1).describe("Regular expression matched against what the user dialled."),
  translation: z.string().min(1).describe("Replacement, e.g. `+34$1`."),
  isInternalExtension: z
    .boolean()
    .default(false)
    .describe("The rule turns an internal extension into a full number."),
});

export const dialPlanSchema = z.strictObject({
  // New-CsTenantDialPlan -Identity: "cannot exceed 49 characters. Valid characters are alphabetic or numeric
  // characters, hyphen (-) and dot (.)"; at most 50 normalization rules per plan (New-CsTenantDialPlan.md @93336da).
  name: z
    .string()
    .regex(
      /^[A-Za-z0-9-][A-Za-z0-9.-]{0,48}$/,
      "must be at most 49 characters of letters, digits, '-' and '.', not beginning with '.' (a Teams limit)",
    )
    // New-CsTenantDialPlan.md @ 93336da, -Identity: "cannot exceed 49 characters … should not begin with a (.)".
    .describe(
      "Dial plan identity: at most 49 characters of letters, digits, '-' and '.', not beginning with '.' (a Teams limit).",
    ),
  // New-CsTenantDialPlan -Description: "Maximum characters: 1040" (MicrosoftDocs/office-docs-powershell teams/teams-ps/MicrosoftTeams/New-CsTenantDialPlan.md @93336da).
  description: z
    .string()
    .max(1040)
    .optional()
    .describe("Free-text description of the dial plan (at most 1040 characters)."),
  // New-CsTenantDialPlan -SimpleName: up to 49 characters of letters, digits, '-', '.', '(' and ')', unique
  // among the tenant's dial plans (MicrosoftDocs/office-docs-powershell teams/teams-ps/MicrosoftTeams/New-CsTenantDialPlan.md @93336da); uniqueness is the teams-voice-catalogue rule.
  simpleName: z
    .string()
    .regex(
      /^[A-Za-z0-9.()-]{1,49}$/,
      "must be 1 to 49 characters of letters, digits, '-', '.', '(' and ')' (a Teams limit)",
    )
    .optional()
    .describe(
      "Short name shown to users in Teams: at most 49 letters, digits, '-', '.', '(' and ')'; unique.",
    ),
  normalizationRules: z
    .array(normalizationRuleSchema)
    .max(50, "has more than 50 normalization rules, the Teams limit per dial plan")
    .default([])
    .describe("Rules in priority order (first wins); at most 50 per plan (a Teams limit)."),
});

export const teamsVoiceSchema = z
  .strictObject({
    pstnUsages: z.array(z.string().min(1)).default([]).describe("The tenant's global list of PSTN usages."),
    voiceRoutes: z
      .array(voiceRouteSchema)
      .default([])
      .describe("Direct Routing voice routes: which dialled numbers leave through which SBCs."),
    callingPolicies: z
      .array(callingPolicySchema)
      .default([])
      .describe("Calling policies: what users may do with calls."),
    emergencyCallingPolicies: z
      .array(emergencyCallingPolicySchema)
      .default([])
      .describe("Emergency calling policies: who is told of an emergency call, and how."),
    emergencyCallRoutingPolicies: z
      .array(emergencyCallRoutingPolicySchema)
      .default([])
      .describe(
        "Emergency call routing policies (Direct Routing): which dial strings are emergency calls and how they leave.",
      ),
    voiceRoutingPolicies: z
      .array(voiceRoutingPolicySchema)
      .default([])
      .describe("Voice routing policies (Direct Routing): the PSTN usages a user's calls may take."),
    dialPlans: z
      .array(dialPlanSchema)
      .default([])
      .describe("Tenant dial plans: how what users dial is normalised to E.164."),
    globalEmergencyCallRoutingPolicy: z
      .string()
      .optional()
      .describe(
        "Emergency call routing policy granted tenant-wide. Teams cannot grant this policy type to groups, so it is not per department.",
      ),
  })
  .describe("Teams Phone policies, routing and dial plans.");

export type CallingPolicy = z.infer<typeof callingPolicySchema>;
export type EmergencyCallingPolicy = z.infer<typeof emergencyCallingPolicySchema>;
export type EmergencyCallRoutingPolicy = z.infer<typeof emergencyCallRoutingPolicySchema>;
export type VoiceRoute = z.infer<typeof voiceRouteSchema>;
export type VoiceRoutingPolicy = z.infer<typeof voiceRoutingPolicySchema>;
export type NormalizationRule = z.infer<typeof normalizationRuleSchema>;
export type DialPlan = z.infer<typeof dialPlanSchema>;
export type TeamsVoice = z.infer<typeof teamsVoiceSchema>;
