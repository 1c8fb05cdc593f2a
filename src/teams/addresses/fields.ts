/**
 * A civic address as the definition writes it (camelCase, numbers for coordinates) ↔ as the LIS cmdlets take
 * it (PascalCase, coordinates as strings). The `[id]` key in Description is added and stripped by the
 * PowerShell adapter; here Description is only the human text.
 */
import type { CivicAddress } from "../admin/port";
import type { EmergencyAddressInputs } from "../../resourceTypes";
import { definedOnly } from "../provider/canonical";

export function addressFields(i: EmergencyAddressInputs): CivicAddress["fields"] {
  return definedOnly({
    CompanyName: i.companyName,
    HouseNumber: i.houseNumber,
    StreetName: i.streetName,
    City: i.city,
    StateOrProvince: i.stateOrProvince,
    PostalCode: i.postalCode,
    CountryOrRegion: i.countryOrRegion,
    Latitude: i.latitude === undefined ? undefined : String(i.latitude),
    Longitude: i.longitude === undefined ? undefined : String(i.longitude),
    Description: i.description,
  }) as CivicAddress["fields"];
}

/** The live address back in the inputs' shape, for refresh (only fields the definition sets are kept). */
export function inputsFromAddress(
  owned: EmergencyAddressInputs,
  live: CivicAddress["fields"],
): Omit<EmergencyAddressInputs, "key" | "locations"> {
  const num = (v: string | undefined) => (v === undefined || v === "" ? undefined : Number(v));
  return definedOnly({
    companyName: live.CompanyName,
    houseNumber: live.HouseNumber,
    streetName: live.StreetName,
    city: live.City,
    postalCode: live.PostalCode,
    countryOrRegion: live.CountryOrRegion,
    stateOrProvince: owned.stateOrProvince === undefined ? undefined : (live.StateOrProvince ?? ""),
    latitude: owned.latitude === undefined ? undefined : num(live.Latitude),
    longitude: owned.longitude === undefined ? undefined : num(live.Longitude),
    description: owned.description === undefined ? undefined : (live.Description ?? ""),
  }) as Omit<EmergencyAddressInputs, "key" | "locations">;
}
