import { z } from "zod";
import { COMMON_MISTAKES, ISO_3166_ALPHA2 } from "./iso3166";

/** Shared building blocks for the tenant definition schemas; each carries its own words for the error report. */

export const slug = (what: string, max = 24) =>
  z
    .string()
    .regex(
      new RegExp(`^[a-z][a-z0-9-]{1,${max - 1}}$`),
      `must be ${what}: 2 to ${max} characters, lower-case letters, digits and '-', starting with a letter`,
    );

export const uuid = z
  .string()
  .regex(
    /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    "must be a GUID such as 00000000-0000-0000-0000-000000000000",
  );

export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 country code in capitals, such as ES")
  .refine((code) => !/^[A-Z]{2}$/.test(code) || ISO_3166_ALPHA2.has(code), {
    error: (issue) => {
      const right = COMMON_MISTAKES[String(issue.input)];
      return `is not an officially assigned ISO 3166-1 alpha-2 country code${right ? ` (that country's code is ${right})` : ""}; Teams and Microsoft 365 refuse it`;
    },
  });

export const email = z
  .string()
  .regex(
    /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
    "must be an e-mail address or user principal name such as ana@city.example",
  );

export const cidr = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, "must be an IPv4 CIDR block such as 10.20.0.0/16");

/** An E.164 number as the CSV and ranges hold it: '+' then 8 to 15 digits (country validity is a cross-file rule). */
export const e164 = z
  .string()
  .regex(
    /^\+[1-9]\d{7,14}$/,
    "must be an E.164 number: '+', the country code and 7 to 14 more digits, no spaces",
  );

/**
 * Teams policy identities: letters, digits, space, '.', '_' and '-', at most 64. Not from the MicrosoftTeams cmdlet
 * reference, which documents no limit for -Identity of these policies: a bound of ours, under review (issue #12).
 */
export const teamsPolicyName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/,
    "must be 1 to 64 characters: letters, digits, spaces, '.', '_' and '-', starting with a letter or digit",
  );

export const azureRegion = z
  .string()
  .regex(
    /^[a-z][a-z0-9]+$/,
    "must be an Azure region name in lower case without spaces, such as spaincentral",
  );
