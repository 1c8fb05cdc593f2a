/**
 * The locations inside one civic address, matched to the definition's location ids. Teams knows a location
 * only by its generated LocationId and its name, so the match is: the LocationId this resource recorded for
 * the id last time, else an unclaimed live location with the same name (adoption after a lost state), else
 * a new one. The address's default location (Teams creates it with the address, unnamed) is never claimed.
 */
import type { LisLocation, TeamsAdmin } from "../admin/port";
import type { EmergencyAddressInputs } from "../../resourceTypes";
import { isInUse, isNotFound, serviceReason, StillAssignedError } from "../provider/errors";
import { releaseLocations } from "./numbersAt";

type DesiredLocation = EmergencyAddressInputs["locations"][number];

export async function reconcileLocations(
  admin: TeamsAdmin,
  address: { civicAddressId: string; defaultLocationId: string; label: string },
  desired: readonly DesiredLocation[],
  recorded: Readonly<Record<string, string>>,
): Promise<Record<string, string>> {
  const ps = admin.powershell;
  const live = (await ps.listLocations(address.civicAddressId)).filter(
    (l) => l.locationId !== address.defaultLocationId,
  );
  const claimed = new Set<string>();
  const ids: Record<string, string> = {};
  const pick = (d: DesiredLocation): LisLocation | undefined =>
    live.find((l) => l.locationId === recorded[d.id] && !claimed.has(l.locationId)) ??
    live.find((l) => l.location === d.name && !claimed.has(l.locationId));

  for (const d of desired) {
    const found = pick(d);
    if (found) {
      claimed.add(found.locationId);
      const change: { location?: string; elin?: string } = {};
      if (found.location !== d.name) change.location = d.name;
      if (d.elin !== undefined && (found.elin ?? "") !== d.elin) change.elin = d.elin;
      if (Object.keys(change).length > 0) await ps.setLocation(found.locationId, change);
      ids[d.id] = found.locationId;
    } else {
      const created = await ps.createLocation(address.civicAddressId, d.name, d.elin);
      claimed.add(created.locationId);
      ids[d.id] = created.locationId;
    }
  }

  // Locations this resource created earlier and the definition dropped; others' locations are left alone.
  for (const [id, locationId] of Object.entries(recorded)) {
    if (claimed.has(locationId) || !live.some((l) => l.locationId === locationId)) continue;
    await removeLocation(admin, `location '${id}' of ${address.label}`, locationId);
  }
  return ids;
}

async function removeLocation(admin: TeamsAdmin, what: string, locationId: string): Promise<void> {
  const used = await releaseLocations(admin, [locationId]);
  if (used.length > 0)
    throw new StillAssignedError(what, used, "Move those numbers to another emergency location");
  try {
    await admin.powershell.removeLocation(locationId);
  } catch (error) {
    if (isNotFound(error)) return;
    if (isInUse(error))
      throw new StillAssignedError(
        what,
        [serviceReason(error)],
        "Move those numbers to another emergency location",
      );
    throw error;
  }
}
