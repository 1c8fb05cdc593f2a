/**
 * What `tenant drift` reports: one entry per difference between what the definition implies (as `pulumi up`
 * would apply it) and what the live tenant holds. The JSON output is this shape; docs/drift.md documents it,
 * so fields are only ever added.
 */

export const DRIFT_AREAS = [
  "groups",
  "licences",
  "numbers",
  "policyAssignments",
  "teamsConfig",
  "phoneServices",
  "identity",
] as const;
export type DriftArea = (typeof DRIFT_AREAS)[number];

export type DriftKind =
  // groups
  | "group-missing"
  | "members-exceed-headcount"
  // licences (per department group)
  | "licence-missing"
  | "licence-extra"
  | "licence-disabled-plans"
  | "licence-unresolvable"
  // numbers
  | "number-not-in-inventory"
  | "number-unassigned"
  | "number-other-user"
  | "number-location"
  | "number-category"
  | "number-not-in-definition"
  // effective policy assignments
  | "assignment-missing"
  | "assignment-changed"
  | "assignment-rank"
  | "assignment-extra"
  | "direct-grant-overrides-group"
  // tenant-wide Teams configuration
  | "policy-missing"
  | "policy-settings"
  | "voice-route-missing"
  | "voice-route-settings"
  | "pstn-usage-missing"
  | "address-missing"
  | "address-fields"
  | "location-missing"
  | "location-elin"
  // phone services (per department: auto attendants, call queues, resource accounts)
  | "phone-object-missing"
  | "phone-object-settings"
  | "phone-object-extra"
  | "phone-number"
  // identity (tenant-wide): conditional access baseline and named locations
  | "ca-policy-missing"
  | "ca-policy-settings"
  | "ca-policy-extra"
  | "named-location-missing"
  | "named-location-settings"
  | "administrative-unit-missing"
  | "administrative-unit-settings"
  | "administrative-unit-extra"
  | "break-glass-teams";

/** Who changed it, where Graph's directory audit says so; Teams changes have no Graph audit. */
export type ChangeAttribution =
  | { recorded: true; by: string; byType: "user" | "app"; at: string; activity: string }
  | { recorded: false; note: string };

export interface DriftEntry {
  area: DriftArea;
  kind: DriftKind;
  /** Department id; null for tenant-wide configuration. */
  department: string | null;
  /** What differs: a UPN, an E.164 number, a group name, `PolicyType:Name`, an address or location id. */
  subject: string;
  /** What the definition implies; null when the definition has nothing there. */
  expected: string | null;
  /** What the tenant holds; null when the tenant has nothing there. */
  actual: string | null;
  /** One sentence a reviewer can act on. */
  message: string;
  changedBy?: ChangeAttribution;
}

export interface DriftReport {
  /** The definition's organization short name and where the live snapshot came from and when. */
  organization: string;
  graphEndpoint: string;
  readAt: string;
  /** Sorted: tenant-wide first, then by department, area, subject, kind. */
  entries: DriftEntry[];
}

export const NOT_RECORDED_BY_GRAPH: ChangeAttribution = {
  recorded: false,
  note: "not recorded by Graph (Teams number and policy changes have no Graph audit entry)",
};
