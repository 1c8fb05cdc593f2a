import { identitySchema, type Identity } from "../../../../src/config/schema/identity";
import { skuSchema, type Sku } from "../../../../src/config/schema/licensing";

export const BREAK_GLASS_IDS = [
  "11111111-1111-4111-8111-111111111111",
  "22222222-2222-4222-8222-222222222222",
];

/** Every baseline policy on, two named locations, two break-glass accounts: what a city ends up with. */
export function fullIdentity(): Identity {
  return identitySchema.parse({
    breakGlass: [
      { userPrincipalName: "emergencia1@villa.onmicrosoft.com", objectId: BREAK_GLASS_IDS[0] },
      { userPrincipalName: "emergencia2@villa.onmicrosoft.com", objectId: BREAK_GLASS_IDS[1] },
    ],
    namedLocations: [
      { id: "red-municipal", displayName: "Red municipal", ipRanges: ["84.20.10.0/24"], trusted: true },
      { id: "espana", displayName: "España", countries: ["ES", "PT"] },
    ],
    conditionalAccess: {
      requireMfa: { state: "on" },
      blockLegacyAuthentication: { state: "on" },
      phishingResistantAdmins: { state: "reportOnly" },
      signInRisk: { state: "reportOnly" },
      userRisk: { state: "off" },
      allowedLocations: { state: "reportOnly", locations: ["espana", "red-municipal"] },
    },
  });
}

export const sku = (partNumber: string, seats = 100, servicePlans: string[] = []): Sku =>
  skuSchema.parse({ partNumber, seats, servicePlans });

export const E5 = [sku("SPE_E5"), sku("MCOEV")];
