/**
 * The baseline in Graph v1.0's words (conditionalAccessPolicy, ipNamedLocation, countryNamedLocation; property names
 * and nullability from vendor/reference/microsoft-graph/graph-v1-identity-subset.json): what the azuread provider
 * sends for a PolicySpec and a named location, as Graph returns it. `tenant drift` compares the live policies with
 * these, and the emulator's seed creates them, so both sides speak one shape. Pure.
 *
 * Graph fills every collection of a condition set (an empty one as []) and leaves absent complex values null
 * (conditionalaccessroot-list-policies.md's example response); the authentication strength is a navigation
 * property (grantControls/authenticationStrength), so it is left out here.
 */
import type { NamedLocation } from "../../config/schema/identity";
import type { PolicySpec } from "./policies";

export interface GraphConditionalAccessPolicy {
  displayName: string;
  state: string;
  conditions: {
    users: Record<
      "includeUsers" | "excludeUsers" | "includeGroups" | "excludeGroups" | "includeRoles" | "excludeRoles",
      string[]
    >;
    applications: Record<
      | "includeApplications"
      | "excludeApplications"
      | "includeUserActions"
      | "includeAuthenticationContextClassReferences",
      string[]
    >;
    clientAppTypes: string[];
    signInRiskLevels: string[];
    userRiskLevels: string[];
    servicePrincipalRiskLevels: string[];
    locations: { includeLocations: string[]; excludeLocations: string[] } | null;
    platforms: null;
  };
  grantControls: {
    operator: string;
    builtInControls: string[];
    customAuthenticationFactors: string[];
    termsOfUse: string[];
  };
  sessionControls: {
    signInFrequency: {
      isEnabled: boolean;
      frequencyInterval: string;
      authenticationType: string;
      type: null;
      value: null;
    };
  } | null;
}

export type GraphNamedLocation =
  | {
      "@odata.type": "#microsoft.graph.ipNamedLocation";
      displayName: string;
      isTrusted: boolean;
      ipRanges: { "@odata.type": "#microsoft.graph.iPv4CidrRange"; cidrAddress: string }[];
    }
  | {
      "@odata.type": "#microsoft.graph.countryNamedLocation";
      displayName: string;
      countriesAndRegions: string[];
      includeUnknownCountriesAndRegions: boolean;
      countryLookupMethod: "clientIpAddress";
    };

/**
 * @param locationId the object id Entra gave a named location (by its tenant.yaml id).
 * @param groupId the object id of an exception or admin group (by its display name).
 */
export function graphPolicy(
  spec: PolicySpec,
  locationId: (id: string) => string,
  groupId: (displayName: string) => string = (name) => name,
): GraphConditionalAccessPolicy {
  const c = spec.conditions;
  return {
    displayName: spec.displayName,
    state: spec.state,
    conditions: {
      users: {
        includeUsers: c.users.includedUsers ?? [],
        excludeUsers: c.users.excludedUsers,
        includeGroups: (c.users.includedGroupNames ?? []).map(groupId),
        excludeGroups: (c.users.excludedGroupNames ?? []).map(groupId),
        includeRoles: c.users.includedRoles ?? [],
        excludeRoles: [],
      },
      applications: {
        includeApplications: c.applications.includedApplications,
        excludeApplications: [],
        includeUserActions: [],
        includeAuthenticationContextClassReferences: [],
      },
      clientAppTypes: c.clientAppTypes,
      signInRiskLevels: c.signInRiskLevels ?? [],
      userRiskLevels: c.userRiskLevels ?? [],
      servicePrincipalRiskLevels: [],
      locations: c.locations
        ? {
            includeLocations: c.locations.includedLocations,
            excludeLocations: c.locations.excludedLocationIds.map(locationId),
          }
        : null,
      platforms: null,
    },
    grantControls: {
      operator: spec.grantControls.operator,
      builtInControls: spec.grantControls.builtInControls ?? [],
      customAuthenticationFactors: [],
      termsOfUse: [],
    },
    sessionControls: spec.sessionControls
      ? {
          signInFrequency: {
            isEnabled: true,
            frequencyInterval: spec.sessionControls.signInFrequencyInterval,
            // The azuread provider's default for an every-time frequency (*assumed*: its docs do not say).
            authenticationType: "primaryAndSecondaryAuthentication",
            type: null,
            value: null,
          },
        }
      : null,
  };
}

export function graphNamedLocation(location: NamedLocation): GraphNamedLocation {
  if (location.ipRanges)
    return {
      "@odata.type": "#microsoft.graph.ipNamedLocation",
      displayName: location.displayName,
      isTrusted: location.trusted,
      ipRanges: location.ipRanges.map((cidrAddress) => ({
        "@odata.type": "#microsoft.graph.iPv4CidrRange",
        cidrAddress,
      })),
    };
  return {
    "@odata.type": "#microsoft.graph.countryNamedLocation",
    displayName: location.displayName,
    countriesAndRegions: location.countries ?? [],
    includeUnknownCountriesAndRegions: location.includeUnknownCountries,
    countryLookupMethod: "clientIpAddress",
  };
}
