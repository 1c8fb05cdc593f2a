import { contractCmdlet } from "../../teams/powershell/contract";
import { guidFrom } from "../ids";
import { nextSeq, type TeamsCivicAddressRecord, type TeamsLocationRecord } from "./teams";
import { psError, type PsError } from "./teamsCmdletBinding";
import type { CmdletHandler, PsContext } from "./teamsPsPolicies";

/**
 * Emergency addresses in the Location Information Service (§3.7): a civic address comes with a default
 * location (its id is returned as `DefaultLocationId`); further locations (floors) hang off an address.
 * Numbers point at a location id; an address or location a number still points at cannot be removed.
 */

function lisId(ctx: PsContext, kind: string): string {
  return guidFrom(`tenant-emulator/teams-lis/${ctx.tenantId}`, `${kind}|${nextSeq(ctx.area)}`);
}

function addressObject(a: TeamsCivicAddressRecord): Record<string, unknown> {
  return {
    CivicAddressId: a.civicAddressId,
    DefaultLocationId: a.defaultLocationId,
    ...a.fields,
    ValidationStatus: "Validated",
  };
}

function locationObject(ctx: PsContext, l: TeamsLocationRecord): Record<string, unknown> {
  const address = ctx.area.civicAddresses.find((a) => a.civicAddressId === l.civicAddressId);
  return {
    LocationId: l.locationId,
    CivicAddressId: l.civicAddressId,
    Location: l.location,
    Elin: l.elin,
    IsDefault: l.isDefault,
    CompanyName: address?.fields.CompanyName ?? null,
    CountryOrRegion: address?.fields.CountryOrRegion ?? null,
  };
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function findAddress(ctx: PsContext, id: string) {
  return ctx.area.civicAddresses.find((a) => sameId(a.civicAddressId, id));
}

function findLocation(ctx: PsContext, id: string) {
  return ctx.area.locations.find((l) => sameId(l.locationId, id));
}

/** Numbers that point at one of the location ids. */
function numbersAt(ctx: PsContext, locationIds: string[]): string[] {
  const ids = new Set(locationIds.map((i) => i.toLowerCase()));
  return Object.values(ctx.area.numbers)
    .filter((n) => n.locationId && ids.has(n.locationId.toLowerCase()))
    .map((n) => n.telephoneNumber);
}

const inUse = (what: string, numbers: string[]) =>
  psError(
    "ResourceBusy",
    `The ${what} cannot be removed: telephone numbers still use it (${numbers.slice(0, 5).join(", ")}${numbers.length > 5 ? ", …" : ""}).`,
  );

const noAddress = (id: string) => psError("ObjectNotFound", `Civic address '${id}' was not found.`);
const noLocation = (id: string) => psError("ObjectNotFound", `Location '${id}' was not found.`);

const eqText = (a: unknown, b: unknown) =>
  typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();

/**
 * Set-CsOnlineLisCivicAddress.md @ 93336da: "Editing address using this cmdlet is restricted to the following
 * countries/regions" (the contract's countryRestriction) and only fields marked "Publicly editable"; the others are
 * "reserved for internal Microsoft use". Both the address's country and a new -CountryOrRegion must be listed.
 */
function refusedAddressEdit(a: TeamsCivicAddressRecord, p: Record<string, unknown>): PsError | undefined {
  const contract = contractCmdlet("Set-CsOnlineLisCivicAddress")!;
  const allowed = contract.countryRestriction ?? [];
  for (const country of [a.fields.CountryOrRegion, p.CountryOrRegion]) {
    if (typeof country === "string" && !allowed.includes(country.toUpperCase())) {
      return psError(
        "InvalidOperation",
        `Editing a civic address in ${country.toUpperCase()} is not supported; public editing is limited to ${allowed.join(", ")}.`,
      );
    }
  }
  const internal = Object.keys(p).find((k) => contract.parameters[k]?.internalOnly);
  if (internal) return psError("InvalidOperation", `-${internal} is reserved for internal Microsoft use.`);
  return undefined;
}

export const LIS_HANDLERS: Record<string, CmdletHandler> = {
  "Get-CsOnlineLisCivicAddress": (ctx, p) => {
    if (typeof p.CivicAddressId === "string") {
      const a = findAddress(ctx, p.CivicAddressId);
      return a ? [addressObject(a)] : noAddress(p.CivicAddressId);
    }
    return ctx.area.civicAddresses
      .filter((a) =>
        ["City", "CountryOrRegion", "Description"].every(
          (k) => p[k] === undefined || eqText(a.fields[k], p[k]),
        ),
      )
      .map(addressObject);
  },
  "New-CsOnlineLisCivicAddress": (ctx, p) => {
    const address: TeamsCivicAddressRecord = {
      civicAddressId: lisId(ctx, "address"),
      defaultLocationId: lisId(ctx, "location"),
      fields: { ...p },
    };
    ctx.area.civicAddresses.push(address);
    ctx.area.locations.push({
      locationId: address.defaultLocationId,
      civicAddressId: address.civicAddressId,
      location: null,
      elin: typeof p.Elin === "string" ? p.Elin : null,
      isDefault: true,
    });
    return addressObject(address);
  },
  "Set-CsOnlineLisCivicAddress": (ctx, p) => {
    const a = findAddress(ctx, p.CivicAddressId as string);
    if (!a) return noAddress(p.CivicAddressId as string);
    const refused = refusedAddressEdit(a, p);
    if (refused) return refused;
    const fields = Object.fromEntries(Object.entries(p).filter(([k]) => k !== "CivicAddressId"));
    a.fields = { ...a.fields, ...fields };
    return null;
  },
  "Remove-CsOnlineLisCivicAddress": (ctx, p) => {
    const a = findAddress(ctx, p.CivicAddressId as string);
    if (!a) return noAddress(p.CivicAddressId as string);
    const own = ctx.area.locations.filter((l) => l.civicAddressId === a.civicAddressId);
    const used = numbersAt(
      ctx,
      own.map((l) => l.locationId),
    );
    if (used.length > 0) return inUse(`civic address '${a.civicAddressId}'`, used);
    ctx.area.civicAddresses = ctx.area.civicAddresses.filter((x) => x !== a);
    ctx.area.locations = ctx.area.locations.filter((l) => l.civicAddressId !== a.civicAddressId);
    return null;
  },
  "Get-CsOnlineLisLocation": (ctx, p) => {
    if (typeof p.LocationId === "string") {
      const l = findLocation(ctx, p.LocationId);
      return l ? [locationObject(ctx, l)] : noLocation(p.LocationId);
    }
    return ctx.area.locations
      .filter((l) => p.CivicAddressId === undefined || sameId(l.civicAddressId, p.CivicAddressId as string))
      .filter((l) => p.Location === undefined || eqText(l.location, p.Location))
      .map((l) => locationObject(ctx, l));
  },
  "New-CsOnlineLisLocation": (ctx, p) => {
    const a = findAddress(ctx, p.CivicAddressId as string);
    if (!a) return noAddress(p.CivicAddressId as string);
    const location: TeamsLocationRecord = {
      locationId: lisId(ctx, "location"),
      civicAddressId: a.civicAddressId,
      location: p.Location as string,
      elin: typeof p.Elin === "string" ? p.Elin : null,
      isDefault: false,
    };
    ctx.area.locations.push(location);
    return locationObject(ctx, location);
  },
  "Set-CsOnlineLisLocation": (ctx, p) => {
    const l = findLocation(ctx, p.LocationId as string);
    if (!l) return noLocation(p.LocationId as string);
    if (typeof p.Location === "string") l.location = p.Location;
    // "You can set or change the ELIN, but you can't clear its value" (Set-CsOnlineLisLocation.md @ 93336da).
    if (p.Elin === "" && l.elin) {
      return psError(
        "InvalidArgument",
        `The ELIN of location '${l.locationId}' cannot be cleared; recreate the location without an ELIN instead.`,
      );
    }
    if (typeof p.Elin === "string" && p.Elin !== "") l.elin = p.Elin;
    return null;
  },
  "Remove-CsOnlineLisLocation": (ctx, p) => {
    const l = findLocation(ctx, p.LocationId as string);
    if (!l) return noLocation(p.LocationId as string);
    if (l.isDefault) {
      return psError(
        "InvalidOperation",
        `Location '${l.locationId}' is the default location of its civic address; remove the address instead.`,
      );
    }
    const used = numbersAt(ctx, [l.locationId]);
    if (used.length > 0) return inUse(`location '${l.locationId}'`, used);
    ctx.area.locations = ctx.area.locations.filter((x) => x !== l);
    return null;
  },
};
