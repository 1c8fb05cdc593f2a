import type { z } from "zod";
import {
  azureRegion,
  cidr,
  countryCode,
  e164,
  email,
  slug,
  teamsPolicyName,
  uuid,
} from "../../../src/config/schema/primitives";

/** The schema's own words for `value`, or "ok". */
function verdict(schema: z.ZodType, value: unknown): string {
  const r = schema.safeParse(value);
  return r.success ? "ok" : r.error.issues.map((i) => i.message).join("; ");
}

const SLUG =
  "must be a department id: 2 to 24 characters, lower-case letters, digits and '-', starting with a letter";

describe("slug", () => {
  it.each([
    ["culture", "ok"],
    ["ab", "ok"],
    ["a".repeat(24), "ok"],
    ["district-7", "ok"],
    ["a", SLUG], // too short
    ["a".repeat(25), SLUG],
    ["Culture", SLUG],
    ["7-district", SLUG],
    ["cultura_ocio", SLUG],
  ])("%j: %s", (value, expected) => expect(verdict(slug("a department id"), value)).toBe(expected));

  it("a shorter maximum is said and enforced", () => {
    const short = slug("a stack name", 8);
    expect(verdict(short, "abcdefgh")).toBe("ok");
    expect(verdict(short, "abcdefghi")).toBe(
      "must be a stack name: 2 to 8 characters, lower-case letters, digits and '-', starting with a letter",
    );
  });
});

describe("uuid", () => {
  it.each([
    ["11111111-2222-3333-4444-555555555555", "ok"],
    ["7A000000-0000-4000-8000-00000000C0C0", "ok"], // Azure prints GUIDs in either case
    ["7a000000-0000-4000-8000-00000000c0c", "must be a GUID such as 00000000-0000-0000-0000-000000000000"],
    ["{7a000000-0000-4000-8000-00000000c0c0}", "must be a GUID such as 00000000-0000-0000-0000-000000000000"],
  ])("%j: %s", (value, expected) => expect(verdict(uuid, value)).toBe(expected));
});

describe("countryCode", () => {
  it.each([
    ["ES", "ok"],
    ["GB", "ok"],
    ["es", "must be an ISO 3166-1 alpha-2 country code in capitals, such as ES"],
    ["ESP", "must be an ISO 3166-1 alpha-2 country code in capitals, such as ES"],
    [
      "XX",
      "is not an officially assigned ISO 3166-1 alpha-2 country code; Teams and Microsoft 365 refuse it",
    ],
    [
      "UK",
      "is not an officially assigned ISO 3166-1 alpha-2 country code (that country's code is GB); Teams and Microsoft 365 refuse it",
    ],
  ])("%j: %s", (value, expected) => expect(verdict(countryCode, value)).toBe(expected));
});

describe("email, cidr, e164, teamsPolicyName, azureRegion", () => {
  const EMAIL = "must be an e-mail address or user principal name such as ana@city.example";
  const CIDR = "must be an IPv4 CIDR block such as 10.20.0.0/16";
  const E164 = "must be an E.164 number: '+', the country code and 7 to 14 more digits, no spaces";
  const POLICY =
    "must be 1 to 64 characters: letters, digits, spaces, '.', '_' and '-', starting with a letter or digit";
  const REGION = "must be an Azure region name in lower case without spaces, such as spaincentral";
  it.each<[string, string, string, z.ZodType]>([
    ["email", "ana@villa.example", "ok", email],
    ["email", "ana@villa", EMAIL, email],
    ["email", "ana garcia@villa.example", EMAIL, email],
    ["cidr", "10.20.0.0/16", "ok", cidr],
    ["cidr", "10.20.0.0", CIDR, cidr],
    ["e164", "+34915550000", "ok", e164],
    ["e164", "+12345678", "ok", e164], // 8 digits, the shortest
    ["e164", "+1234567", E164, e164],
    ["e164", "+1234567890123456", E164, e164], // 16 digits
    ["e164", "+34 915 550 000", E164, e164],
    ["e164", "+0915550000", E164, e164], // no country code starts with 0
    ["teamsPolicyName", "Standard", "ok", teamsPolicyName],
    ["teamsPolicyName", "ES-Villa 2.0_b", "ok", teamsPolicyName],
    ["teamsPolicyName", "A".repeat(64), "ok", teamsPolicyName],
    ["teamsPolicyName", "A".repeat(65), POLICY, teamsPolicyName],
    ["teamsPolicyName", " Standard", POLICY, teamsPolicyName],
    ["teamsPolicyName", "Tag:Standard", POLICY, teamsPolicyName],
    ["azureRegion", "spaincentral", "ok", azureRegion],
    ["azureRegion", "Spain Central", REGION, azureRegion],
  ])("%s %j: %s", (_name, value, expected, schema) => expect(verdict(schema, value)).toBe(expected));
});
