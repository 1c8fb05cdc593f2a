/**
 * Conditional access policies and named locations (area `identity-ca`), as Graph v1.0 holds them
 * (conditionalAccessPolicy, ipNamedLocation, countryNamedLocation in graph-v1-identity-subset.json). The seed creates
 * the definition's baseline exactly as the identity layer's azuread resources would (graphShape.ts: the same pure
 * functions the drift compares with), so a seeded tenant has no conditional-access drift; a hand change goes
 * through PATCH (routes/conditionalAccess.ts).
 */
import type { TenantDefinition } from "../../config/definition";
import { graphNamedLocation, graphPolicy } from "../../identity/conditionalAccess/graphShape";
import { baselinePolicies } from "../../identity/conditionalAccess/policies";
import { guidFrom } from "../ids";
import type { StateDocument } from "./types";

export const CONDITIONAL_ACCESS_AREA = "identity-ca";

export type CaPolicyRecord = { id: string; createdDateTime: string; modifiedDateTime: string } & Record<
  string,
  unknown
>;
export type NamedLocationRecord = { id: string; createdDateTime: string; modifiedDateTime: string } & Record<
  string,
  unknown
>;

export interface ConditionalAccessAreaDoc {
  version: 1;
  policies: CaPolicyRecord[];
  namedLocations: NamedLocationRecord[];
}

export function conditionalAccessAreaOf(doc: StateDocument): ConditionalAccessAreaDoc {
  const existing = doc.areas[CONDITIONAL_ACCESS_AREA] as ConditionalAccessAreaDoc | undefined;
  if (existing) return existing;
  const area: ConditionalAccessAreaDoc = { version: 1, policies: [], namedLocations: [] };
  doc.areas[CONDITIONAL_ACCESS_AREA] = area;
  return area;
}

/** The identity layer's baseline (tenant.yaml `identity`), created as `pulumi up` of that layer would. */
export function seedConditionalAccess(doc: StateDocument, def: TenantDefinition, created: string): void {
  const identity = def.tenant.identity;
  if (!identity) return;
  const area = conditionalAccessAreaOf(doc);
  const tenantId = def.tenant.organization.tenantId;
  const ids = new Map<string, string>();
  for (const location of identity.namedLocations) {
    const id = guidFrom(`tenant-emulator/named-location/${tenantId}`, location.id);
    ids.set(location.id, id);
    area.namedLocations.push({
      id,
      createdDateTime: created,
      modifiedDateTime: created,
      ...graphNamedLocation(location),
    });
  }
  const shortName = def.tenant.organization.shortName;
  for (const spec of baselinePolicies(shortName, identity, def.tenant.licensing.skus)) {
    area.policies.push({
      id: guidFrom(`tenant-emulator/ca-policy/${tenantId}`, spec.key),
      createdDateTime: created,
      modifiedDateTime: created,
      ...graphPolicy(spec, (id) => ids.get(id) ?? id),
    });
  }
}
