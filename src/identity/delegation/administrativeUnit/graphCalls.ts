/**
 * The Graph v1.0 requests of a department's administrative unit (directory-post-administrativeunits,
 * directory-list-administrativeunits, administrativeunit-get/-update/-delete), each one function over the
 * toolkit's GraphClient.
 */
import type { GraphClient } from "../../../graph";
import { isNotFound } from "../../../notFound";
import type { AdministrativeUnitInputs } from "../../../resourceTypes";
import { ADMINISTRATIVE_UNIT_SELECT, graphAdministrativeUnit, viewOf } from "./desired";
import type { AdministrativeUnitView } from "./desired";

const UNITS = "/directory/administrativeUnits";

/** An OData string literal: single quotes doubled. */
const odataString = (value: string) => `'${value.replace(/'/g, "''")}'`;

export async function readUnit(client: GraphClient, id: string): Promise<AdministrativeUnitView | undefined> {
  try {
    const raw = await client.get<Record<string, unknown>>(
      `${UNITS}/${encodeURIComponent(id)}?$select=${ADMINISTRATIVE_UNIT_SELECT}`,
    );
    return viewOf(raw);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Units with this display name (Entra does not keep names unique, so there may be several). */
export async function findUnitsNamed(
  client: GraphClient,
  displayName: string,
): Promise<AdministrativeUnitView[]> {
  const filter = encodeURIComponent(`displayName eq ${odataString(displayName)}`);
  const raw = await client.getAll<Record<string, unknown>>(
    `${UNITS}?$filter=${filter}&$select=${ADMINISTRATIVE_UNIT_SELECT}`,
  );
  return raw.map(viewOf);
}

/**
 * Creates the unit. Not retried on a dropped connection: the unit may exist then, and a second POST would make
 * a duplicate; the caller looks it up by name instead.
 */
export async function createUnit(
  client: GraphClient,
  inputs: AdministrativeUnitInputs,
): Promise<AdministrativeUnitView> {
  const raw = await client.post<Record<string, unknown>>(UNITS, graphAdministrativeUnit(inputs), {
    retryNetworkErrors: false,
  });
  return viewOf(raw);
}

export async function patchUnit(
  client: GraphClient,
  id: string,
  patch: Record<string, string>,
): Promise<void> {
  await client.patch(`${UNITS}/${encodeURIComponent(id)}`, patch);
}

/** Deletes the unit; one already gone is fine. */
export async function deleteUnit(client: GraphClient, id: string): Promise<void> {
  try {
    await client.delete(`${UNITS}/${encodeURIComponent(id)}`);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}
