import { PhoneNumber, type E164Number, type MetadataJson } from "libphonenumber-js/core";
import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from "libphonenumber-js/max";
import maxMetadata from "libphonenumber-js/metadata.max.json";

// The JSON's inferred type is narrower than the library's own; it is the same data.
const metadata = maxMetadata as unknown as MetadataJson;

/**
 * Checks numbers against one country's numbering plan with libphonenumber's full ("max") metadata,
 * which knows the allocated prefixes, not only the lengths. Built once per validation run.
 */
export interface PhonePlan {
  country: string;
  callingCode: string;
  /** Why `number` (E.164, schema-checked) is not a valid number of the country, or undefined when it is. */
  problem(number: string): string | undefined;
}

/** The plan of `country`, or undefined when libphonenumber has no metadata for it. */
export function phonePlan(country: string): PhonePlan | undefined {
  if (!isSupportedCountry(country)) return undefined;
  const callingCode = getCountryCallingCode(country);
  const prefix = `+${callingCode}`;
  // Where the calling code is the country's alone (+34 is only Spain), building the number from its
  // digits skips the text parsing and country lookup; that halves the cost of 25,000 numbers.
  const ownCode = metadata.country_calling_codes[callingCode]?.length === 1;
  return {
    country,
    callingCode,
    problem(number) {
      if (!number.startsWith(prefix)) {
        const other = parsePhoneNumberFromString(number)?.country;
        const whose = other ? `is a number of ${other}, not of ${country}` : `does not start with ${prefix}`;
        return `${number} ${whose} (the organisation's country, calling code ${prefix}) — use a ${prefix} number`;
      }
      if (ownCode && new PhoneNumber(number as E164Number, metadata).isValid()) return undefined;
      const parsed = parsePhoneNumberFromString(number);
      if (parsed?.isValid() && parsed.country === country) return undefined;
      if (parsed?.isValid() && parsed.country) {
        // Calling codes are shared (+1 spans the US and Canada, +44 the UK and its islands).
        return `${number} is a number of ${parsed.country}, not ${country} — use a number of ${country}`;
      }
      switch (validatePhoneNumberLength(number)) {
        case "TOO_SHORT":
          return `${number} has too few digits for ${country} (${prefix}) — check for a missing digit`;
        case "TOO_LONG":
          return `${number} has too many digits for ${country} (${prefix}) — check for an extra digit`;
        case "INVALID_LENGTH":
          return `${number} has a length no ${country} (${prefix}) number has — check the digits`;
        default:
          return `${number} is not a valid ${country} number: no number of that length starts with these digits — check the digits after ${prefix}`;
      }
    },
  };
}
