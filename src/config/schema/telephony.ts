import { z } from "zod";
import { countryCode, e164, slug } from "./primitives";

export const NUMBER_TYPES = ["callingPlan", "directRouting", "operatorConnect"] as const;

export const emergencyLocationSchema = z.strictObject({
  id: slug("a location id", 40).describe("Id the numbers files use in their `emergencyLocation` column."),
  name: z.string().min(1).max(256).describe("What the dispatcher hears after the address, e.g. `Planta 3`."),
  elin: z
    .string()
    .min(
      1,
      "an ELIN cannot be empty: Teams can set or change an ELIN but not clear it (recreate the location)",
    )
    .max(20)
    .optional()
    .describe(
      "Emergency location identification number (Direct Routing). Teams can set or change it but not clear it.",
    ),
});

/**
 * Countries where New-CsOnlineLisCivicAddress takes -Latitude/-Longitude as optional: "Required for all
 * countries/regions except Australia and Japan where it's optional" (office-docs-powershell
 * teams/teams-ps/MicrosoftTeams/New-CsOnlineLisCivicAddress.md @ 93336da).
 */
export const COORDINATES_OPTIONAL_IN = ["AU", "JP"] as const;

export const emergencyAddressSchema = z
  .strictObject({
    id: slug("an address id", 40).describe("Short id of the building."),
    description: z.string().max(256).optional().describe("Free-text description of the building."),
    companyName: z.string().min(1).describe("Organisation name as the emergency service sees it."),
    houseNumber: z.string().min(1).describe("House number, as text (it may hold letters, e.g. `12B`)."),
    streetName: z.string().min(1).describe("Street name, with its type (e.g. `Calle de Alcalá`)."),
    city: z.string().min(1).describe("City or town of the address."),
    stateOrProvince: z.string().optional().describe("State or province, where the country uses one."),
    postalCode: z.string().min(1).describe("Postal code, as text (keeps leading zeros: quote it in YAML)."),
    countryOrRegion: countryCode.describe(
      "Country of the address: an officially assigned ISO 3166-1 alpha-2 code (what New-CsOnlineLisCivicAddress accepts).",
    ),
    latitude: z
      .number()
      .min(-90)
      .max(90)
      .optional()
      .describe(
        "Latitude in decimal degrees, to place the address on the dispatcher's map. Required except in AU and JP.",
      ),
    longitude: z
      .number()
      .min(-180)
      .max(180)
      .optional()
      .describe("Longitude in decimal degrees. Required except in AU and JP."),
    locations: z
      .array(emergencyLocationSchema)
      .min(1)
      .describe("Places inside the building (floors, wings). Every number points at one of them."),
  })
  .superRefine((a, ctx) => {
    if ((COORDINATES_OPTIONAL_IN as readonly string[]).includes(a.countryOrRegion)) return;
    for (const key of ["latitude", "longitude"] as const) {
      if (a[key] !== undefined) continue;
      // Reported as a missing field ("required field is missing — add 'latitude' (a number)").
      ctx.addIssue({
        code: "invalid_type",
        expected: "number",
        input: undefined,
        path: [key],
        message: "required",
      });
    }
  });

export const numberRangeSchema = z.strictObject({
  id: slug("a range id", 40).describe("Id departments use in `numberRanges`."),
  type: z
    .enum(NUMBER_TYPES)
    .describe("How the numbers reach the PSTN: `callingPlan`, `directRouting` or `operatorConnect`."),
  start: e164.describe("First number of the range (E.164)."),
  end: e164.describe("Last number of the range (E.164); same length as `start`."),
  description: z
    .string()
    .optional()
    .describe("Free-text description, e.g. the carrier and order it came from."),
});

export type EmergencyLocation = z.infer<typeof emergencyLocationSchema>;
export type EmergencyAddress = z.infer<typeof emergencyAddressSchema>;
export type NumberRange = z.infer<typeof numberRangeSchema>;
export type NumberType = (typeof NUMBER_TYPES)[number];
