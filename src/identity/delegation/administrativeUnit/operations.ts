/**
 * Create, update and converge one department's administrative unit. A unit is found again by its display name
 * when the provider has no id for it (a create whose answer was lost, a unit made by hand before the toolkit),
 * so a re-run adopts it instead of making a second one.
 */
import type { GraphClient } from "../../../graph";
import { isConnectionLost } from "../../../graph/errors";
import type { AdministrativeUnitInputs } from "../../../resourceTypes";
import { unitPatch } from "./desired";
import type { AdministrativeUnitView } from "./desired";
import { createUnit, findUnitsNamed, patchUnit, readUnit } from "./graphCalls";

export interface AdministrativeUnitOutputs extends AdministrativeUnitInputs {
  /** The unit's object id: what the scoped role eligibilities name as their scope. */
  unitId: string;
}

async function adoptable(
  client: GraphClient,
  displayName: string,
): Promise<AdministrativeUnitView | undefined> {
  const found = await findUnitsNamed(client, displayName);
  if (found.length > 1) {
    throw new Error(
      `${found.length} administrative units are named '${displayName}' (${found.map((u) => u.id).join(", ")}): ` +
        "delete the extra ones in Entra ID (Roles & admins > Admin units), then run again",
    );
  }
  return found[0];
}

async function createOrAdopt(
  client: GraphClient,
  inputs: AdministrativeUnitInputs,
): Promise<AdministrativeUnitView> {
  const existing = await adoptable(client, inputs.displayName);
  if (existing) return existing;
  try {
    return await createUnit(client, inputs);
  } catch (error) {
    if (!isConnectionLost(error)) throw error;
    // The POST may have reached Entra: look before trying again.
    return (await adoptable(client, inputs.displayName)) ?? (await createUnit(client, inputs));
  }
}

/** Makes the unit match `inputs`: one request when nothing changed, two or three when something did. */
export async function applyAdministrativeUnit(
  client: GraphClient,
  inputs: AdministrativeUnitInputs,
  knownId?: string,
): Promise<AdministrativeUnitOutputs> {
  const current = knownId ? await readUnit(client, knownId) : undefined;
  const unit = current ?? (await createOrAdopt(client, inputs));
  const patch = unitPatch(unit, inputs);
  if (Object.keys(patch).length > 0) await patchUnit(client, unit.id, patch);
  return { ...inputs, unitId: unit.id };
}
