import { z } from "zod";
import { e164, email, slug } from "./primitives";

/** The ledger of released numbers, `stacks/<stack>/numbers/released.csv` (reserved: no department may be called `released`). */
export const RELEASED_FILE = "released.csv";
/** Days a released number stays out of circulation unless tenant.yaml says otherwise (`numbering.quarantineDays`). */
export const DEFAULT_QUARANTINE_DAYS = 90;
export const RELEASED_COLUMNS = ["number", "releasedOn", "department", "userPrincipalName"] as const;

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD, such as 2026-03-31")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "is not a day of the calendar (check the day and the month)");

/** One row of the ledger: a number taken from a user, kept out of circulation for `numbering.quarantineDays`. */
export const releasedNumberSchema = z.strictObject({
  number: e164.describe("The released number, E.164."),
  releasedOn: isoDate.describe("The day the number was released (YYYY-MM-DD); its quarantine starts then."),
  department: slug("a department id").describe("The department the number was released from."),
  userPrincipalName: z
    .union([z.literal(""), email])
    .describe("The user who had the number (may be empty, e.g. for a number that was never assigned)."),
});

export type ReleasedNumber = z.infer<typeof releasedNumberSchema>;
