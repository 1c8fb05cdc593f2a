import type * as pulumi from "@pulumi/pulumi";
import type { CustomPolicyDefinition } from "./customPolicyDefinitions";

/**
 * The shape of one policy assignment of the baseline, as data: archetypes.ts lists them per archetype and
 * alzBuiltInAssignments.ts holds ALZ's built-in ones; both read this file, not each other.
 */

/** What the parameter builders may use: the definition's values and the platform resources created beside them. */
export interface BaselineContext {
  allowedRegions: readonly string[];
  primaryRegion: string;
  workspaceId: pulumi.Input<string>;
  departmentIds: readonly string[];
  /** The user-assigned identity the Azure Monitor Agent runs as (management subscription). */
  amaIdentityId: pulumi.Input<string>;
  /** Data collection rules beside the workspace. */
  dataCollectionRuleIds: {
    vmInsights: pulumi.Input<string>;
    changeTracking: pulumi.Input<string>;
    defenderSql: pulumi.Input<string>;
  };
  /** The hub network: the one network outside its subscription a sandbox may peer with. */
  hubVirtualNetworkId: pulumi.Input<string>;
  /** Who service-health alerts mail (landingZone.serviceHealthAlerts, else the Defender contacts). */
  alertEmails: readonly string[];
}

export type ParameterValues = Record<string, { value: pulumi.Input<unknown> }>;

export type PolicyReference =
  | { builtIn: "policyDefinitions" | "policySetDefinitions"; name: string }
  | { custom: CustomPolicyDefinition };

export interface AssignmentSpec {
  /** ALZ-style assignment name; at most 24 characters (Azure's limit at management-group scope). */
  key: string;
  displayName: string;
  description: string;
  policy: PolicyReference;
  parameters?: (ctx: BaselineContext) => ParameterValues;
  /** Shown in the deny error and in compliance results, so it says what to do instead. */
  nonComplianceMessage: string;
  /**
   * Built-in role definition GUIDs for the assignment's system-assigned identity. Present exactly when the
   * effect is DeployIfNotExists or Modify: Azure then requires an identity and a location on the assignment.
   */
  remediationRoles?: readonly string[];
  /** Members of a policy set a remediation task names (one task each); absent for a single definition. */
  remediationMembers?: readonly string[];
  /**
   * Resources outside the assignment's scope that the deployments write to or attach (the workspace, the agent's
   * identity, data collection rules): the identity gets its roles on each, as the portal does for a parameter with
   * `assignPermissions` (MicrosoftDocs, Azure Policy "definition-structure-parameters").
   */
  writeScopes?: (ctx: BaselineContext) => pulumi.Input<string>[];
}
