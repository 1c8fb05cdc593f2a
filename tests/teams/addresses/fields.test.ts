import { addressFields, inputsFromAddress } from "../../../src/teams/addresses/fields";
import type { EmergencyAddressInputs } from "../../../src/resourceTypes";

const HALL: EmergencyAddressInputs = {
  key: "hall",
  companyName: "Villa Pequeña",
  houseNumber: "1",
  streetName: "Plaza Mayor",
  city: "Villa",
  postalCode: "28001",
  countryOrRegion: "ES",
  latitude: 40.4168,
  longitude: -3.7038,
  locations: [],
};

describe("addressFields", () => {
  it("gives the LIS cmdlets PascalCase fields, coordinates as strings, nothing unset", () => {
    expect(addressFields(HALL)).toEqual({
      CompanyName: "Villa Pequeña",
      HouseNumber: "1",
      StreetName: "Plaza Mayor",
      City: "Villa",
      PostalCode: "28001",
      CountryOrRegion: "ES",
      Latitude: "40.4168",
      Longitude: "-3.7038",
    });
  });

  it("keeps a zero coordinate (the equator is a place)", () => {
    expect(addressFields({ ...HALL, latitude: 0 })).toMatchObject({ Latitude: "0" });
  });
});

describe("inputsFromAddress", () => {
  it("round-trips the definition's address", () => {
    const owned: Record<string, unknown> = { ...HALL };
    delete owned.key;
    delete owned.locations;
    expect(inputsFromAddress(HALL, addressFields(HALL))).toEqual(owned);
  });

  it.each<[string, Partial<EmergencyAddressInputs>, Record<string, string>, Record<string, unknown>]>([
    ["leaves out a live field the definition does not set", {}, { Description: "set by hand" }, {}],
    [
      "shows a set description the tenant lost as empty (a change)",
      { description: "Hall" },
      {},
      { description: "" },
    ],
    ["shows a set province the tenant lost as empty", { stateOrProvince: "M" }, {}, { stateOrProvince: "" }],
    ["reads coordinates back as numbers", {}, { Latitude: "40.5" }, { latitude: 40.5 }],
  ])("%s", (_what, ownedExtra, liveExtra, expected) => {
    const owned = { ...HALL, ...ownedExtra };
    const live = { ...addressFields(HALL), ...liveExtra };
    delete (live as Record<string, unknown>).Description;
    Object.assign(live, liveExtra);
    const back = inputsFromAddress(owned, live);
    expect(back).toMatchObject(expected);
    if (!("description" in ownedExtra)) expect(back).not.toHaveProperty("description");
  });
});
