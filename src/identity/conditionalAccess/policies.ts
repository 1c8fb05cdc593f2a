import type { Identity, RolloutState } from "../../config/schema/identity";
import { ROLLOUT_STATES } from "../../config/schema/identity";
import type { Sku } from "../../config/schema/licensing";
import { ADMIN_ROLE_TEMPLATE_IDS, PHISHING_RESISTANT_STRENGTH_ID } from "./adminRoles";
import { entraIdP2Sku } from "./licences";

export type { BaselinePolicyKey } from "../../config/schema/identity";
import type { BaselinePolicyKey } from "../../config/schema/identity";

/**
 * One conditional access policy as the program registers it (azuread.ConditionalAccessPolicy inputs), with named
 * locations still referred to by their tenant.yaml id: the component swaps in the ids Entra assigns.
 */
export interface PolicySpec {
  key: BaselinePolicyKey;
  displayName: string;
  rollout: RolloutState;
  /** The provider's `state`. */
  state: (typeof ROLLOUT_STATES)[RolloutState];
  conditions: {
    users: {
      includedUsers?: string[];
      includedRoles?: string[];
      /**
       * Display names of the departments' admin groups (the phishing-resistant policy), sorted: role targeting
       * covers tenant-wide role assignments only, so an admin whose role is scoped to an administrative unit is
       * reached through the group.
       */
      includedGroupNames?: string[];
      /** The break-glass accounts' object ids: every policy has them. */
      excludedUsers: string[];
      /** Display names of the department exception groups the policy excludes (exceptions.ts), sorted. */
      excludedGroupNames?: string[];
    };
    applications: { includedApplications: string[] };
    clientAppTypes: string[];
    signInRiskLevels?: string[];
    userRiskLevels?: string[];
    /** `includedLocations: ["All"]` and the named locations (tenant.yaml ids) that are excluded. */
    locations?: { includedLocations: string[]; excludedLocationIds: string[] };
  };
  grantControls: {
    operator: "AND" | "OR";
    builtInControls?: string[];
    authenticationStrengthPolicyId?: string;
  };
  sessionControls?: { signInFrequencyInterval: "everyTime" };
}

/** Display names: the organisation's short name first, so the city's policies sort together in the portal. */
export const TITLES: Record<BaselinePolicyKey, string> = {
  requireMfa: "Require MFA for all users",
  blockLegacyAuthentication: "Block legacy authentication",
  phishingResistantAdmins: "Require phishing-resistant MFA for administrators",
  signInRisk: "Require MFA for risky sign-ins",
  userRisk: "Require password change for risky users",
  allowedLocations: "Block sign-in from outside allowed locations",
};

export function policyDisplayName(shortName: string, key: BaselinePolicyKey): string {
  return `${shortName.toUpperCase()} CA: ${TITLES[key]}`;
}

/** The groups the baseline names, by display name (policyGroups.ts derives them from the definition). */
export interface PolicyGroups {
  /** Per policy, the department exception groups it excludes (exceptions.ts). */
  exceptions: ReadonlyMap<BaselinePolicyKey, readonly string[]>;
  /** The departments' admin groups: the phishing-resistant policy includes them. */
  admins: readonly string[];
}

export const NO_POLICY_GROUPS: PolicyGroups = { exceptions: new Map(), admins: [] };

/**
 * The baseline policies tenant.yaml turns on, in a fixed order. Every one excludes the break-glass accounts.
 * The risk policies need Entra ID P2: without a SKU that brings it they are left out (validate reports it).
 */
export function baselinePolicies(
  shortName: string,
  identity: Identity,
  skus: readonly Sku[],
  groups: PolicyGroups = NO_POLICY_GROUPS,
): PolicySpec[] {
  const excludedUsers = identity.breakGlass.map((a) => a.objectId);
  const ca = identity.conditionalAccess;
  const p2 = entraIdP2Sku(skus) !== undefined;
  const allUsers = { includedUsers: ["All"], excludedUsers };
  const allApps = { includedApplications: ["All"] };
  const specs: PolicySpec[] = [];
  const add = (
    key: BaselinePolicyKey,
    rollout: RolloutState,
    rest: Omit<PolicySpec, "key" | "displayName" | "rollout" | "state">,
  ) => {
    // A department's exempt users (only for policies tenant.yaml allows exceptions to; exceptions.ts).
    const exempt = groups.exceptions.get(key) ?? [];
    const users =
      exempt.length > 0
        ? { ...rest.conditions.users, excludedGroupNames: [...exempt] }
        : rest.conditions.users;
    specs.push({
      key,
      displayName: policyDisplayName(shortName, key),
      rollout,
      state: ROLLOUT_STATES[rollout],
      ...rest,
      conditions: { ...rest.conditions, users },
    });
  };

  if (ca.requireMfa) {
    add("requireMfa", ca.requireMfa.state, {
      conditions: { users: allUsers, applications: allApps, clientAppTypes: ["all"] },
      grantControls: { operator: "OR", builtInControls: ["mfa"] },
    });
  }
  if (ca.blockLegacyAuthentication) {
    // Legacy clients cannot do MFA at all, so the MFA policy never reaches them: they are blocked outright.
    add("blockLegacyAuthentication", ca.blockLegacyAuthentication.state, {
      conditions: { users: allUsers, applications: allApps, clientAppTypes: ["exchangeActiveSync", "other"] },
      grantControls: { operator: "OR", builtInControls: ["block"] },
    });
  }
  if (ca.phishingResistantAdmins) {
    // Tenant-wide admins by role; the departments' admins, whose roles are scoped to their administrative unit
    // (or who hold Azure roles only), by their admin group.
    const admins = [...groups.admins].sort();
    add("phishingResistantAdmins", ca.phishingResistantAdmins.state, {
      conditions: {
        users: {
          includedRoles: Object.values(ADMIN_ROLE_TEMPLATE_IDS),
          ...(admins.length > 0 ? { includedGroupNames: admins } : {}),
          excludedUsers,
        },
        applications: allApps,
        clientAppTypes: ["all"],
      },
      grantControls: { operator: "OR", authenticationStrengthPolicyId: PHISHING_RESISTANT_STRENGTH_ID },
    });
  }
  if (ca.signInRisk && p2) {
    add("signInRisk", ca.signInRisk.state, {
      conditions: {
        users: allUsers,
        applications: allApps,
        clientAppTypes: ["all"],
        signInRiskLevels: [...ca.signInRisk.levels],
      },
      grantControls: { operator: "OR", builtInControls: ["mfa"] },
      // Re-authenticate on every risky sign-in rather than reuse a session (*assumed* from Microsoft's template).
      sessionControls: { signInFrequencyInterval: "everyTime" },
    });
  }
  if (ca.userRisk && p2) {
    add("userRisk", ca.userRisk.state, {
      conditions: {
        users: allUsers,
        applications: allApps,
        clientAppTypes: ["all"],
        userRiskLevels: [...ca.userRisk.levels],
      },
      // Both: prove it is the user (MFA), then remediate the risk (secure password change).
      grantControls: { operator: "AND", builtInControls: ["mfa", "passwordChange"] },
      sessionControls: { signInFrequencyInterval: "everyTime" },
    });
  }
  if (ca.allowedLocations) {
    add("allowedLocations", ca.allowedLocations.state, {
      conditions: {
        users: allUsers,
        applications: allApps,
        clientAppTypes: ["all"],
        locations: { includedLocations: ["All"], excludedLocationIds: [...ca.allowedLocations.locations] },
      },
      grantControls: { operator: "OR", builtInControls: ["block"] },
    });
  }
  return specs;
}
