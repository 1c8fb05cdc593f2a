import type { FieldPath } from "../diagnostics";
import type { LoadedYaml } from "../load";
import type { Department } from "../schema/department";
import type { Archetype, ManagementGroup } from "../schema/landingZone";
import type { Tenant } from "../schema/tenant";
import {
  departmentArchetype,
  departmentSubscriptionChoice,
  PLATFORM_ROLES,
  REQUIRED_PLATFORM_ROLES,
  type PlatformRole,
} from "../../departments/subscriptions";
import type { Rule, RuleContext } from "./context";
import { place, suggestion } from "./wording";

/**
 * Nothing the program creates may land in a subscription the hierarchy does not govern: the platform's
 * workspace and hub in their platform subscriptions, every department in a subscription (own, vended or
 * shared) under its landing zone, and no subscription claimed by two management groups.
 */
const msg = {
  platformMissing: (role: string) =>
    `landingZone.platformSubscriptions.${role} is not set — the ${role === "management" ? "Log Analytics workspace" : "hub network"} would land in whatever subscription the credentials point at, outside the hierarchy; add the ${role} subscription id`,
  platformGroup: (role: string) =>
    `the ${role} subscription needs a management group with archetype '${role}' or 'platform' — add one of them to a group under the root`,
  several: (fields: string[]) =>
    `the department names its subscription ${fields.length} ways (${fields.join(", ")}) — keep exactly one`,
  unknownShared: (name: string, known: string[]) =>
    `shared subscription '${name}' is not in landingZone.departmentSubscriptions.shared — ${suggestion(name, known)}`,
  wrongArchetype: (name: string, shared: string, own: string) =>
    `shared subscription '${name}' sits in the '${shared}' landing zone, but this department belongs in '${own}' — pick a shared subscription of archetype '${own}' or give the department its own`,
  nowhere: (department: string, archetype: string) =>
    `department '${department}' has no subscription — set network.subscriptionId, network.vendSubscription or network.sharedSubscription, or add a shared subscription of archetype '${archetype}' to landingZone.departmentSubscriptions.shared`,
  noBillingScope: () =>
    `a vended subscription needs landingZone.departmentSubscriptions.billingScope in tenant.yaml — add the enrollment account or invoice section to bill it to`,
  publicCorp: () =>
    `publicAccess: true puts the department in 'online', but archetype says 'corp' — remove one of the two`,
  twoGroups: (id: string, group: string, other: string, where: string) =>
    `subscription ${id} would sit under '${group}' here and under '${other}' at ${where} — a subscription has one management group; use a different subscription`,
};

export const subscriptionsRule: Rule = {
  info: {
    id: "subscriptions",
    summary:
      "Every resource lands in a subscription under a management group of the hierarchy: the platform's in `platformSubscriptions`, each department's in its own, vended or shared subscription under its landing zone.",
    errors: [
      {
        when: "a platform subscription the program deploys into is missing",
        example: msg.platformMissing("connectivity"),
      },
      { when: "no group can hold a platform subscription", example: msg.platformGroup("management") },
      {
        when: "a department names its subscription in more than one way",
        example: msg.several(["subscriptionId", "vendSubscription"]),
      },
      {
        when: "a department names an unknown shared subscription",
        example: msg.unknownShared("corp-shard", ["corp-shared"]),
      },
      {
        when: "a shared subscription of another landing zone",
        example: msg.wrongArchetype("online-shared", "online", "corp"),
      },
      { when: "a department has no subscription at all", example: msg.nowhere("turismo", "online") },
      { when: "a vended subscription without a billing scope", example: msg.noBillingScope() },
      { when: "`publicAccess: true` with archetype `corp`", example: msg.publicCorp() },
      {
        when: "one subscription is claimed by two management groups",
        example: msg.twoGroups(
          "1c7f2d3b-4e5a-4b6c-9d7e-8f90a1b2c3d4",
          "cde-corp",
          "cde-connectivity",
          "stacks/example/tenant.yaml:70",
        ),
      },
    ],
  },
  check: checkSubscriptions,
};

/** The one group carrying `archetype`, or undefined (the archetype rules report missing or doubled groups). */
function uniqueGroup(groups: readonly ManagementGroup[], archetype: Archetype): string | undefined {
  const found = groups.filter((g) => g.archetypes.includes(archetype));
  return found.length === 1 ? found[0].id : undefined;
}

function checkSubscriptions(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  if (!tenant) return;
  const lz = tenant.value.landingZone;
  const groups = lz.managementGroups;
  /** subscription id → the group it sits under and where that was said first. */
  const claims = new Map<string, { group: string; where: string }>();
  const claim = (id: string, group: string | undefined, source: LoadedYaml<unknown>, path: FieldPath) => {
    if (group === undefined) return;
    const key = id.toLowerCase();
    const first = claims.get(key);
    if (!first) claims.set(key, { group, where: place(source, path) });
    else if (first.group !== group) ctx.at(source, path, msg.twoGroups(key, group, first.group, first.where));
  };

  for (const role of PLATFORM_ROLES) {
    const id = lz.platformSubscriptions[role];
    const path = ["landingZone", "platformSubscriptions", role];
    if (!id) {
      if (REQUIRED_PLATFORM_ROLES.includes(role)) {
        ctx.at(tenant, ["landingZone", "platformSubscriptions"], msg.platformMissing(role));
      }
      continue;
    }
    const group = platformGroupId(groups, role);
    if (group === undefined) ctx.at(tenant, path, msg.platformGroup(role));
    claim(id, group, tenant, path);
  }
  const shared = lz.departmentSubscriptions.shared;
  for (const name of Object.keys(shared).sort()) {
    claim(shared[name].subscriptionId, uniqueGroup(groups, shared[name].archetype), tenant, [
      "landingZone",
      "departmentSubscriptions",
      "shared",
      name,
      "subscriptionId",
    ]);
  }

  for (const dep of ctx.loaded.departments) {
    checkDepartment(ctx, tenant.value, dep, groups, claim);
  }
}

function platformGroupId(groups: readonly ManagementGroup[], role: PlatformRole): string | undefined {
  return uniqueGroup(groups, role) ?? uniqueGroup(groups, "platform");
}

function checkDepartment(
  ctx: RuleContext,
  tenant: Tenant,
  dep: LoadedYaml<Department>,
  groups: readonly ManagementGroup[],
  claim: (id: string, group: string | undefined, source: LoadedYaml<unknown>, path: FieldPath) => void,
): void {
  const { network } = dep.value;
  const archetype = departmentArchetype(dep.value);
  if (network.publicAccess && network.archetype === "corp") {
    ctx.at(dep, ["network", "archetype"], msg.publicCorp());
  }
  const named = [
    network.subscriptionId !== undefined ? "subscriptionId" : undefined,
    network.sharedSubscription !== undefined ? "sharedSubscription" : undefined,
    network.vendSubscription ? "vendSubscription" : undefined,
  ].filter((f): f is string => f !== undefined);
  if (named.length > 1) {
    ctx.at(dep, ["network", named[1]], msg.several(named));
    return;
  }
  const subscriptions = tenant.landingZone.departmentSubscriptions;
  if (network.sharedSubscription !== undefined) {
    const entry = subscriptions.shared[network.sharedSubscription];
    if (!entry) {
      ctx.at(
        dep,
        ["network", "sharedSubscription"],
        msg.unknownShared(network.sharedSubscription, Object.keys(subscriptions.shared)),
      );
      return;
    }
    if (entry.archetype !== archetype) {
      ctx.at(
        dep,
        ["network", "sharedSubscription"],
        msg.wrongArchetype(network.sharedSubscription, entry.archetype, archetype),
      );
      return;
    }
  }
  if (network.vendSubscription && subscriptions.billingScope === undefined) {
    ctx.at(dep, ["network", "vendSubscription"], msg.noBillingScope());
  }
  const choice = departmentSubscriptionChoice(subscriptions, dep.value);
  if (!choice) {
    ctx.at(dep, ["network"], msg.nowhere(dep.value.id, archetype));
    return;
  }
  if (choice.source === "existing") {
    claim(choice.subscriptionId, uniqueGroup(groups, archetype), dep, ["network", "subscriptionId"]);
  }
}
