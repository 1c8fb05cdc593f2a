/**
 * Lookups over a LiveTenant built once per comparison: users by id and UPN, groups by display name, who holds
 * each number (inventory first, `userConfigurations` where the inventory does not say), and the emergency
 * locations translated back to the definition's location ids (address `[key]`, then location name — the same
 * match the EmergencyAddress provider adopts by).
 */
import type { TenantDefinition } from "../config/definition";
import type {
  LiveCivicAddress,
  LiveGroup,
  LiveNumber,
  LiveTenant,
  LiveUser,
  LiveUserConfiguration,
} from "../live/snapshot";

export interface LiveIndex {
  live: LiveTenant;
  userById: Map<string, LiveUser>;
  userByUpn: Map<string, LiveUser>;
  groupByName: Map<string, LiveGroup>;
  groupById: Map<string, LiveGroup>;
  numberByTel: Map<string, LiveNumber>;
  /** E.164 → Entra object id of the user holding it (lower case). */
  holderOf: Map<string, string>;
  /** The held numbers, sorted (equal-length E.164 strings sort like the numbers). */
  heldNumbers: string[];
  configById: Map<string, LiveUserConfiguration>;
  /** Group id (lower case) → ids (lower case) of users the tenant says receive a policy through it. */
  usersReachedThrough: Map<string, Set<string>>;
  addressByKey: Map<string, LiveCivicAddress>;
  /** Definition location id → LIS LocationId, for locations that exist live. */
  liveLocationOf: Map<string, string>;
  /** LIS LocationId → definition location id. */
  definitionLocationOf: Map<string, string>;
}

const lower = (s: string) => s.toLowerCase();

export function indexLive(definition: TenantDefinition, live: LiveTenant): LiveIndex {
  const userById = new Map(live.users.map((u) => [lower(u.id), u]));
  const userByUpn = new Map(live.users.map((u) => [lower(u.userPrincipalName), u]));
  const groupByName = new Map<string, LiveGroup>();
  for (const g of live.groups)
    if (!groupByName.has(lower(g.displayName))) groupByName.set(lower(g.displayName), g);
  const groupById = new Map(live.groups.map((g) => [lower(g.id), g]));
  const numberByTel = new Map(live.numbers.map((n) => [n.telephoneNumber, n]));
  const configById = new Map(live.userConfigurations.map((c) => [lower(c.id), c]));

  const usersReachedThrough = new Map<string, Set<string>>();
  for (const c of live.userConfigurations) {
    for (const e of c.effectivePolicyAssignments) {
      if (!e.groupId) continue;
      const key = lower(e.groupId);
      const set = usersReachedThrough.get(key) ?? new Set<string>();
      set.add(lower(c.id));
      usersReachedThrough.set(key, set);
    }
  }

  const holderOf = new Map<string, string>();
  for (const c of live.userConfigurations) {
    for (const t of c.telephoneNumbers) holderOf.set(t.telephoneNumber, lower(c.id));
  }
  // The inventory is the authority where it has the number; userConfigurations fill in what it lacks.
  for (const n of live.numbers) {
    if (n.assignmentTargetId) holderOf.set(n.telephoneNumber, lower(n.assignmentTargetId));
    else holderOf.delete(n.telephoneNumber);
  }

  // Plain comparison, not localeCompare: this runs once per department over every held number.
  const heldNumbers = [...holderOf.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const addressByKey = new Map<string, LiveCivicAddress>();
  for (const a of live.teams.civicAddresses) if (a.key) addressByKey.set(a.key, a);
  const liveLocationOf = new Map<string, string>();
  const definitionLocationOf = new Map<string, string>();
  for (const address of definition.tenant.emergencyAddresses) {
    const la = addressByKey.get(address.id);
    if (!la) continue;
    const claimed = new Set<string>();
    for (const loc of address.locations) {
      const found = la.locations.find(
        (l) => l.locationId !== la.defaultLocationId && l.location === loc.name && !claimed.has(l.locationId),
      );
      if (!found) continue;
      claimed.add(found.locationId);
      liveLocationOf.set(loc.id, found.locationId);
      definitionLocationOf.set(found.locationId, loc.id);
    }
  }
  return {
    live,
    userById,
    userByUpn,
    groupByName,
    groupById,
    numberByTel,
    holderOf,
    heldNumbers,
    configById,
    usersReachedThrough,
    addressByKey,
    liveLocationOf,
    definitionLocationOf,
  };
}

/** A user id as a reviewer reads it: the UPN when the tenant knows the user. */
export function upnOf(index: LiveIndex, userId: string): string {
  return index.userById.get(lower(userId))?.userPrincipalName ?? `user ${userId}`;
}
