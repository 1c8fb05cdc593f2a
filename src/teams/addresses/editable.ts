/**
 * Whether a civic address can be edited in place. Set-CsOnlineLisCivicAddress "is only available for public use
 * with limited countries/regions and certain fields" (office-docs-powershell
 * teams/teams-ps/MicrosoftTeams/Set-CsOnlineLisCivicAddress.md @ 93336da): the countries come from the vendored
 * cmdlet contract (`countryRestriction`), the fields from the parameters not "reserved for internal Microsoft use".
 * Spain is not on the list, so a Spanish address is never edited: the resource replaces it instead (a new address
 * with its locations; the numbers move to them; the old one is removed last — see provider.ts).
 */
import { contractCmdlet } from "../powershell/contract";

const SET_ADDRESS = contractCmdlet("Set-CsOnlineLisCivicAddress");

export const EDITABLE_COUNTRIES: readonly string[] = SET_ADDRESS?.countryRestriction ?? [];

/** Why these field changes cannot be made with Set-CsOnlineLisCivicAddress, or undefined if they can. */
export function whyNotEditable(
  liveCountry: string | undefined,
  changed: Readonly<Record<string, unknown>>,
): string | undefined {
  const keys = Object.keys(changed);
  if (keys.length === 0) return undefined;
  const countries = [liveCountry, changed.CountryOrRegion].filter((c): c is string => typeof c === "string");
  const outside = countries.find((c) => !EDITABLE_COUNTRIES.includes(c.toUpperCase()));
  if (outside)
    return `Teams allows editing addresses only in ${EDITABLE_COUNTRIES.join(", ")}, not ${outside}`;
  const internal = keys.find((k) => SET_ADDRESS?.parameters[k]?.internalOnly || !SET_ADDRESS?.parameters[k]);
  if (internal) return `-${internal} of Set-CsOnlineLisCivicAddress is not publicly editable`;
  return undefined;
}
