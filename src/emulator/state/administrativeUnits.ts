/**
 * Administrative units (area `identity-au`), as Graph v1.0 holds them (administrativeUnit in
 * graph-v1-identity-subset.json). The seed creates each department's unit exactly as the identity layer's provider
 * would (desiredAdministrativeUnit/graphAdministrativeUnit, the same pure functions drift compares with), so a
 * seeded tenant has no drift; the provider's own writes and a hand change go through routes/administrativeUnits.ts.
 */
import type { TenantDefinition } from "../../config/definition";
import {
  desiredAdministrativeUnit,
  graphAdministrativeUnit,
} from "../../identity/delegation/administrativeUnit/desired";
import { guidFrom } from "../ids";
import type { StateDocument } from "./types";

export const ADMINISTRATIVE_UNITS_AREA = "identity-au";

/** A unit with the properties the metadata gives administrativeUnit (directoryObject's included). */
export type StoredAdministrativeUnit = {
  id: string;
  deletedDateTime: null;
  displayName: string | null;
  description: string | null;
  isMemberManagementRestricted: boolean | null;
  membershipRule: string | null;
  membershipRuleProcessingState: string | null;
  membershipType: string | null;
  visibility: string | null;
};

export interface AdministrativeUnitsAreaDoc {
  version: 1;
  units: StoredAdministrativeUnit[];
  /** Units ever created here: the seed of the next id, so ids never repeat after a delete. */
  created: number;
}

export function administrativeUnitsAreaOf(doc: StateDocument): AdministrativeUnitsAreaDoc {
  const existing = doc.areas[ADMINISTRATIVE_UNITS_AREA] as AdministrativeUnitsAreaDoc | undefined;
  if (existing) return existing;
  const area: AdministrativeUnitsAreaDoc = { version: 1, units: [], created: 0 };
  doc.areas[ADMINISTRATIVE_UNITS_AREA] = area;
  return area;
}

/** A new unit from a create body already checked by the route; every property it does not set is null. */
export function addUnit(
  doc: StateDocument,
  tenantId: string,
  body: Partial<Record<keyof StoredAdministrativeUnit, unknown>>,
): StoredAdministrativeUnit {
  const area = administrativeUnitsAreaOf(doc);
  area.created += 1;
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  const unit: StoredAdministrativeUnit = {
    id: guidFrom(`tenant-emulator/administrative-unit/${tenantId}`, String(area.created)),
    deletedDateTime: null,
    displayName: text(body.displayName),
    description: text(body.description),
    isMemberManagementRestricted:
      typeof body.isMemberManagementRestricted === "boolean" ? body.isMemberManagementRestricted : null,
    membershipRule: text(body.membershipRule),
    membershipRuleProcessingState: text(body.membershipRuleProcessingState),
    membershipType: text(body.membershipType),
    visibility: text(body.visibility),
  };
  area.units.push(unit);
  return unit;
}

/** tenant.yaml `identity.delegatedAdministration`: each department's unit, as `pulumi up` of the identity layer makes it. */
export function seedAdministrativeUnits(doc: StateDocument, def: TenantDefinition): void {
  if (!def.tenant.identity?.delegatedAdministration) return;
  const shortName = def.tenant.organization.shortName;
  for (const department of def.departments)
    addUnit(
      doc,
      def.tenant.organization.tenantId,
      graphAdministrativeUnit(desiredAdministrativeUnit(shortName, department)),
    );
}
