import type { Department } from "./schema/department";
import type { NumberAssignment } from "./schema/numbers";
import type { Tenant } from "./schema/tenant";

/** A valid tenant definition: the typed model every other part of the toolkit builds from. */
export interface TenantDefinition {
  tenant: Tenant;
  /** Sorted by id. */
  departments: Department[];
  /** Number assignments per department id (departments without a numbers file have none). */
  numbers: Record<string, NumberAssignment[]>;
}
