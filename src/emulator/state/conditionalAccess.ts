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
import type { StateDocument, UserRecord } from "./types";

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
  // The emergency accounts exist before any policy excludes them (tenant.yaml gives their object ids).
  for (const account of identity.breakGlass)
    if (!doc.users.some((u) => u.id.toLowerCase() === account.objectId.toLowerCase()))
      doc.users.push(breakGlassUser(account.userPrincipalName, account.objectId, created));
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

/** A cloud-only emergency account: in no department, no licence, no usage location (assumed: as Microsoft advises). */
function breakGlassUser(upn: string, id: string, created: string): UserRecord {
  const local = upn.split("@")[0];
  return {
    id,
    userPrincipalName: upn,
    displayName: `Break glass ${local}`,
    givenName: null,
    surname: null,
    mail: null,
    mailNickname: local.replace(/[^A-Za-z0-9._-]/g, ""),
    accountEnabled: true,
    userType: "Member",
    usageLocation: null,
    department: null,
    companyName: null,
    officeLocation: null,
    jobTitle: null,
    employeeType: null,
    city: null,
    country: null,
    extensionAttributes: {},
    createdDateTime: created,
    licenseAssignmentStates: [],
  };
}
