import { z } from "zod";
import { countryCode, e164, email, slug, uuid } from "./primitives";

/**
 * Phone services for citizens (issue #15): a department's resource accounts, auto attendants and call queues
 * (its own file), and the tenant's holiday calendars and shared schedules (tenant.yaml, the platform team's).
 * Field names follow the Teams admin centre and the cmdlets (New-CsAutoAttendant, New-CsCallQueue,
 * New-CsOnlineApplicationInstance, New-CsOnlineSchedule) so a reviewer can look each one up; the render turns them
 * into src/teams/phoneServices/desired.ts.
 */

/** The SKU each resource account takes ("Microsoft Teams Phone Resource Account"; docs/phone-services.md). */
export const RESOURCE_ACCOUNT_SKU = "PHONESYSTEM_VIRTUALUSER";

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

/** `08:30-20:00`: one opening range within a day, in 15-minute steps (New-CsOnlineTimeRange); `24:00` ends at midnight. */
export const timeRange = z
  .string()
  .regex(
    /^([01]\d|2[0-3]):(00|15|30|45)-(([01]\d|2[0-3]):(00|15|30|45)|24:00)$/,
    "must be a time range such as 08:30-20:00 (24-hour clock, minutes 00, 15, 30 or 45; 24:00 ends at midnight)",
  )
  .refine((r) => r.slice(0, 5) < r.slice(6), "must end after it starts");

export const weeklyHours = z
  .strictObject(
    Object.fromEntries(
      WEEKDAYS.map((d) => [
        d,
        z
          .array(timeRange)
          .max(10)
          .optional()
          .describe(`Opening ranges on ${d}s, e.g. [08:30-14:00, 16:00-20:00].`),
      ]),
    ),
  )
  .describe("Opening ranges per weekday (`monday: [08:30-14:00, 16:00-20:00]`); a day left out is closed.");

/** Local names (`linea-010`): the render prefixes the department id, so no department can name another's object. */
const localName = slug("a name", 40);

/** Where a call goes. Exactly one key. */
export const callTargetSchema = z
  .union([
    z.strictObject({ callQueue: localName.describe("One of this department's call queues.") }),
    z.strictObject({ autoAttendant: localName.describe("One of this department's auto attendants.") }),
    z.strictObject({ user: email.describe("A person of this department (user principal name).") }),
    z.strictObject({ externalNumber: e164.describe("A number outside Teams (E.164).") }),
    z.strictObject({
      sharedVoicemail: z
        .union([z.literal("department"), uuid])
        .describe("Voicemail of the department's group (`department`) or of a dedicated group by object id."),
      transcription: z.boolean().optional().describe("Transcribe the voicemail."),
    }),
  ])
  .describe(
    "A target: `callQueue`, `autoAttendant` (this department's, by name), `user` (UPN), `externalNumber`, or " +
      "`sharedVoicemail` (`department` or a group id).",
  );

const MENU_KEYS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#", "automatic"] as const;

export const menuOptionSchema = z
  .strictObject({
    key: z
      .enum(MENU_KEYS)
      .describe("The key a caller presses (0–9, * or #), or `automatic` (no key: at once)."),
    to: callTargetSchema.optional().describe("Transfer the call here."),
    operator: z.literal(true).optional().describe("Transfer to the attendant's operator."),
    announcement: z.string().min(1).max(1000).optional().describe("Read this text, then return to the menu."),
    disconnect: z.literal(true).optional().describe("Hang up."),
  })
  .refine(
    (o) => [o.to, o.operator, o.announcement, o.disconnect].filter((v) => v !== undefined).length === 1,
    "must have exactly one of to, operator, announcement or disconnect",
  );

export const callFlowSchema = z.strictObject({
  greeting: z.string().min(1).max(1000).optional().describe("Greeting read by text-to-speech."),
  menu: z
    .strictObject({
      prompt: z.string().min(1).max(1000).optional().describe("The menu read by text-to-speech."),
      options: z.array(menuOptionSchema).max(13).default([]).describe("What each key does."),
      dialByName: z.boolean().default(false).describe("Callers may search the directory by name."),
    })
    .optional()
    .describe("A menu after the greeting; absent = the call ends after the greeting."),
});

export const autoAttendantSchema = z.strictObject({
  name: localName.describe("Name, unique in the department; Teams shows `<department>-<name>`."),
  language: z
    .string()
    .regex(/^[a-z]{2}-[A-Z]{2}$/, "must be a language code such as es-ES")
    .describe("Language of the prompts (New-CsAutoAttendant -LanguageId)."),
  timeZone: z
    .string()
    .min(1)
    .default("Romance Standard Time")
    .describe("Windows time-zone id (Get-CsAutoAttendantSupportedTimeZone), e.g. Romance Standard Time."),
  voice: z.string().optional().describe("Text-to-speech voice (-VoiceId); default the language's."),
  greeting: z.string().min(1).max(1000).optional().describe("Greeting in business hours."),
  menu: callFlowSchema.shape.menu.describe("The menu in business hours."),
  businessHours: z
    .union([
      z.strictObject({ schedule: localName.describe("A shared schedule of tenant.yaml.") }),
      z.strictObject({ weekly: weeklyHours }),
    ])
    .optional()
    .describe("When the attendant is open; absent = always."),
  afterHours: callFlowSchema.optional().describe("The flow outside business hours (needs businessHours)."),
  holidays: z
    .array(
      callFlowSchema.extend({
        calendar: localName.describe("A holiday calendar of tenant.yaml."),
      }),
    )
    .default([])
    .describe("The flow on the dates of each holiday calendar."),
  operator: callTargetSchema.optional().describe("Where key 0 / `operator` goes."),
  dialScope: z
    .enum(["department", "tenant"])
    .default("department")
    .describe("Dial-by-name searches the department's group, or the whole directory."),
});

/** What happens to a call that overflows or times out (New-CsCallQueue -OverflowAction / -TimeoutAction). */
const queueExit = {
  action: z
    .enum(["disconnect", "forward", "voicemail", "sharedVoicemail"])
    .describe("`disconnect`, `forward` (to), `voicemail` (a user's: to) or `sharedVoicemail` (to)."),
  to: callTargetSchema.optional().describe("Target of `forward`, `voicemail` and `sharedVoicemail`."),
};

export const callQueueSchema = z.strictObject({
  name: localName.describe("Name, unique in the department; Teams shows `<department>-<name>`."),
  language: z
    .string()
    .regex(/^[a-z]{2}-[A-Z]{2}$/, "must be a language code such as es-ES")
    .optional()
    .describe("Language of the queue's prompts."),
  agents: z
    .union([
      z.literal("department"),
      z.strictObject({ group: uuid.describe("A dedicated group's object id.") }),
      z.strictObject({ users: z.array(email).min(1).max(20).describe("Agents by UPN (at most 20).") }),
    ])
    .describe("Who answers: `department` (the department's group), `{ group: <id> }` or `{ users: [...] }`."),
  routing: z
    .enum(["Attendant", "Serial", "RoundRobin", "LongestIdle"])
    .default("LongestIdle")
    .describe("Routing method (New-CsCallQueue -RoutingMethod)."),
  presenceBasedRouting: z.boolean().default(true).describe("Skip agents who are busy or away."),
  allowOptOut: z.boolean().default(true).describe("Agents may opt out of taking calls."),
  agentAlertTime: z.int().min(15).max(180).default(30).describe("Seconds an agent's phone rings."),
  overflow: z
    .strictObject({
      threshold: z.int().min(0).max(200).default(50).describe("Calls waiting before overflow (0–200)."),
      ...queueExit,
    })
    .default({ threshold: 50, action: "disconnect" })
    .describe("When too many calls wait."),
  timeout: z
    .strictObject({
      seconds: z
        .int()
        .min(0)
        .max(2700)
        .default(1200)
        .describe("Seconds a call waits before timeout (0–2700)."),
      ...queueExit,
    })
    .default({ seconds: 1200, action: "disconnect" })
    .describe("When a call waits too long."),
  welcome: z.string().min(1).max(1000).optional().describe("Welcome text read by text-to-speech."),
  musicOnHold: z
    .union([
      z.literal("default"),
      z.strictObject({
        audioFileId: uuid.describe(
          "An audio file the platform team uploaded (Import-CsOnlineAudioFile -ApplicationId HuntGroup), by id.",
        ),
      }),
    ])
    .default("default")
    .describe(
      "Music on hold: `default` (Teams' own) or `{ audioFileId: <id> }` (New-CsCallQueue -MusicOnHoldAudioFileId).",
    ),
});

export const resourceAccountSchema = z.strictObject({
  userPrincipalName: email.describe(
    "The account's UPN; its local part must start with `ra-<department>-` (so no department takes another's).",
  ),
  displayName: z
    .string()
    .min(1)
    .max(256)
    .describe("Name callers and reviewers see, e.g. 010 Línea Ciudadana."),
  answers: z
    .union([
      z.strictObject({ autoAttendant: localName.describe("One of this department's auto attendants.") }),
      z.strictObject({ callQueue: localName.describe("One of this department's call queues.") }),
    ])
    .describe("The attendant or queue this account answers for."),
  number: e164.optional().describe("Its public number, from the department's ranges."),
  usageLocation: countryCode.default("ES").describe("Usage location (needed before a number is assigned)."),
});

export const departmentPhoneServicesSchema = z
  .strictObject({
    resourceAccounts: z
      .array(resourceAccountSchema)
      .default([])
      .describe(
        "Resource accounts: the public numbers callers dial, each answering for an attendant or a queue.",
      ),
    autoAttendants: z
      .array(autoAttendantSchema)
      .default([])
      .describe("Auto attendants: greetings, menus, opening hours and holidays."),
    callQueues: z
      .array(callQueueSchema)
      .default([])
      .describe("Call queues: who answers, how calls are routed, and what happens when they wait too long."),
  })
  .describe("The department's phone services for citizens (docs/phone-services.md).");

export const holidayCalendarSchema = z.strictObject({
  name: localName.describe("Calendar name, used by attendants' `holidays`."),
  entries: z
    .array(
      z.strictObject({
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2027-05-15")
          .describe("The day (YYYY-MM-DD)."),
        name: z.string().min(1).max(120).describe("What the day is, e.g. San Isidro."),
      }),
    )
    .min(1)
    .describe("Dated holidays, reviewable per year."),
});

export const tenantPhoneSchedulesSchema = z
  .strictObject({
    holidayCalendars: z
      .array(holidayCalendarSchema)
      .default([])
      .describe(
        "Holiday calendars (national, regional, city), one per year, used by attendants' `holidays`.",
      ),
    schedules: z
      .array(z.strictObject({ name: localName.describe("Schedule name."), weekly: weeklyHours }))
      .default([])
      .describe("Shared business hours, used by attendants' `businessHours.schedule`."),
  })
  .describe("Holiday calendars and shared schedules for the departments' auto attendants (platform team).");

export type DepartmentPhoneServices = z.infer<typeof departmentPhoneServicesSchema>;
export type TenantPhoneSchedules = z.infer<typeof tenantPhoneSchedulesSchema>;
export type CallTargetDefinition = z.infer<typeof callTargetSchema>;
export type CallFlowDefinition = z.infer<typeof callFlowSchema>;
