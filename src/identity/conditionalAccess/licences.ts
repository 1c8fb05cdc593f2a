import type { Sku } from "../../config/schema/licensing";

/**
 * SKUs that include Microsoft Entra ID P2 (ID Protection: sign-in and user risk). *Assumed* from Microsoft's
 * "Product names and service plan identifiers for licensing" list (not vendored): the plan is AAD_PREMIUM_P2,
 * sold alone and inside Microsoft 365 E5, Enterprise Mobility + Security E5 and Microsoft 365 E5 Security.
 */
export const ENTRA_ID_P2_SKUS: readonly string[] = [
  "AAD_PREMIUM_P2",
  "SPE_E5",
  "SPE_E5_NOPSTNCONF",
  "EMSPREMIUM",
  "IDENTITY_THREAT_PROTECTION",
];

/** The service plan itself, for a catalogue SKU that lists its plans. */
export const ENTRA_ID_P2_PLAN = "AAD_PREMIUM_P2";

/**
 * The first catalogue SKU with seats that brings Entra ID P2 (by part number, or by listing the plan), or
 * undefined. A SKU with no seats licenses no one.
 */
export function entraIdP2Sku(skus: readonly Sku[]): string | undefined {
  return skus.find(
    (s) =>
      s.seats > 0 &&
      (ENTRA_ID_P2_SKUS.includes(s.partNumber.toUpperCase()) || s.servicePlans.includes(ENTRA_ID_P2_PLAN)),
  )?.partNumber;
}
