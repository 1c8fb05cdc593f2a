import type { Department } from "./config/schema/department";

/**
 * Tag rules as pure functions. Policy (required tags on resource groups) and the resources that must
 * satisfy it read the same constants, so they cannot drift apart.
 */

export type Tags = Record<string, string>;

export const TAG_KEYS = {
  department: "department",
  costCenter: "costCenter",
  managedBy: "managedBy",
  environment: "environment",
  workload: "workload",
} as const;

/** Written to `managedBy` so anyone in the portal knows not to edit the resource by hand. */
export const MANAGED_BY = "tenant-provisioning";

/**
 * The `department`/`costCenter` values of platform resources. The root policy requires both tags on every
 * resource group, platform ones included, and the definition has no platform cost centre of its own.
 */
export const PLATFORM_DEPARTMENT = "platform";
export const PLATFORM_COST_CENTER = "platform";

/** Tags that the root management group's policy requires on every resource group. */
export const REQUIRED_RESOURCE_GROUP_TAGS: readonly string[] = [TAG_KEYS.department, TAG_KEYS.costCenter];

/** Azure's limits: names up to 512 characters without `<>%&\?/`, values up to 256, at most 50 tags. */
const MAX_TAGS = 50;
const MAX_KEY = 512;
const MAX_VALUE = 256;
const FORBIDDEN_KEY_CHARS = /[<>%&\\?/]/;

/** Tags every resource carries: who manages it and which stack (environment) it belongs to. */
export function baseTags(environment: string): Tags {
  return { [TAG_KEYS.managedBy]: MANAGED_BY, [TAG_KEYS.environment]: environment };
}

/** Tags of a platform resource (`workload` = management, connectivity, …). */
export function platformTags(environment: string, workload: string): Tags {
  return checkTags({
    ...baseTags(environment),
    [TAG_KEYS.department]: PLATFORM_DEPARTMENT,
    [TAG_KEYS.costCenter]: PLATFORM_COST_CENTER,
    [TAG_KEYS.workload]: workload,
  });
}

/** Tags of a department's resources: its id and cost centre drive chargeback. */
export function departmentTags(environment: string, department: Pick<Department, "id" | "costCenter">): Tags {
  return checkTags({
    ...baseTags(environment),
    [TAG_KEYS.department]: department.id,
    [TAG_KEYS.costCenter]: department.costCenter,
  });
}

/** Later maps win; `managedBy` and `environment` cannot be overridden so ownership stays visible. */
export function mergeTags(base: Tags, ...more: Tags[]): Tags {
  const merged: Tags = Object.assign({}, base, ...more);
  merged[TAG_KEYS.managedBy] = base[TAG_KEYS.managedBy] ?? merged[TAG_KEYS.managedBy];
  merged[TAG_KEYS.environment] = base[TAG_KEYS.environment] ?? merged[TAG_KEYS.environment];
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return checkTags(merged);
}

/** Problems Azure would refuse a tag map for; empty when it is fine. */
export function tagProblems(tags: Tags): string[] {
  const problems: string[] = [];
  const keys = Object.keys(tags);
  if (keys.length > MAX_TAGS) problems.push(`${keys.length} tags exceed Azure's limit of ${MAX_TAGS}`);
  for (const key of keys) {
    if (key.length === 0 || key.length > MAX_KEY)
      problems.push(`tag name '${key}' must be 1 to ${MAX_KEY} characters`);
    if (FORBIDDEN_KEY_CHARS.test(key)) problems.push(`tag name '${key}' must not contain < > % & \\ ? /`);
    if (tags[key].length > MAX_VALUE)
      problems.push(`tag '${key}' has a value longer than ${MAX_VALUE} characters`);
  }
  return problems;
}

/** Returns `tags` or throws with every problem, so a bad tag fails before anything is sent to Azure. */
export function checkTags(tags: Tags): Tags {
  const problems = tagProblems(tags);
  if (problems.length > 0) throw new Error(`Invalid tags: ${problems.join("; ")}`);
  return tags;
}
