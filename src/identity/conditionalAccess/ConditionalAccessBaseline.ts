import * as azuread from "@pulumi/azuread";
import * as pulumi from "@pulumi/pulumi";
import type { Identity } from "../../config/schema/identity";
import type { Sku } from "../../config/schema/licensing";
import { COMPONENT_TYPES } from "../../resourceTypes";
import { baselinePolicies, type PolicyGroups, type PolicySpec } from "./policies";

export interface ConditionalAccessBaselineArgs {
  /** The organisation's short name: prefixes display names and logical names. */
  shortName: string;
  identity: Identity;
  /** The licence catalogue: the risk policies need Entra ID P2. */
  skus: readonly Sku[];
  /** The exception and admin groups the policies name (policyGroups.ts). */
  groups?: PolicyGroups;
  /** The object ids of those groups, by display name (the identity layer creates them). */
  groupIds?: ReadonlyMap<string, pulumi.Input<string>>;
}

/**
 * The tenant's conditional access baseline: one azuread.NamedLocation per `identity.namedLocations` entry and one
 * azuread.ConditionalAccessPolicy per baseline policy tenant.yaml declares (src/identity/conditionalAccess/policies.ts
 * decides their conditions and controls). Tenant-wide: it belongs to no department.
 */
export class ConditionalAccessBaseline extends pulumi.ComponentResource {
  static readonly TYPE = COMPONENT_TYPES.conditionalAccessBaseline;
  declare readonly namedLocations: Map<string, azuread.NamedLocation>;
  declare readonly policies: Map<PolicySpec["key"], azuread.ConditionalAccessPolicy>;

  constructor(name: string, args: ConditionalAccessBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
    super(ConditionalAccessBaseline.TYPE, name, {}, opts);
    const { shortName, identity } = args;
    this.namedLocations = new Map();
    for (const location of identity.namedLocations) {
      this.namedLocations.set(
        location.id,
        new azuread.NamedLocation(
          `nl-${shortName}-${location.id}`,
          {
            displayName: location.displayName,
            ...(location.ipRanges
              ? { ip: { ipRanges: location.ipRanges, trusted: location.trusted } }
              : {
                  country: {
                    countriesAndRegions: location.countries ?? [],
                    includeUnknownCountriesAndRegions: location.includeUnknownCountries,
                  },
                }),
          },
          { parent: this },
        ),
      );
    }
    this.policies = new Map();
    for (const spec of baselinePolicies(shortName, identity, args.skus, args.groups)) {
      this.policies.set(
        spec.key,
        new azuread.ConditionalAccessPolicy(
          `ca-${shortName}-${spec.key}`,
          policyArgs(
            spec,
            (id) => this.locationId(id),
            (name) => groupIdOf(args.groupIds, name),
          ),
          { parent: this },
        ),
      );
    }
    this.registerOutputs({});
  }

  /** The object id Entra gave a named location; validate guarantees the id is declared. */
  private locationId(id: string): pulumi.Output<string> {
    const location = this.namedLocations.get(id);
    if (!location) throw new Error(`No named location '${id}' in identity.namedLocations.`);
    return location.id;
  }
}

function groupIdOf(groups: ReadonlyMap<string, pulumi.Input<string>> | undefined, name: string) {
  const id = groups?.get(name);
  if (id === undefined) throw new Error(`No group '${name}' was created by the identity layer.`);
  return id;
}

/** A spec as the provider's arguments: named-location and group names swapped for the ids Entra assigns. */
export function policyArgs(
  spec: PolicySpec,
  locationId: (id: string) => pulumi.Input<string>,
  groupId: (displayName: string) => pulumi.Input<string> = (name) => name,
): azuread.ConditionalAccessPolicyArgs {
  const { locations, users, ...conditions } = spec.conditions;
  const { excludedGroupNames, includedGroupNames, ...userConditions } = users;
  return {
    displayName: spec.displayName,
    state: spec.state,
    conditions: {
      ...conditions,
      users: {
        ...userConditions,
        ...(includedGroupNames ? { includedGroups: includedGroupNames.map(groupId) } : {}),
        ...(excludedGroupNames ? { excludedGroups: excludedGroupNames.map(groupId) } : {}),
      },
      ...(locations
        ? {
            locations: {
              includedLocations: locations.includedLocations,
              excludedLocations: locations.excludedLocationIds.map(locationId),
            },
          }
        : {}),
    },
    grantControls: spec.grantControls,
    ...(spec.sessionControls ? { sessionControls: spec.sessionControls } : {}),
  };
}
