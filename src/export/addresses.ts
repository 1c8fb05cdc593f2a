/**
 * LIS civic addresses → the definition's `emergencyAddresses`. Teams keeps no location ids of ours: the
 * address id is the `[key]` the provider writes into the description (src/teams/powershell/adapter.ts), and a
 * location's id is made from that key and the location's name (`town-hall` + `Planta 1` → `town-hall-planta-1`).
 * The address's default location (Teams creates it unnamed) is never one of ours. Addresses without a key
 * were not made by the toolkit and are reported, as are the numbers that point at them.
 */
import { emergencyAddressSchema } from "../config/schema/telephony";
import type { LiveCivicAddress } from "../live/snapshot";
import type { ReportCollector } from "./report";

const SLUG = /^[a-z][a-z0-9-]{1,39}$/;

/** Lower-case ASCII slug: accents dropped (`Sótano` → `sotano`), anything else becomes '-'. */
export function slugText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** `<address>-<name>` cut to 40 characters; `-2`, `-3`… when two names give the same id. */
export function locationId(addressId: string, name: string, taken: Set<string>): string {
  const base = `${addressId}-${slugText(name) || "location"}`.slice(0, 40).replace(/-+$/, "");
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base.slice(0, 40 - String(n).length - 1)}-${n}`;
  taken.add(id);
  return id;
}

export interface ExportedAddresses {
  emergencyAddresses: Record<string, unknown>[];
  /** LIS LocationId → the definition's location id. */
  locationIds: Map<string, string>;
}

export function exportAddresses(
  addresses: readonly LiveCivicAddress[],
  report: ReportCollector,
): ExportedAddresses {
  const locationIds = new Map<string, string>();
  const out: Record<string, unknown>[] = [];
  const sorted = [...addresses].sort((a, b) => ((a.key ?? "") < (b.key ?? "") ? -1 : 1));
  const taken = new Set<string>();
  for (const a of sorted) {
    if (!a.key || !SLUG.test(a.key)) {
      report.add(
        "address",
        a.civicAddressId,
        `${a.fields.StreetName ?? ""} ${a.fields.HouseNumber ?? ""}, ${a.fields.City ?? ""}: ` +
          (a.key
            ? `key [${a.key}] is not an address id`
            : "no [key] in its description (not made by the toolkit)") +
          `; its ${a.locations.filter((l) => l.locationId !== a.defaultLocationId).length} location(s) are not exported`,
      );
      continue;
    }
    const ids = new Map<string, string>();
    const locations = a.locations
      .filter((l) => l.locationId !== a.defaultLocationId)
      .map((l) => {
        const id = locationId(a.key as string, l.location, taken);
        ids.set(l.locationId, id);
        return { id, name: l.location, ...(l.elin ? { elin: l.elin } : {}) };
      });
    const f = a.fields;
    const num = (v: string | undefined) => (v === undefined || v === "" ? undefined : Number(v));
    const address = Object.fromEntries(
      Object.entries({
        id: a.key,
        description: f.Description,
        companyName: f.CompanyName,
        houseNumber: f.HouseNumber,
        streetName: f.StreetName,
        city: f.City,
        stateOrProvince: f.StateOrProvince,
        postalCode: f.PostalCode,
        countryOrRegion: f.CountryOrRegion,
        latitude: num(f.Latitude),
        longitude: num(f.Longitude),
        locations,
      }).filter(([, v]) => v !== undefined && v !== ""),
    );
    const parsed = emergencyAddressSchema.safeParse(address);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      report.add("address", a.civicAddressId, `[${a.key}]: the schema refuses it (${why}); not exported`);
      continue;
    }
    for (const [lis, id] of ids) locationIds.set(lis, id);
    out.push(address);
  }
  return { emergencyAddresses: out, locationIds };
}
