import { emptyTeamsArea, type TeamsAreaDoc } from "../../../src/emulator/state/teams";
import { isPsError } from "../../../src/emulator/state/teamsCmdletBinding";
import { LIS_HANDLERS } from "../../../src/emulator/state/teamsPsLis";
import type { PsContext } from "../../../src/emulator/state/teamsPsPolicies";

/**
 * The Location Information Service cmdlets (MicrosoftDocs/office-docs-powershell
 * teams/teams-ps/MicrosoftTeams/*-CsOnlineLis*.md at 93336da2bca96c31c0fc8acc52658a30ef8a6c94): a civic address comes
 * with a default location; Set-CsOnlineLisCivicAddress edits only addresses in the listed countries and only
 * "Publicly editable" fields; Set-CsOnlineLisLocation "can set or change the ELIN, but you can't clear its value".
 * Handlers get parameters already bound (teamsCmdletBinding.test.ts covers binding).
 */
type Obj = Record<string, unknown>;

function lis() {
  const area: TeamsAreaDoc = emptyTeamsArea();
  const ctx = { area, tenantId: "11111111-2222-3333-4444-555555555555", now: 0 } as PsContext;
  const run = (cmdlet: string, params: Obj = {}) => LIS_HANDLERS[cmdlet](ctx, params);
  const ok = (cmdlet: string, params: Obj = {}) => {
    const result = run(cmdlet, params);
    if (isPsError(result)) throw new Error(`${cmdlet}: ${result.message}`);
    return result as Obj & Obj[];
  };
  const newAddress = (fields: Obj = {}) =>
    ok("New-CsOnlineLisCivicAddress", {
      CompanyName: "Villa",
      HouseNumber: "1",
      StreetName: "Main",
      City: "Austin",
      StateOrProvince: "TX",
      PostalCode: "78701",
      CountryOrRegion: "US",
      Description: "Town hall",
      Latitude: "30.2",
      Longitude: "-97.7",
      ...fields,
    });
  /** A number pointing at a location, as an assignment with an emergency location leaves it. */
  const numberAt = (locationId: string, telephoneNumber = "+15125550100") => {
    area.numbers[telephoneNumber] = {
      telephoneNumber,
      assignmentStatus: "userAssigned",
      assignmentTargetId: "u",
      assignmentCategory: "primary",
      locationId,
      civicAddressId: null,
      networkSiteId: null,
      reverseNumberLookupOptions: [],
    };
  };
  return { area, run, ok, newAddress, numberAt };
}

describe("civic addresses", () => {
  it("creates an address with a default location and returns both ids", () => {
    const { ok, newAddress } = lis();
    const address = newAddress();
    expect(address).toMatchObject({
      CivicAddressId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      DefaultLocationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      City: "Austin",
      ValidationStatus: "Validated",
    });
    expect(ok("Get-CsOnlineLisLocation", { CivicAddressId: address.CivicAddressId })).toEqual([
      expect.objectContaining({ LocationId: address.DefaultLocationId, IsDefault: true, Location: null }),
    ]);
  });

  it.each([
    ["City", "austin", 1],
    ["CountryOrRegion", "us", 1],
    ["Description", "Elsewhere", 0],
  ])("finds addresses by %s (case-insensitive): %s → %i", (field, value, count) => {
    const { ok, newAddress } = lis();
    newAddress();
    expect(ok("Get-CsOnlineLisCivicAddress", { [field]: value })).toHaveLength(count);
  });

  it("refuses an unknown address id as ObjectNotFound", () => {
    const { run } = lis();
    expect(run("Get-CsOnlineLisCivicAddress", { CivicAddressId: "nope" })).toMatchObject({
      kind: "ObjectNotFound",
    });
  });

  it.each<[string, Obj, Obj, string | undefined]>([
    ["edits a public field of a US address", {}, { Description: "Annex" }, undefined],
    [
      "refuses an address outside the countries public editing allows",
      { CountryOrRegion: "ES" },
      { Description: "Annex" },
      "Editing a civic address in ES is not supported",
    ],
    [
      "refuses moving an address to such a country",
      {},
      { CountryOrRegion: "ES" },
      "Editing a civic address in ES is not supported",
    ],
    [
      "refuses a field reserved for internal Microsoft use",
      {},
      { StreetSuffix: "St" },
      "-StreetSuffix is reserved for internal Microsoft use.",
    ],
  ])("Set-CsOnlineLisCivicAddress %s", (_what, created, edit, refusal) => {
    const { run, ok, newAddress } = lis();
    const id = newAddress(created).CivicAddressId;
    const result = run("Set-CsOnlineLisCivicAddress", { CivicAddressId: id, ...edit });
    if (refusal === undefined) {
      expect(result).toBeNull();
      expect(ok("Get-CsOnlineLisCivicAddress", { CivicAddressId: id })[0]).toMatchObject(edit);
    } else {
      expect(result).toMatchObject({ kind: "InvalidOperation", message: expect.stringContaining(refusal) });
    }
  });

  it("will not remove an address a number still points at, then removes it with its locations", () => {
    const { area, run, newAddress, numberAt } = lis();
    const address = newAddress();
    numberAt(address.DefaultLocationId as string);
    expect(run("Remove-CsOnlineLisCivicAddress", { CivicAddressId: address.CivicAddressId })).toMatchObject({
      kind: "ResourceBusy",
      message: expect.stringContaining("+15125550100"),
    });
    area.numbers = {};
    expect(run("Remove-CsOnlineLisCivicAddress", { CivicAddressId: address.CivicAddressId })).toBeNull();
    expect(area.civicAddresses).toEqual([]);
    expect(area.locations).toEqual([]);
  });
});

describe("locations", () => {
  it("adds a floor to an address and finds it by name", () => {
    const { ok, newAddress } = lis();
    const address = newAddress();
    const floor = ok("New-CsOnlineLisLocation", {
      CivicAddressId: address.CivicAddressId,
      Location: "Floor 2",
      Elin: "ELIN2",
    });
    expect(floor).toMatchObject({
      IsDefault: false,
      Location: "Floor 2",
      Elin: "ELIN2",
      CountryOrRegion: "US",
    });
    expect(ok("Get-CsOnlineLisLocation", { Location: "floor 2" })).toEqual([floor]);
  });

  it("refuses a location on an address that does not exist", () => {
    const { run } = lis();
    expect(run("New-CsOnlineLisLocation", { CivicAddressId: "nope", Location: "x" })).toMatchObject({
      kind: "ObjectNotFound",
    });
  });

  it("sets or changes an ELIN but never clears it", () => {
    const { run, ok, newAddress } = lis();
    const address = newAddress();
    const id = ok("New-CsOnlineLisLocation", {
      CivicAddressId: address.CivicAddressId,
      Location: "F2",
    }).LocationId;
    expect(run("Set-CsOnlineLisLocation", { LocationId: id, Elin: "E1" })).toBeNull();
    expect(run("Set-CsOnlineLisLocation", { LocationId: id, Elin: "" })).toMatchObject({
      kind: "InvalidArgument",
    });
    expect(ok("Get-CsOnlineLisLocation", { LocationId: id })[0].Elin).toBe("E1");
  });

  it.each([
    ["the default location of an address", true, false, "InvalidOperation"],
    ["a location a number points at", false, true, "ResourceBusy"],
  ])("will not remove %s", (_what, useDefault, withNumber, kind) => {
    const { run, ok, newAddress, numberAt } = lis();
    const address = newAddress();
    const floor = ok("New-CsOnlineLisLocation", { CivicAddressId: address.CivicAddressId, Location: "F2" });
    const id = (useDefault ? address.DefaultLocationId : floor.LocationId) as string;
    if (withNumber) numberAt(id);
    expect(run("Remove-CsOnlineLisLocation", { LocationId: id })).toMatchObject({ kind });
  });

  it("removes an unused floor", () => {
    const { area, run, ok, newAddress } = lis();
    const address = newAddress();
    const floor = ok("New-CsOnlineLisLocation", { CivicAddressId: address.CivicAddressId, Location: "F2" });
    expect(run("Remove-CsOnlineLisLocation", { LocationId: floor.LocationId })).toBeNull();
    expect(area.locations.map((l) => l.locationId)).toEqual([address.DefaultLocationId]);
  });
});
