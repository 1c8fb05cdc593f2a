import { EDITABLE_COUNTRIES, whyNotEditable } from "../../../src/teams/addresses/editable";

/**
 * Set-CsOnlineLisCivicAddress "is only available for public use with limited countries/regions and certain fields"
 * (MicrosoftDocs/office-docs-powershell teams/teams-ps/MicrosoftTeams/Set-CsOnlineLisCivicAddress.md at
 * 93336da2bca96c31c0fc8acc52658a30ef8a6c94). An address that cannot be edited is replaced instead.
 */
describe("whyNotEditable", () => {
  it("takes its countries from the vendored contract", () => {
    expect(EDITABLE_COUNTRIES).toEqual(expect.arrayContaining(["US", "AU", "JP"]));
    expect(EDITABLE_COUNTRIES).not.toContain("ES");
  });

  it.each<[string, string | undefined, Record<string, unknown>, RegExp | undefined]>([
    ["nothing changed, whatever the country", "ES", {}, undefined],
    ["a public field of a US address", "US", { Description: "Annex", HouseNumber: "2" }, undefined],
    ["a lower-case country that is listed", "us", { City: "Austin" }, undefined],
    ["any field of a Spanish address", "ES", { Description: "Annex" }, /only in .*US.*, not ES$/],
    ["moving a US address to Spain", "US", { CountryOrRegion: "es" }, /, not es$/],
    [
      "a field reserved for internal Microsoft use",
      "US",
      { StreetSuffix: "St" },
      /-StreetSuffix .* not publicly editable/,
    ],
    ["a field the cmdlet does not have", "US", { Latitudes: "1" }, /-Latitudes .* not publicly editable/],
  ])("%s", (_what, country, changed, reason) => {
    const why = whyNotEditable(country, changed);
    if (reason === undefined) expect(why).toBeUndefined();
    else expect(why).toMatch(reason);
  });
});
