/**
 * Conditional access policies and named locations (area `identity-ca`), as Graph v1.0 holds them
 * (conditionalAccessPolicy, ipNamedLocation, countryNamedLocation in graph-v1-identity-subset.json). The seed creates
 * the definition's baseline exactly as the identity layer's azuread resources would (graphShape.ts: the same pure
 * functions the drift compares with), so a seeded tenant has no conditional-access drift; a hand change goes
 * through PATCH (routes/conditionalAccess.ts).
 */
import type { TenantDefinition } from "../../config/definition";
import { graphNamedLocation, graphPolicy } from "../../identity/conditionalAccess/graphShape";
import { policyGroupsOf } from "../../identity/conditionalAccess/policyGroups";
import { baselinePolicies } from "../../identity/conditionalAccess/policies";
import { guidFrom } from "../ids";
import { bareUser } from "./bareUser";
import type { StateDocument } from "./types";

export const CONDITIONAL_ACCESS_AREA = "identity-ca";

/** A policy or a named location as Graph returns it, with the id and times the service sets. */
export type StoredGraphObject = { id: string; createdDateTime: string; modifiedDateTime: string } & Record<
  string,
  unknown
>;

export interface ConditionalAccessAreaDoc {
  version: 1;
  policies: StoredGraphObject[];
  namedLocations: StoredGraphObject[];
}

export function conditionalAccessAreaOf(doc: StateDocument): ConditionalAccessAreaDoc {
  const existing = doc.areas[CONDITIONAL_ACCESS_AREA] as ConditionalAccessAreaDoc | undefined;
  if (existing) return existing;
  const area: ConditionalAccessAreaDoc = { version: 1, policies: [], namedLocations: [] };
  doc.areas[CONDITIONAL_ACCESS_AREA] = area;
  return area;
}

/** The object id the seed gives a department exception group (seed.ts creates the group with it). */
export function exceptionGroupId(tenantId: string, displayName: string): string {
  return guidFrom(`tenant-emulator/group/${tenantId}`, `exception/${displayName}`);
}

/** The object id the seed gives a department admin group (seed.ts creates the group with it). */
export function adminGroupId(tenantId: string, displayName: string): string {
  return guidFrom(`tenant-emulator/group/${tenantId}`, `admins/${displayName}`);
}

/** The identity layer's baseline (tenant.yaml `identity`), created as `pulumi up` of that layer would. */
export function seedConditionalAccess(doc: StateDocument, def: TenantDefinition, created: string): void {
  const identity = def.tenant.identity;
  if (!identity) return;
  const area = conditionalAccessAreaOf(doc);
  const tenantId = def.tenant.organization.tenantId;
  // The emergency accounts exist before any policy excludes them (tenant.yaml gives their object ids).
  for (const account of identity.breakGlass)
    if (!doc.users.some((u) => u.id.toLowerCase() === account.objectId.toLowerCase()))
      // A cloud-only emergency account: in no department, no licence (assumed: as Microsoft advises).
      doc.users.push(
        bareUser({
          id: account.objectId,
          userPrincipalName: account.userPrincipalName,
          displayName: `Break glass ${account.userPrincipalName.split("@")[0]}`,
          accountEnabled: true,
          createdDateTime: created,
        }),
      );
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
  const groups = policyGroupsOf(def);
  const admins = new Set(groups.admins);
  for (const spec of baselinePolicies(shortName, identity, def.tenant.licensing.skus, groups)) {
    area.policies.push({
      id: guidFrom(`tenant-emulator/ca-policy/${tenantId}`, spec.key),
      createdDateTime: created,
      modifiedDateTime: created,
      ...graphPolicy(
        spec,
        (id) => ids.get(id) ?? id,
        (name) => (admins.has(name) ? adminGroupId(tenantId, name) : exceptionGroupId(tenantId, name)),
      ),
    });
  }
}
