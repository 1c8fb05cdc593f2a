import { z } from "zod";
import { countryCode, slug, uuid } from "./primitives";

export const organizationSchema = z
  .strictObject({
    name: z.string().min(1).describe("The organisation's display name, used in descriptions and reports."),
    shortName: slug("a short name used as the prefix of every resource name", 8).describe(
      "Prefix for every resource name (2 to 8 characters, lower case), e.g. `cde` gives `rg-cde-culture`.",
    ),
    tenantId: uuid.describe("The Entra ID (Microsoft 365) tenant id."),
    verifiedDomains: z
      .array(
        z
          .string()
          .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "must be a lower-case DNS domain such as city.example"),
      )
      .min(1)
      .describe("Domains verified in the tenant. Every user principal name must end in one of them."),
    country: countryCode.describe(
      "Country whose numbering plan phone numbers must follow (ISO 3166-1 alpha-2).",
    ),
    defaultUsageLocation: countryCode.describe(
      "Usage location given to users who have none; Microsoft 365 cannot license a user without one.",
    ),
  })
  .describe("Who the tenant belongs to.");

export type Organization = z.infer<typeof organizationSchema>;
