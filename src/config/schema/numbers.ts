import { z } from "zod";
import { e164, email } from "./primitives";

export const NUMBER_COLUMNS = ["userPrincipalName", "number", "emergencyLocation", "category"] as const;
export const ASSIGNMENT_CATEGORIES = ["primary", "private", "alternate"] as const;

/** One row of `stacks/<stack>/numbers/<department>.csv`. */
export const numberAssignmentSchema = z.strictObject({
  userPrincipalName: email.describe("The user the number is assigned to."),
  number: e164.describe("The number, E.164."),
  emergencyLocation: z
    .string()
    .min(1, "must name an emergency location id")
    .describe("Id of an emergency location."),
  category: z
    .enum(ASSIGNMENT_CATEGORIES)
    .describe("`primary` (the user's main line), `private` (inbound only) or `alternate`."),
});

export type NumberAssignment = z.infer<typeof numberAssignmentSchema>;
