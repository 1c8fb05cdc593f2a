import { z } from "zod";
import { e164, email, teamsPolicyName } from "./primitives";

/**
 * Teams voice catalogue. Setting names are the MicrosoftTeams cmdlet parameters in camelCase
 * (`allowPrivateCalling` is `-AllowPrivateCalling`), so reviewers can look each one up.
 */

const enabledType = z.enum(["Enabled", "Disabled", "UserOverride"]);

export const callingPolicySchema = z.strictObject({
  name: teamsPolicyName.describe("Policy identity (`Tag:<name>` in Teams)."),
  description: z.string().max(1024).optional(),
  allowPrivateCalling: z.boolean().optional().describe("Master switch for calling in Teams."),
  allowVoicemail: z.enum(["AlwaysEnabled", "AlwaysDisabled", "UserOverride"]).optional(),
  allowCallForwardingToPhone: z.boolean().optional(),
  allowCallForwardingToUser: z.boolean().optional(),
  allowCallGroups: z.boolean().optional(),
  allowDelegation: z.boolean().optional(),
  allowWebPSTNCalling: z.boolean().optional(),
  allowCloudRecordingForCalls: z.boolean().optional(),
  allowTranscriptionForCalling: z.boolean().optional(),
  allowSIPDevicesCalling: z.boolean().optional(),
  allowCallRedirect: enabledType.optional(),
  busyOnBusyEnabledType: z.enum(["Enabled", "Disabled", "Unanswered", "UserOverride"]).optional(),
  inboundPstnCallRoutingTreatment: z
    .enum(["RegularIncoming", "Unanswered", "Voicemail", "UserOverride"])
    .optional(),
  inboundFederatedCallRoutingTreatment: z.enum(["RegularIncoming", "Unanswered", "Voicemail"]).optional(),
  preventTollBypass: z.boolean().optional().describe("Direct Routing only: it breaks Calling Plan routing."),
  musicOnHoldEnabledType: enabledType.optional(),
  spamFilteringEnabledType: z.enum(["Enabled", "Disabled"]).optional(),
  callRecordingExpirationDays: z.int().min(1).max(99999).optional(),
});

export const emergencyCallingPolicySchema = z.strictObject({
  name: teamsPolicyName,
  description: z.string().max(1024).optional(),
  notificationGroup: z
    .array(email)
    .max(10)
    .default([])
    .describe("Up to 10 addresses told of every emergency call (the security desk)."),
  notificationDialOutNumber: e164.optional().describe("Number conferenced in on emergency calls."),
  notificationMode: z.enum(["NotificationOnly", "ConferenceMuted", "ConferenceUnMuted"]).optional(),
  externalLocationLookupMode: z.enum(["Disabled", "Enabled"]).optional(),
});

export const emergencyNumberSchema = z.strictObject({
  emergencyDialString: z.string().regex(/^[0-9]{2,10}$/, "must be the digits dialled, such as 112"),
  emergencyDialMask: z
    .array(z.string().regex(/^[0-9]{2,10}$/, "must be digits, such as 911"))
    .default([])
    .describe("Other dial strings treated as this one."),
  onlinePstnUsage: z
    .string()
    .min(1)
    .describe("PSTN usage whose routes carry the call; must be in `pstnUsages`."),
});

export const emergencyCallRoutingPolicySchema = z.strictObject({
  name: teamsPolicyName,
  description: z.string().max(1024).optional(),
  allowEnhancedEmergencyServices: z.boolean().default(true),
  emergencyNumbers: z.array(emergencyNumberSchema).min(1),
});

export const voiceRouteSchema = z.strictObject({
  name: teamsPolicyName,
  description: z.string().max(1024).optional(),
  numberPattern: z.string().min(1).describe("Regular expression of the dialled numbers this route carries."),
  gateways: z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "must be an SBC FQDN")).min(1),
  pstnUsages: z
    .array(z.string().min(1))
    .min(1)
    .describe("Usages this route belongs to; must be in `pstnUsages`."),
  priority: z.int().min(0).describe("Lower numbers win."),
});

export const voiceRoutingPolicySchema = z.strictObject({
  name: teamsPolicyName,
  description: z.string().max(1024).optional(),
  pstnUsages: z
    .array(z.string().min(1))
    .min(1)
    .describe("Ordered PSTN usages; each must be in `pstnUsages`."),
});

export const normalizationRuleSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/, "must be a rule name of letters, digits, '.', '_', '-'"),
  description: z.string().max(512).optional(),
  pattern: z.string().min(1).describe("Regular expression matched against what the user dialled."),
  translation: z.string().min(1).describe("Replacement, e.g. `+34$1`."),
  isInternalExtension: z.boolean().default(false),
});

export const dialPlanSchema = z.strictObject({
  name: z
    .string()
    .regex(
      /^[A-Za-z0-9.-]{1,49}$/,
      "must be at most 49 characters of letters, digits, '-' and '.' (a Teams limit)",
    )
    .describe("Dial plan identity: at most 49 characters of letters, digits, '-' and '.' (a Teams limit)."),
  description: z.string().max(512).optional(),
  simpleName: z.string().max(256).optional(),
  normalizationRules: z
    .array(normalizationRuleSchema)
    .max(50, "has more than 50 normalization rules, the Teams limit per dial plan")
    .default([])
    .describe("Rules in priority order (first wins); at most 50 per plan (a Teams limit)."),
});

export const teamsVoiceSchema = z
  .strictObject({
    pstnUsages: z.array(z.string().min(1)).default([]).describe("The tenant's global list of PSTN usages."),
    voiceRoutes: z.array(voiceRouteSchema).default([]),
    callingPolicies: z.array(callingPolicySchema).default([]),
    emergencyCallingPolicies: z.array(emergencyCallingPolicySchema).default([]),
    emergencyCallRoutingPolicies: z.array(emergencyCallRoutingPolicySchema).default([]),
    voiceRoutingPolicies: z.array(voiceRoutingPolicySchema).default([]),
    dialPlans: z.array(dialPlanSchema).default([]),
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
