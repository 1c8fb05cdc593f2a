import { createHash } from "node:crypto";

/**
 * Cloud Adoption Framework names (https://learn.microsoft.com/azure/cloud-adoption-framework/ready/azure-best-practices/resource-abbreviations)
 * as pure functions. Every Azure name the toolkit sets goes through here, so a rename is one edit and
 * the length/character limits of each resource type are enforced in one place.
 *
 * Limits are Azure's "Naming rules and restrictions for Azure resources" page. A name over its limit is
 * cut and suffixed with a short hash of the full name, so it stays unique and the same on every run.
 */

/** Azure limits, per resource type, that the functions below respect. */
export const NAME_LIMITS = {
  resourceGroup: 90,
  virtualNetwork: 64,
  subnet: 80,
  virtualNetworkPeering: 80,
  logAnalyticsWorkspace: 63,
  budget: 63,
  diagnosticSetting: 260,
  /** Policy assignments at management-group scope (24 at MG scope, 64 elsewhere). */
  policyAssignmentAtManagementGroup: 24,
  policyDefinition: 64,
  entraGroupDisplayName: 256,
} as const;

const HASH_LENGTH = 4;

/** First `length` hex characters of the SHA-256 of `input`: a stable, short disambiguator. */
export function shortHash(input: string, length = HASH_LENGTH): string {
  return createHash("sha256").update(input).digest("hex").slice(0, length);
}

/**
 * `name` if it fits in `max`, otherwise its first characters, '-' and a hash of the whole name.
 * Trailing separators are trimmed before the hash so the cut never produces `--`.
 */
export function fitName(name: string, max: number): string {
  if (name.length <= max) return name;
  const hash = shortHash(name);
  const head = name.slice(0, max - hash.length - 1).replace(/[-_.]+$/, "");
  return `${head}-${hash}`;
}

/** Lower-cases and replaces anything but letters, digits and '-' with '-' (ids from the definition are slugs already). */
export function slugify(part: string): string {
  return part
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

function join(...parts: string[]): string {
  return parts
    .map(slugify)
    .filter((p) => p.length > 0)
    .join("-");
}

/** `rg-<short>-<dept>`: a department's resource group. */
export function resourceGroupName(shortName: string, departmentId: string): string {
  return fitName(join("rg", shortName, departmentId), NAME_LIMITS.resourceGroup);
}

/** `rg-<short>-<purpose>-<region>`: a platform resource group (`mgmt`, `hub`). */
export function platformResourceGroupName(shortName: string, purpose: string, region: string): string {
  return fitName(join("rg", shortName, purpose, region), NAME_LIMITS.resourceGroup);
}

/** `vnet-<short>-hub-<region>`: the connectivity hub. */
export function hubVirtualNetworkName(shortName: string, region: string): string {
  return fitName(join("vnet", shortName, "hub", region), NAME_LIMITS.virtualNetwork);
}

/** `vnet-<short>-<dept>-<region>`: a department's spoke. */
export function spokeVirtualNetworkName(shortName: string, departmentId: string, region: string): string {
  return fitName(join("vnet", shortName, departmentId, region), NAME_LIMITS.virtualNetwork);
}

/** `peer-<short>-<from>-to-<to>`: one direction of a hub/spoke peering (one per VNet, so both ends are named). */
export function peeringName(shortName: string, from: string, to: string): string {
  return fitName(join("peer", shortName, from, "to", to), NAME_LIMITS.virtualNetworkPeering);
}

/** `log-<short>-<region>`: the central Log Analytics workspace. */
export function logAnalyticsWorkspaceName(shortName: string, region: string): string {
  return fitName(join("log", shortName, region), NAME_LIMITS.logAnalyticsWorkspace);
}

/** `diag-<short>-<what>`: a diagnostic setting. */
export function diagnosticSettingName(shortName: string, what: string): string {
  return fitName(join("diag", shortName, what), NAME_LIMITS.diagnosticSetting);
}

/** `budget-<short>-<dept>`: a department's consumption budget. */
export function budgetName(shortName: string, departmentId: string): string {
  return fitName(join("budget", shortName, departmentId), NAME_LIMITS.budget);
}

/** `grp-<short>-<dept>`: a department's dynamic Entra security group. */
export function departmentGroupName(shortName: string, departmentId: string): string {
  return fitName(join("grp", shortName, departmentId), NAME_LIMITS.entraGroupDisplayName);
}

/** `grp-<short>-<dept>-admins`: a department's admin group. */
export function departmentAdminGroupName(shortName: string, departmentId: string): string {
  return fitName(join("grp", shortName, departmentId, "admins"), NAME_LIMITS.entraGroupDisplayName);
}

/** `grp-<short>-<dept>-exc-<policy>`: the department's users exempt from one conditional access policy. */
export function exceptionGroupName(shortName: string, departmentId: string, policy: string): string {
  return fitName(
    join("grp", shortName, departmentId, "exc", policy.toLowerCase()),
    NAME_LIMITS.entraGroupDisplayName,
  );
}

/** `au-<short>-<dept>`: a department's administrative unit (its admins' scope in Entra ID). */
export function departmentAdministrativeUnitName(shortName: string, departmentId: string): string {
  return fitName(join("au", shortName, departmentId), NAME_LIMITS.entraGroupDisplayName);
}

/**
 * A policy assignment name at management-group scope: at most 24 characters (Azure rejects longer ones
 * there). Keys are ALZ-style (`Deny-Public-IP`); case is kept because the portal shows it.
 */
export function policyAssignmentName(key: string): string {
  const cleaned = key.replace(/[^A-Za-z0-9_-]+/g, "-");
  return fitName(cleaned, NAME_LIMITS.policyAssignmentAtManagementGroup);
}

/** A custom policy definition name: ALZ style (`Deny-RG-Tag-Values`), at most 64 characters. */
export function policyDefinitionName(key: string): string {
  return fitName(key.replace(/[^A-Za-z0-9_-]+/g, "-"), NAME_LIMITS.policyDefinition);
}

/**
 * A GUID derived from `seed` (UUID v5 layout over SHA-1). Role assignment names must be GUIDs and must
 * not change between runs, or every `pulumi up` would replace them.
 */
export function deterministicGuid(seed: string): string {
  const hex = createHash("sha1").update(`tenant-provisioning:${seed}`).digest("hex").slice(0, 32).split("");
  hex[12] = "5";
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
