/**
 * The one narrow port through which the toolkit administers Teams voice. Two adapters implement it:
 * Graph (v1.0 `/admin/teams/...`: numbers, per-user policy assignment, user configuration read-back) and
 * PowerShell (the MicrosoftTeams module: everything Graph does not have — policy definitions, dial plans,
 * voice routes, PSTN usages, emergency addresses/locations and group policy assignment).
 * Sources: Graph v1.0 metadata (`microsoftgraph/msgraph-metadata` `clean_v10_metadata/cleanMetadata.xml`, subset vendored
 * in vendor/reference/microsoft-graph/) for what Graph has; `MicrosoftDocs/office-docs-powershell`
 * `teams/teams-ps/MicrosoftTeams/<Cmdlet>.md` for the rest.
 */

// ---------------------------------------------------------------------------------------------------------
// Policies and routing (PowerShell)

/** MicrosoftTeams policy types the toolkit manages, named as `New-CsGroupPolicyAssignment -PolicyType` names them. */
export const TEAMS_POLICY_TYPES = [
  "TeamsCallingPolicy",
  "TeamsEmergencyCallingPolicy",
  "TeamsEmergencyCallRoutingPolicy",
  "OnlineVoiceRoutingPolicy",
  "TenantDialPlan",
] as const;
export type TeamsPolicyType = (typeof TEAMS_POLICY_TYPES)[number];

/**
 * A policy as the toolkit sees it: identity name (without `Tag:`) and its settings as cmdlet parameters
 * (PascalCase names, e.g. `AllowPrivateCalling`; nested lists such as `NormalizationRules`,
 * `EmergencyNumbers`, `ExtendedNotifications` as arrays of plain objects).
 */
export interface TeamsPolicy {
  type: TeamsPolicyType;
  name: string;
  settings: Record<string, unknown>;
}

export interface VoiceRoute {
  name: string;
  settings: {
    NumberPattern: string;
    OnlinePstnGatewayList: string[];
    OnlinePstnUsages: string[];
    Priority: number;
    Description?: string;
  };
}

export interface CivicAddress {
  /** Assigned by Teams. */
  civicAddressId: string;
  /** Our id from tenant.yaml, kept in `Description` as `[id] …` so a re-run finds the address again. */
  key: string;
  fields: {
    CompanyName: string;
    HouseNumber: string;
    StreetName: string;
    City: string;
    StateOrProvince?: string;
    PostalCode: string;
    CountryOrRegion: string;
    Latitude?: string;
    Longitude?: string;
    Description?: string;
  };
  /** Teams creates one default location with every address. */
  defaultLocationId: string;
}

export interface LisLocation {
  /** Assigned by Teams; numbers point at it (`locationId`). */
  locationId: string;
  civicAddressId: string;
  /** The location's name inside the building, e.g. `Planta 3`. */
  location: string;
  elin?: string;
}

export interface GroupPolicyAssignment {
  groupId: string;
  policyType: TeamsPolicyType;
  policyName: string;
  rank: number;
}

export interface TeamsPowerShellAdmin {
  getPolicy(type: TeamsPolicyType, name: string): Promise<TeamsPolicy | undefined>;
  listPolicies(type: TeamsPolicyType): Promise<TeamsPolicy[]>;
  createPolicy(policy: TeamsPolicy): Promise<void>;
  /** Sets only the given settings (the delta). */
  setPolicy(type: TeamsPolicyType, name: string, settings: Record<string, unknown>): Promise<void>;
  removePolicy(type: TeamsPolicyType, name: string): Promise<void>;

  getPstnUsages(): Promise<string[]>;
  updatePstnUsages(change: { add: string[]; remove: string[] }): Promise<void>;
  /** Every voice route (`tenant export` / `drift` read them all). */
  listVoiceRoutes(): Promise<VoiceRoute[]>;
  getVoiceRoute(name: string): Promise<VoiceRoute | undefined>;
  createVoiceRoute(route: VoiceRoute): Promise<void>;
  setVoiceRoute(name: string, settings: Partial<VoiceRoute["settings"]>): Promise<void>;
  removeVoiceRoute(name: string): Promise<void>;

  listCivicAddresses(): Promise<CivicAddress[]>;
  createCivicAddress(key: string, fields: CivicAddress["fields"]): Promise<CivicAddress>;
  setCivicAddress(civicAddressId: string, fields: Partial<CivicAddress["fields"]>): Promise<void>;
  removeCivicAddress(civicAddressId: string): Promise<void>;
  listLocations(civicAddressId: string): Promise<LisLocation[]>;
  createLocation(civicAddressId: string, location: string, elin?: string): Promise<LisLocation>;
  setLocation(locationId: string, change: { location?: string; elin?: string }): Promise<void>;
  removeLocation(locationId: string): Promise<void>;

  /** Group assignments of one policy type, or of every type for one group. */
  listGroupPolicyAssignments(filter: {
    groupId?: string;
    policyType?: TeamsPolicyType;
  }): Promise<GroupPolicyAssignment[]>;
  grantGroupPolicy(assignment: GroupPolicyAssignment): Promise<void>;
  removeGroupPolicy(groupId: string, policyType: TeamsPolicyType): Promise<void>;
  /** Copies the named policy's settings into the Global instance (not a pointer: later edits do not follow). */
  grantGlobalPolicy(policyType: TeamsPolicyType, policyName: string): Promise<void>;

  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers, per-user policy assignment and user configuration (Graph v1.0)

export type NumberType = "callingPlan" | "directRouting" | "operatorConnect";
export type AssignmentCategory = "primary" | "private" | "alternate";

/** A number in the tenant's inventory (`telephoneNumberManagement/numberAssignments`). */
export interface InventoryNumber {
  telephoneNumber: string;
  numberType: NumberType;
  /** `unassigned`, `userAssigned`, `conferenceAssigned`, `voiceApplicationAssigned`, … */
  assignmentStatus: string;
  /** Object id of the user it is assigned to, when assigned. */
  assignmentTargetId: string | null;
  assignmentCategory: AssignmentCategory | null;
  locationId: string | null;
  /** `activated`, `assignmentPending`, `updatePending`, …; absent from backends that do not report it. */
  activationState?: string;
}

export interface NumberAssignRequest {
  telephoneNumber: string;
  numberType: NumberType;
  /** Object id of the user. */
  assignmentTargetId: string;
  assignmentCategory: AssignmentCategory;
  locationId: string | null;
}

/** Outcome of one asynchronous number operation, polled to its end. */
export interface NumberOperationOutcome {
  telephoneNumber: string;
  succeeded: boolean;
  /** The service's reason when it failed (status details). */
  reason?: string;
}

export interface TeamsGraphAdmin {
  /** The whole inventory, or the numbers matching an OData filter (paged with `$top/$skip`). */
  listNumbers(filter?: string): Promise<InventoryNumber[]>;
  /** Starts the operations concurrently within the adapter's bounds and polls each to its end. */
  assignNumbers(requests: NumberAssignRequest[]): Promise<NumberOperationOutcome[]>;
  unassignNumbers(
    numbers: { telephoneNumber: string; numberType: NumberType }[],
  ): Promise<NumberOperationOutcome[]>;
  updateNumberLocations(
    numbers: { telephoneNumber: string; locationId: string | null }[],
  ): Promise<NumberOperationOutcome[]>;

  /** Policy id of a named policy (Graph `getPolicyId`), for per-user assignment. */
  getPolicyId(policyType: TeamsPolicyType, name: string): Promise<string | undefined>;
  /** Effective configuration of a user: numbers and effective policies. */
  getUserConfiguration(userId: string): Promise<{
    id: string;
    telephoneNumbers: { telephoneNumber: string; assignmentCategory: AssignmentCategory }[];
    effectivePolicyAssignments: { policyType: string; policyName: string; assignmentType: string }[];
  }>;
}

/** Everything a Teams voice resource may need, from both adapters. */
export interface TeamsAdmin {
  graph: TeamsGraphAdmin;
  powershell: TeamsPowerShellAdmin;
}
