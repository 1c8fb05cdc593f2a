import { z } from "zod";
import { identitySchema } from "./identity";
import { landingZoneSchema } from "./landingZone";
import { licensingSchema } from "./licensing";
import { organizationSchema } from "./organization";
import { tenantPhoneSchedulesSchema } from "./phoneServices";
import { platformApprovalsSchema } from "./platformApprovals";
import { teamsVoiceSchema } from "./teamsVoice";
import { DEFAULT_QUARANTINE_DAYS } from "./releasedNumbers";
import { emergencyAddressSchema, numberRangeSchema } from "./telephony";

/** `stacks/<stack>/tenant.yaml`: everything that is tenant-wide and owned by the platform team. */
export const tenantSchema = z
  .strictObject({
    organization: organizationSchema,
    landingZone: landingZoneSchema,
    licensing: licensingSchema,
    teamsVoice: teamsVoiceSchema.default({
      pstnUsages: [],
      voiceRoutes: [],
      callingPolicies: [],
      emergencyCallingPolicies: [],
      emergencyCallRoutingPolicies: [],
      voiceRoutingPolicies: [],
      dialPlans: [],
    }),
    emergencyAddresses: z
      .array(emergencyAddressSchema)
      .default([])
      .describe("Emergency civic addresses (buildings) and their locations, registered in the Teams LIS."),
    numberRanges: z.array(numberRangeSchema).default([]).describe("The city's phone-number ranges."),
    phoneSchedules: tenantPhoneSchedulesSchema.default({ holidayCalendars: [], schedules: [] }),
    numbering: z
      .strictObject({
        quarantineDays: z
          .int()
          .min(0)
          .max(3650)
          .default(DEFAULT_QUARANTINE_DAYS)
          .describe(
            "Days a released number (in `numbers/released.csv`) stays out of circulation before it may be assigned " +
              "again, so callers of the previous holder do not reach a stranger. 0 turns quarantine off.",
          ),
      })
      .default({ quarantineDays: DEFAULT_QUARANTINE_DAYS })
      .describe("How phone numbers are handed out and taken back (`tenant numbers allocate` and `release`)."),
    identity: identitySchema
      .optional()
      .describe(
        "Conditional access, named locations and break-glass accounts (docs/identity.md); absent: none deployed.",
      ),
    planRisks: z
      .strictObject({
        costIncreasePerMonth: z
          .number()
          .positive("must be a positive amount")
          .optional()
          .describe(
            "A department whose monthly licence cost rises by more than this (in the prices' currency) is a " +
              "risk in `tenant plan --base`. Unset: cost increases are shown but never a risk.",
          ),
      })
      .default({})
      .describe("Thresholds above which the pull-request plan reports a change as a risk."),
    platformApprovals: platformApprovalsSchema.default({ ranks: [], membershipRules: [], retirements: [] }),
  })
  .describe(
    "Tenant-wide definition: organisation, landing zone, licence and Teams voice catalogues, addresses, ranges.",
  );

export type Tenant = z.infer<typeof tenantSchema>;
