/**
 * The teamsVoice layer, from the definition:
 * - tenant-wide: the PSTN usages the definition owns, voice routes, the four policy kinds, dial plans, the
 *   emergency addresses (with their locations) and the tenant-wide grant of the emergency call routing policy
 *   (Teams cannot grant that type to groups);
 * - per department with `teams:` settings: one GroupPolicyAssignments on the department group (the identity
 *   layer's group, in-process or through the platform stack), depending on the policies it grants;
 * - per department with numbers: one NumberAssignments (src/teams/numbers), fed the emergency addresses'
 *   `locationIds` and created after the group assignments.
 * Every Teams resource is registered with explicit dependencies so `pulumi up` creates usages before routes
 * and policies, policies before grants, and deletes in the reverse order.
 */
import * as pulumi from "@pulumi/pulumi";
import type { TenantDefinition } from "../config/definition";
import type { Department } from "../config/schema/department";
import type { LayerExports } from "../layers";
import { slugify } from "../naming";
import type { EmergencyCallRoutingPolicyInputs, GroupPolicyAssignmentsInputs } from "../resourceTypes";
import { EmergencyAddress } from "./addresses";
import { GlobalPolicyGrant, GroupPolicyAssignments } from "./assignments";
import {
  CallingPolicy,
  DialPlan,
  EmergencyCallingPolicy,
  EmergencyCallRoutingPolicy,
  PstnUsages,
  VoiceRoute,
  VoiceRoutingPolicy,
} from "./policies";
import { teamsNumbersFor } from "./layerNumbers";
import { teamsPhoneServicesFor, type PhoneServicesResources } from "./layerPhoneServices";
import { phoneSchedulesOf, phoneServicesOf } from "./phoneServices/fromDefinition";
import { teamsVoiceInputs } from "./layerInputs";
import { emergencyCallRoutingPolicySettings } from "./policies/specs/emergencyCallRoutingPolicy";

export interface TeamsVoiceLayer {
  pstnUsages?: PstnUsages;
  voiceRoutes: Record<string, VoiceRoute>;
  callingPolicies: Record<string, CallingPolicy>;
  emergencyCallingPolicies: Record<string, EmergencyCallingPolicy>;
  emergencyCallRoutingPolicies: Record<string, EmergencyCallRoutingPolicy>;
  voiceRoutingPolicies: Record<string, VoiceRoutingPolicy>;
  dialPlans: Record<string, DialPlan>;
  emergencyAddresses: Record<string, EmergencyAddress>;
  globalEmergencyCallRoutingGrant?: GlobalPolicyGrant;
  /** Keyed by department id. */
  groupAssignments: Record<string, GroupPolicyAssignments>;
  /** Keyed by department id; the NumberAssignments resources. */
  numbers: Record<string, pulumi.Resource>;
  /** The tenant's holiday calendars and schedules, and each department's phone services (issue #15). */
  phoneServices: PhoneServicesResources;
}

/** Resource names: `tv-<org>-<kind>-<name>`, stable across runs (renaming one replaces the resource). */
export function teamsResourceName(shortName: string, kind: string, name: string): string {
  return `tv-${slugify(shortName)}-${kind}-${slugify(name)}`;
}

export interface TeamsVoiceLayerOptions {
  /**
   * The department groups' licence resources when this stack deploys the m365 layer too (keyed by department
   * id): a number can only be assigned once its user holds Teams Phone, so numbers wait for them.
   */
  licences?: Record<string, pulumi.Resource>;
}

/** Departments with Teams grants grouped by rank, lowest (winning) rank first; ties keep definition order. */
export function rankLevels(departments: readonly Department[]): Department[][] {
  const withGrants = departments.filter((d) => departmentGrants(d).length > 0);
  const ranks = [...new Set(withGrants.map((d) => d.teams?.rank ?? 10))].sort((a, b) => a - b);
  return ranks.map((r) => withGrants.filter((d) => (d.teams?.rank ?? 10) === r));
}

export function buildTeamsVoiceLayer(
  definition: TenantDefinition,
  identity: LayerExports["identity"],
  opts?: pulumi.CustomResourceOptions,
  layerOptions: TeamsVoiceLayerOptions = {},
): TeamsVoiceLayer {
  const org = definition.tenant.organization.shortName;
  const inputs = teamsVoiceInputs(definition.tenant);
  const name = (kind: string, n: string) => teamsResourceName(org, kind, n);
  const after = (...deps: (pulumi.Resource | undefined)[]): pulumi.CustomResourceOptions => ({
    ...opts,
    dependsOn: deps.filter((d): d is pulumi.Resource => d !== undefined),
  });

  const pstnUsages =
    inputs.pstnUsages.usages.length > 0
      ? new PstnUsages(name("pstn", "usages"), inputs.pstnUsages, opts)
      : undefined;
  const each = <I extends { name: string }, R>(list: I[], make: (i: I) => R) =>
    Object.fromEntries(list.map((i) => [i.name, make(i)])) as Record<string, R>;

  const voiceRoutes = each(
    inputs.voiceRoutes,
    (r) => new VoiceRoute(name("route", r.name), r, after(pstnUsages)),
  );
  const callingPolicies = each(
    inputs.callingPolicies,
    (p) => new CallingPolicy(name("calling", p.name), p, opts),
  );
  const emergencyCallingPolicies = each(
    inputs.emergencyCallingPolicies,
    (p) => new EmergencyCallingPolicy(name("emergency-calling", p.name), p, opts),
  );
  const emergencyCallRoutingPolicies = each(
    inputs.emergencyCallRoutingPolicies,
    (p) => new EmergencyCallRoutingPolicy(name("emergency-routing", p.name), p, after(pstnUsages)),
  );
  const voiceRoutingPolicies = each(
    inputs.voiceRoutingPolicies,
    (p) => new VoiceRoutingPolicy(name("voice-routing", p.name), p, after(pstnUsages)),
  );
  const dialPlans = each(inputs.dialPlans, (p) => new DialPlan(name("dialplan", p.name), p, opts));
  const emergencyAddresses = Object.fromEntries(
    inputs.emergencyAddresses.map((a) => [a.key, new EmergencyAddress(name("address", a.key), a, opts)]),
  );

  const globalName = definition.tenant.teamsVoice.globalEmergencyCallRoutingPolicy;
  const globalEmergencyCallRoutingGrant = globalName
    ? new GlobalPolicyGrant(
        name("global", "emergency-call-routing"),
        {
          policyType: "TeamsEmergencyCallRoutingPolicy",
          policyName: globalName,
          settings: globalGrantSettings(inputs.emergencyCallRoutingPolicies, globalName),
        },
        after(emergencyCallRoutingPolicies[globalName]),
      )
    : undefined;

  const groupAssignments: Record<string, GroupPolicyAssignments> = {};
  // Teams keeps group ranks as POSITIONS per policy type and inserts at the rank it is given, so grants created
  // in parallel land in arbitrary order. Each rank level waits for the levels before it (departments of one
  // rank stay parallel: their order among themselves does not matter).
  const levels = rankLevels(definition.departments);
  for (const department of levels.flat()) {
    const grants = departmentGrants(department);
    if (grants.length === 0) continue;
    const group = identity.departments[department.id];
    if (!group) {
      throw new Error(
        `The identity layer exports no department '${department.id}' — deploy the identity layer with this definition first.`,
      );
    }
    const policies = grants.map((g) => {
      const byType: Record<string, Record<string, pulumi.Resource>> = {
        TeamsCallingPolicy: callingPolicies,
        TeamsEmergencyCallingPolicy: emergencyCallingPolicies,
        OnlineVoiceRoutingPolicy: voiceRoutingPolicies,
        TenantDialPlan: dialPlans,
      };
      return byType[g.policyType]?.[g.policyName];
    });
    const level = levels.findIndex((l) => l.includes(department));
    const earlier = level > 0 ? levels[level - 1].map((d) => groupAssignments[d.id]) : [];
    groupAssignments[department.id] = new GroupPolicyAssignments(
      teamsResourceName(org, "grants", department.id),
      {
        department: department.id,
        groupId: group.groupId,
        assignments: placedGrants(definition.departments, department),
      },
      after(...policies, ...earlier),
    );
  }

  const numbers = teamsNumbersFor(definition, {
    org,
    locationIds: pulumi
      .all(Object.values(emergencyAddresses).map((a) => a.locationIds))
      .apply((maps) => Object.assign({}, ...maps) as Record<string, string>),
    groupAssignments,
    addresses: Object.values(emergencyAddresses),
    licences: layerOptions.licences ?? {},
    opts,
  });

  const phoneServices = teamsPhoneServicesFor({
    org,
    schedules: phoneSchedulesOf(definition),
    departments: phoneServicesOf(definition, (id) => {
      const group = identity.departments[id];
      if (!group) {
        throw new Error(
          `The identity layer exports no department '${id}' — deploy the identity layer with this definition first.`,
        );
      }
      // An output in the program; the resource's inputs resolve it before the provider sees them.
      return group.groupId as unknown as string;
    }),
    numbers,
    opts,
  });

  return {
    pstnUsages,
    voiceRoutes,
    callingPolicies,
    emergencyCallingPolicies,
    emergencyCallRoutingPolicies,
    voiceRoutingPolicies,
    dialPlans,
    emergencyAddresses,
    globalEmergencyCallRoutingGrant,
    groupAssignments,
    numbers,
    phoneServices,
  };
}

/** The department's `teams:` settings as group grants, at the department's rank. */
/**
 * A department's grants with the rank Teams needs. Teams ranks are POSITIONS 1..n per policy type (a grant
 * inserted at r pushes the others down; a rank beyond the end appends), while a definition ranks departments
 * on any scale (5, 10, 20). Each grant is therefore placed right after every department the definition ranks
 * strictly before it: 1 + their count for that policy type. Together with creating rank levels in order
 * (`rankLevels`) the live order follows the definition; departments of equal rank share a place and their
 * order among themselves does not matter. Adding or removing a department re-places only those ranked after it.
 */
export function placedGrants(
  departments: readonly Department[],
  department: Department,
): GroupPolicyAssignmentsInputs["assignments"] {
  const rankOf = (d: Department) => d.teams?.rank ?? 10;
  return departmentGrants(department).map((g) => ({
    ...g,
    rank:
      1 +
      departments.filter(
        (d) =>
          d.id !== department.id &&
          rankOf(d) < rankOf(department) &&
          departmentGrants(d).some((o) => o.policyType === g.policyType),
      ).length,
  }));
}

/** A department's grants (type, policy name and the definition's rank), one per policy type it sets. */
export function departmentGrants(department: Department): GroupPolicyAssignmentsInputs["assignments"] {
  const t = department.teams;
  if (!t) return [];
  const grants: [string, string | undefined][] = [
    ["TeamsCallingPolicy", t.callingPolicy],
    ["TeamsEmergencyCallingPolicy", t.emergencyCallingPolicy],
    ["OnlineVoiceRoutingPolicy", t.voiceRoutingPolicy],
    ["TenantDialPlan", t.dialPlan],
  ];
  return grants
    .filter((g): g is [string, string] => g[1] !== undefined)
    .map(([policyType, policyName]) => ({ policyType, policyName, rank: t.rank }))
    .sort((a, b) => a.policyType.localeCompare(b.policyType));
}

/** The settings -Global copies into the Global instance: the named policy's, as its resource sends them. */
export function globalGrantSettings(
  policies: readonly EmergencyCallRoutingPolicyInputs[],
  name: string,
): Record<string, unknown> | undefined {
  const policy = policies.find((p) => p.name.toLowerCase() === name.toLowerCase());
  return policy ? emergencyCallRoutingPolicySettings(policy) : undefined;
}
