import * as authorization from "@pulumi/azure-native/authorization";
import type * as management from "@pulumi/azure-native/management";
import * as policyinsights from "@pulumi/azure-native/policyinsights";
import * as pulumi from "@pulumi/pulumi";
import type { ManagementGroup } from "../config/schema/landingZone";
import { deterministicGuid, policyAssignmentName, policyDefinitionName } from "../naming";
import {
  ARCHETYPE_ASSIGNMENTS,
  type AssignmentSpec,
  type BaselineContext,
  type ParameterValues,
} from "./archetypes";
import type { CustomPolicyDefinition } from "./customPolicyDefinitions";
import { managementGroupResourceId, sortManagementGroups } from "./managementGroups";
import { PropagationWait } from "./propagationWait";

/** One assignment to make: the table row resolved against a management group. */
export interface PlannedAssignment {
  groupId: string;
  /** Azure name of the assignment (≤ 24 characters, unique within the group). */
  name: string;
  scope: string;
  policyDefinitionId: string;
  spec: AssignmentSpec;
  parameters?: ParameterValues;
  custom?: CustomPolicyDefinition;
}

/** `/providers/Microsoft.Authorization/policyDefinitions/<guid>` (or `policySetDefinitions`). */
export function builtInPolicyId(kind: "policyDefinitions" | "policySetDefinitions", name: string): string {
  return `/providers/Microsoft.Authorization/${kind}/${name}`;
}

/** The resource id of a custom definition created at a management group. */
export function customPolicyDefinitionId(
  definitionGroupId: string,
  definition: CustomPolicyDefinition,
): string {
  return `${managementGroupResourceId(definitionGroupId)}/providers/Microsoft.Authorization/policyDefinitions/${policyDefinitionName(definition.name)}`;
}

/**
 * Pure: which assignments every group gets, in creation order. A group with several archetypes gets the
 * union; an assignment two of its archetypes share (same key) is made once. Custom definitions live at the
 * top group (`definitionGroupId`), which is an ancestor of every scope.
 */
export function planAssignments(
  groups: readonly ManagementGroup[],
  ctx: BaselineContext,
): PlannedAssignment[] {
  const ordered = sortManagementGroups(groups);
  const definitionGroupId = ordered[0]?.id;
  const planned: PlannedAssignment[] = [];
  for (const group of ordered) {
    const seen = new Set<string>();
    for (const archetype of group.archetypes) {
      for (const spec of ARCHETYPE_ASSIGNMENTS[archetype]) {
        const name = policyAssignmentName(spec.key);
        if (seen.has(name)) continue;
        seen.add(name);
        const custom = "custom" in spec.policy ? spec.policy.custom : undefined;
        planned.push({
          groupId: group.id,
          name,
          scope: managementGroupResourceId(group.id),
          policyDefinitionId:
            "custom" in spec.policy
              ? customPolicyDefinitionId(definitionGroupId, spec.policy.custom)
              : builtInPolicyId(spec.policy.builtIn, spec.policy.name),
          spec,
          parameters: spec.parameters?.(ctx),
          custom,
        });
      }
    }
  }
  return planned;
}

export interface PolicyBaselineArgs {
  groups: readonly ManagementGroup[];
  /** The created management groups by definition id (assignments depend on their group). */
  managementGroups: ReadonlyMap<string, management.ManagementGroup>;
  context: BaselineContext;
  /** Seconds to wait after a new group, definition or assignment identity (landingZone.propagationWaitSeconds). */
  propagationWaitSeconds: number;
}

export interface PolicyBaseline {
  definitions: Map<string, authorization.PolicyDefinitionAtManagementGroup>;
  assignments: Map<string, authorization.PolicyAssignment>;
  roleAssignments: authorization.RoleAssignment[];
  /** Pauses for Azure's replication: one per group (before its assignments), one per assignment identity. */
  waits: PropagationWait[];
  /** One remediation task per DeployIfNotExists/Modify assignment, after its identity holds its roles. */
  remediations: policyinsights.RemediationAtManagementGroup[];
}

/** Creates the custom definitions, every planned assignment and the role assignments of remediation identities. */
export function createPolicyBaseline(
  args: PolicyBaselineArgs,
  opts: pulumi.CustomResourceOptions,
): PolicyBaseline {
  const planned = planAssignments(args.groups, args.context);
  const definitionGroupId = sortManagementGroups(args.groups)[0]?.id;
  const definitions = new Map<string, authorization.PolicyDefinitionAtManagementGroup>();
  const assignments = new Map<string, authorization.PolicyAssignment>();
  const roleAssignments: authorization.RoleAssignment[] = [];
  const remediations: policyinsights.RemediationAtManagementGroup[] = [];
  const waits: PropagationWait[] = [];
  const wait = (name: string, reason: string, after: pulumi.Resource[]): pulumi.Resource[] => {
    if (args.propagationWaitSeconds <= 0) return [];
    const w = new PropagationWait(
      name,
      { reason, seconds: args.propagationWaitSeconds },
      { ...opts, dependsOn: after },
    );
    waits.push(w);
    return [w];
  };
  const groupResource = (id: string) => {
    const mg = args.managementGroups.get(id);
    if (!mg) throw new Error(`Management group '${id}' was not created before its policy baseline.`);
    return mg;
  };

  for (const custom of new Set(planned.flatMap((p) => (p.custom ? [p.custom] : [])))) {
    definitions.set(
      custom.name,
      new authorization.PolicyDefinitionAtManagementGroup(
        `pd-${custom.name}`,
        {
          managementGroupId: definitionGroupId,
          policyDefinitionName: policyDefinitionName(custom.name),
          displayName: custom.displayName,
          description: custom.description,
          policyType: "Custom",
          mode: custom.mode,
          metadata: { category: custom.category, version: custom.version },
          parameters: custom.parameters,
          policyRule: custom.policyRule,
        },
        { ...opts, dependsOn: [groupResource(definitionGroupId)] },
      ),
    );
  }

  // A new group (or definition) is not at once visible to the policy service: its assignments wait once.
  const groupWaits = new Map<string, pulumi.Resource[]>();
  for (const groupId of new Set(planned.map((p) => p.groupId))) {
    const after = [groupResource(groupId), ...(groupId === definitionGroupId ? definitions.values() : [])];
    groupWaits.set(
      groupId,
      wait(`wait-${groupId}`, `management group '${groupId}' and its policy definitions`, after),
    );
  }

  for (const p of planned) {
    const needsIdentity = (p.spec.remediationRoles ?? []).length > 0;
    const dependsOn: pulumi.Resource[] = [groupResource(p.groupId), ...(groupWaits.get(p.groupId) ?? [])];
    const definition = p.custom ? definitions.get(p.custom.name) : undefined;
    if (definition) dependsOn.push(definition);
    const assignment = new authorization.PolicyAssignment(
      `pa-${p.groupId}-${p.name}`,
      {
        scope: p.scope,
        policyAssignmentName: p.name,
        policyDefinitionId: p.policyDefinitionId,
        displayName: p.spec.displayName,
        description: p.spec.description,
        enforcementMode: "Default",
        parameters: p.parameters,
        nonComplianceMessages: [{ message: p.spec.nonComplianceMessage }],
        // DeployIfNotExists/Modify need a managed identity, and Azure requires a location with it.
        ...(needsIdentity
          ? { identity: { type: "SystemAssigned" as const }, location: args.context.primaryRegion }
          : {}),
      },
      { ...opts, dependsOn },
    );
    assignments.set(`${p.groupId}/${p.name}`, assignment);

    const roles: authorization.RoleAssignment[] = [];
    // A just-created identity is not at once known to role assignments (PrincipalNotFound): they wait once.
    const identityWait = needsIdentity
      ? wait(`wait-${p.groupId}-${p.name}`, `identity of policy assignment '${p.name}'`, [assignment])
      : [];
    const principalId = assignment.identity.apply((identity) => identity?.principalId ?? "");
    const grant = (scope: pulumi.Input<string>, role: string, suffix: string, seed: pulumi.Input<string>) =>
      new authorization.RoleAssignment(
        `ra-${p.groupId}-${p.name}-${role.slice(0, 8)}${suffix}`,
        {
          // A GUID from scope + assignment + role: stable across runs, distinct per scope. A write scope's seed
          // also names the assignment's group: the same assignment at two groups grants on the same workspace.
          roleAssignmentName: pulumi.output(seed).apply((s) => deterministicGuid(`${s}|${p.name}|${role}`)),
          scope,
          roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${role}`,
          principalId,
          // Set explicitly: a new identity may not have replicated yet, and ARM then needs the type.
          principalType: "ServicePrincipal",
          description: `Remediation identity of policy assignment '${p.name}'.`,
        },
        { ...opts, dependsOn: [assignment, ...identityWait] },
      );
    const writeScopes = p.spec.writeScopes?.(args.context) ?? [];
    for (const role of p.spec.remediationRoles ?? []) {
      roles.push(grant(p.scope, role, "", p.scope));
      // Resources outside the group the deployments write to or attach (workspace, agent identity, rules).
      writeScopes.forEach((scope, i) =>
        roles.push(grant(scope, role, `-w${i}`, pulumi.interpolate`${p.scope}|${scope}`)),
      );
    }
    roleAssignments.push(...roles);
    if (needsIdentity) {
      // Existing resources are only brought into line by a remediation task; it runs once the identity can
      // write (its roles exist). The scope is the assignment's group, which now governs every subscription.
      // A task of a policy-set assignment names one member, so a set gets one task per member that deploys.
      const members = p.spec.remediationMembers;
      for (const member of members ?? [undefined]) {
        const remediationName = member === undefined ? p.name : `${p.name}-${member}`;
        remediations.push(
          new policyinsights.RemediationAtManagementGroup(
            `rem-${p.groupId}-${remediationName}`,
            {
              managementGroupsNamespace: "Microsoft.Management",
              managementGroupId: p.groupId,
              remediationName: remediationName.toLowerCase(),
              policyAssignmentId: assignment.id,
              ...(member === undefined ? {} : { policyDefinitionReferenceId: member }),
              resourceDiscoveryMode: "ExistingNonCompliant",
            },
            { ...opts, dependsOn: [assignment, ...roles] },
          ),
        );
      }
    }
  }
  return { definitions, assignments, roleAssignments, waits, remediations };
}
