/**
 * Type tokens and input shapes of the toolkit's own resources (dynamic resources and components): the contract
 * between the providers that implement them, the program that creates them, the policy pack that checks them and
 * the permission manifests (src/permissions). Every token the toolkit defines is here and nowhere else.
 * Node dynamic resources get the token `pulumi-nodejs:dynamic/<module>:<type>` when `module`/`type` are
 * passed to the constructor (pulumi-offline.md §3.1); without them every one would be
 * `pulumi-nodejs:dynamic:Resource` and policies could not tell them apart.
 */

export const DYNAMIC_MODULES = {
  m365: "tenant-m365",
  teams: "tenant-teams",
  landingZone: "tenant-landing-zone",
  identity: "tenant-identity",
} as const;

const token = (module: string, type: string) => `pulumi-nodejs:dynamic/${module}:${type}` as const;

export const RESOURCE_TYPES = {
  groupLicenses: token(DYNAMIC_MODULES.m365, "GroupLicenses"),
  pstnUsages: token(DYNAMIC_MODULES.teams, "PstnUsages"),
  voiceRoute: token(DYNAMIC_MODULES.teams, "VoiceRoute"),
  callingPolicy: token(DYNAMIC_MODULES.teams, "CallingPolicy"),
  emergencyCallingPolicy: token(DYNAMIC_MODULES.teams, "EmergencyCallingPolicy"),
  emergencyCallRoutingPolicy: token(DYNAMIC_MODULES.teams, "EmergencyCallRoutingPolicy"),
  voiceRoutingPolicy: token(DYNAMIC_MODULES.teams, "VoiceRoutingPolicy"),
  dialPlan: token(DYNAMIC_MODULES.teams, "DialPlan"),
  emergencyAddress: token(DYNAMIC_MODULES.teams, "EmergencyAddress"),
  groupPolicyAssignments: token(DYNAMIC_MODULES.teams, "GroupPolicyAssignments"),
  numberAssignments: token(DYNAMIC_MODULES.teams, "NumberAssignments"),
  /** `Grant-Cs<Policy> -Global`: the tenant default of one policy type (only emergency call routing today). */
  globalPolicyGrant: token(DYNAMIC_MODULES.teams, "GlobalPolicyGrant"),
  /** One department's resource accounts, auto attendants and call queues (issue #15). */
  phoneServices: token(DYNAMIC_MODULES.teams, "PhoneServices"),
  /** The tenant's holiday calendars and shared schedules for the attendants (issue #15). */
  phoneSchedules: token(DYNAMIC_MODULES.teams, "PhoneSchedules"),
  propagationWait: token(DYNAMIC_MODULES.landingZone, "PropagationWait"),
  /** A department's administrative unit with dynamic membership (issue #16); azuread's has no membership rule. */
  administrativeUnit: token(DYNAMIC_MODULES.identity, "AdministrativeUnit"),
} as const;

/** A dynamic resource's type token, as the engine records it. */
export type ResourceTypeToken = (typeof RESOURCE_TYPES)[keyof typeof RESOURCE_TYPES];

/**
 * The component resources' type tokens (`tenant:<module>:<Type>`): grouping only, nothing of their own in the
 * tenant, so they need no permission manifest. The plan and the policy pack find departments by them.
 */
export const COMPONENT_TYPES = {
  landingZone: "tenant:landingZone:LandingZone",
  departmentLandingZone: "tenant:department:DepartmentLandingZone",
  departmentNetwork: "tenant:department:DepartmentNetwork",
  subscriptionPlacement: "tenant:department:SubscriptionPlacement",
  vendedSubscription: "tenant:department:VendedSubscription",
  departmentIdentity: "tenant:identity:DepartmentIdentity",
  conditionalAccessBaseline: "tenant:identity:ConditionalAccessBaseline",
  breakGlassMonitoring: "tenant:identity:BreakGlassMonitoring",
} as const;

/** A department's administrative unit: its members are the users the department's rule matches. */
export interface AdministrativeUnitInputs {
  department: string;
  displayName: string;
  description: string;
  /** The department group's rule (src/identity/membershipRule.ts), so both always hold the same users. */
  membershipRule: string;
}

/** Licences of one department group (group-based licensing). One resource per department. */
export interface GroupLicensesInputs {
  department: string;
  groupId: string;
  /** Users the group's rule is expected to match (the definition's headcount): the seats it demands per SKU. */
  headcount: number;
  licences: {
    skuPartNumber: string;
    /** Service-plan names switched off (catalogue defaults plus the department's own), sorted. */
    disabledPlans: string[];
    /** Seats the tenant owns of this SKU according to the definition. */
    seatsOwned: number;
  }[];
  /** The department's `intentionalRemovals` from its definition (policy `m365-licensing-grouplicenses-no-unmarked-removal`). */
  intentionalRemovals?: IntentionalRemovals;
}

/** One department's phone numbers, diffed per entry. One resource per department, never one per user. */
export interface NumberAssignmentsInputs {
  department: string;
  assignments: {
    userPrincipalName: string;
    /** E.164. */
    number: string;
    numberType: "callingPlan" | "directRouting" | "operatorConnect";
    /** The definition's location id (tenant.yaml emergencyAddresses[].locations[].id). */
    emergencyLocation: string;
    category: "primary" | "private" | "alternate";
  }[];
  /** The department's `intentionalRemovals` from its definition (policy `teams-voice-numberassignments-no-unmarked-removal`). */
  intentionalRemovals?: IntentionalRemovals;
}

/** Teams policies granted to one department group, with their rank. */
export interface GroupPolicyAssignmentsInputs {
  department: string;
  groupId: string;
  assignments: {
    /** The MicrosoftTeams policy type, e.g. `TeamsCallingPolicy`, `TenantDialPlan`. */
    policyType: string;
    policyName: string;
    rank: number;
  }[];
}

/**
 * What a department's definition marks as removed on purpose (department YAML `intentionalRemovals`). Carried on
 * both GroupLicenses and NumberAssignments so a department that drops all its numbers (or all its licences) still
 * has a resource that carries the marker. Omitted or empty lists when nothing is marked.
 */
export interface IntentionalRemovals {
  /** E.164 numbers this department may stop assigning. */
  numbers: string[];
  /** SKU part numbers this department's group may stop getting. */
  skus: string[];
}

/** One tenant dial plan (`tenant.yaml` teamsVoice.dialPlans[]). Teams limits: name ≤ 49 of `[A-Za-z0-9.-]`, ≤ 50 rules. */
export interface DialPlanInputs {
  name: string;
  description?: string;
  simpleName?: string;
  /** In priority order (first match wins). */
  normalizationRules: {
    name: string;
    description?: string;
    pattern: string;
    translation: string;
    isInternalExtension: boolean;
  }[];
}

// ---------------------------------------------------------------------------------------------------------
// Tenant-wide Teams voice resources (src/teams/policies, src/teams/addresses, src/teams/assignments).
// Inputs keep the definition's camelCase names (tenant.yaml teamsVoice.*), which are the cmdlet parameters.

/** The part of the tenant's global PSTN usage list the definition owns (teamsVoice.pstnUsages). */
export interface PstnUsagesInputs {
  usages: string[];
}

/** One online voice route (teamsVoice.voiceRoutes[]). */
export interface VoiceRouteInputs {
  name: string;
  description?: string;
  numberPattern: string;
  /** SBC FQDNs (`-OnlinePstnGatewayList`). */
  gateways: string[];
  pstnUsages: string[];
  priority: number;
}

/** One calling policy: its name and the camelCase settings the definition sets (teamsVoice.callingPolicies[]). */
export interface CallingPolicyInputs {
  name: string;
  [setting: string]: string | number | boolean | undefined;
}

export interface EmergencyCallingPolicyInputs {
  name: string;
  description?: string;
  notificationGroup?: string[];
  notificationDialOutNumber?: string;
  notificationMode?: string;
  externalLocationLookupMode?: string;
}

export interface EmergencyCallRoutingPolicyInputs {
  name: string;
  description?: string;
  allowEnhancedEmergencyServices: boolean;
  /** In order. */
  emergencyNumbers: { emergencyDialString: string; emergencyDialMask: string[]; onlinePstnUsage: string }[];
}

export interface VoiceRoutingPolicyInputs {
  name: string;
  description?: string;
  /** In order: the order is the routing preference. */
  pstnUsages: string[];
}

/** One civic address and its locations (tenant.yaml emergencyAddresses[]). */
export interface EmergencyAddressInputs {
  /**
   * The definition's address id; kept in the address's Description as `[key] …` to find it again. Not named
   * `id`: that is the resource id's property in Pulumi.
   */
  key: string;
  description?: string;
  companyName: string;
  houseNumber: string;
  streetName: string;
  city: string;
  stateOrProvince?: string;
  postalCode: string;
  countryOrRegion: string;
  latitude?: number;
  longitude?: number;
  locations: { id: string; name: string; elin?: string }[];
}

export interface GlobalPolicyGrantInputs {
  policyType: "TeamsEmergencyCallRoutingPolicy";
  policyName: string;
  /**
   * The named policy's settings as the definition sets them. `Grant-Cs… -Global` COPIES them into the Global
   * instance, so a change to them must be granted again; they are also what drift expects Global to hold.
   */
  settings?: Record<string, unknown>;
}

/** What the grant remembers: Global's settings before the first grant, which a delete puts back. */
export interface GlobalPolicyGrantOutputs extends GlobalPolicyGrantInputs {
  restoreSettings?: Record<string, unknown>;
}
