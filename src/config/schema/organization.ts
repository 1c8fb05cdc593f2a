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
          .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "must be a lower-case DNS domain such as city.example")
          // RFC 1035 section 2.3.4: labels of at most 63 octets.
          .refine(
            (domain) => domain.split(".").every((label) => label.length <= 63),
            "is not a DNS name: each part between dots is at most 63 characters",
          )
          // Every user principal name ends in a verified domain, and Entra allows "up to 48 characters after the
          // '@' symbol" (Username policies, https://learn.microsoft.com/entra/identity/authentication/concept-sspr-policy).
          .refine(
            (domain) => domain.length <= 48,
            "is longer than 48 characters, the most Entra ID allows after '@' in a user principal name",
          ),
      )
      .min(1)
      .describe(
        "Domains verified in the tenant. Every user principal name must end in one of them, so each is at most 48 characters (Entra allows no more after `@`).",
      ),
    country: countryCode.describe(
      "Country whose numbering plan phone numbers must follow (an officially assigned ISO 3166-1 alpha-2 code).",
    ),
    defaultUsageLocation: countryCode.describe(
      "Usage location given to users who have none; Microsoft 365 cannot license a user without one (an officially assigned ISO 3166-1 alpha-2 code).",
    ),
  })
  .describe("Who the tenant belongs to.");

export type Organization = z.infer<typeof organizationSchema>;
