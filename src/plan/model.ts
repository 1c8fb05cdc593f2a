import type { ApplyForecast } from "../forecast/types";
import type { PhoneServiceLine } from "./phoneServices";
import type { LayerName } from "../layers";

/**
 * The model of a `tenant plan --base` report: what changed between two rendered graphs, in resource terms
 * (ResourceChange) and in reviewer terms (DepartmentSummary), with the risks and policy results a CI gate
 * reads. Everything here is plain data with secrets already masked, so any formatter can print it.
 */

export type ChangeOp = "create" | "update" | "replace" | "delete";

/** Where a resource belongs in the plan: a layer, or `other` for what no layer claims (providers, reads). */
export type PlanLayer = LayerName | "other";

export interface PropertyChange {
  /** `tags.costCenter`, `addressSpace.addressPrefixes`, `assignments[+34915534110].userPrincipalName`. */
  path: string;
  /** Printable (secrets masked); absent when the property is added. */
  old?: unknown;
  /** Printable (secrets masked); absent when the property is removed. */
  new?: unknown;
  /** True when old or new was a secret: formatters print `[secret]` and never the value. */
  secret?: boolean;
  /** True when a change of this property is known (or believed) to force a replacement. */
  replaces?: boolean;
}

export interface ResourceChange {
  op: ChangeOp;
  urn: string;
  type: string;
  name: string;
  /** Department id that owns the resource; absent for tenant-wide resources. */
  department?: string;
  layer: PlanLayer;
  /** For update/replace: every changed input path. Empty for create and delete. */
  properties: PropertyChange[];
  /** For replace: why it is likely (properties, or the provider/subscription changing). */
  replaceReasons: string[];
  /** For create: the new inputs; for delete: the old ones (printable). Only the JSON output carries them. */
  inputs?: Record<string, unknown>;
  /** The resource is `protect`ed at the base (for delete and replace: `pulumi up` refuses until released). */
  protected?: boolean;
  /** For update/replace: unchanged head inputs a risk rule reads (changeContext.ts), e.g. a policy's state. */
  context?: Record<string, unknown>;
}

export interface SkuDelta {
  sku: string;
  /** Seats the department demands of this SKU before and after (its headcount when it holds the SKU). */
  before: number;
  after: number;
  /** Service plans newly disabled / re-enabled for the department in this SKU. */
  plansDisabled: string[];
  plansEnabled: string[];
}

export interface NumberEntry {
  number: string;
  user: string;
  department: string;
  emergencyLocation: string;
  category: string;
  numberType: string;
}

/**
 * A change to phone numbers, per entry of NumberAssignments:
 * - `added` / `removed`: a number assigned or released;
 * - `renumbered`: a user whose number changed (from → to), possibly across departments;
 * - `reassigned`: a number whose user changed (from user → to user);
 * - `updated`: same number and user, other fields changed (emergency location, category, type).
 */
export type NumberChange =
  | { kind: "added"; entry: NumberEntry }
  | { kind: "removed"; entry: NumberEntry }
  | { kind: "renumbered"; user: string; from: NumberEntry; to: NumberEntry }
  | { kind: "reassigned"; number: string; from: NumberEntry; to: NumberEntry }
  | { kind: "updated"; from: NumberEntry; to: NumberEntry; fields: (keyof NumberEntry)[] };

/**
 * One side of a grant. `rank` is what the department file says (`teams.rank`), the one number reviewers see;
 * `position` is where Teams keeps the grant among the groups holding the type (1..n, src/teams/layer.ts
 * `placedGrants`), shown only when it moves without the rank changing.
 */
export interface GrantSide {
  policyName: string;
  /** Absent when the plan was built without the definitions (then only the position is known). */
  rank?: number;
  position: number;
}

export interface PolicyAssignmentChange {
  policyType: string;
  /** Absent when the policy type was not granted before / is no longer granted. */
  before?: GrantSide;
  after?: GrantSide;
}

/** Each department's `teams.rank` as written, at the base and at the head (departments with `teams:`). */
export interface DeclaredRanks {
  base: ReadonlyMap<string, number>;
  head: ReadonlyMap<string, number>;
}

export interface BudgetChange {
  name: string;
  amountBefore?: number;
  amountAfter?: number;
  thresholdsBefore: number[];
  thresholdsAfter: number[];
  contactsAdded: string[];
  contactsRemoved: string[];
}

/**
 * Access in words: an Azure role granted or revoked (`principal` gets `role` on `scope`), or an Entra group
 * created, deleted or changed (members, owners, dynamic membership rule), names resolved from the definitions.
 */
export type AccessChange =
  | {
      kind: "role";
      op: "granted" | "revoked";
      /** A PIM eligibility (activated on demand), not a standing assignment. */
      eligible?: boolean;
      role: string;
      /** True for roles that can grant access to others (Owner, User Access Administrator, RBAC Administrator). */
      privileged: boolean;
      principal: string;
      scope: string;
      /** For membership of a group: what the group itself holds (`User Administrator on administrative unit …`). */
      groupHolds?: string[];
    }
  | {
      kind: "group";
      op: "created" | "deleted" | "changed";
      /** What holds the members: an Entra group (default) or a department's administrative unit. */
      container?: "administrative unit";
      group: string;
      membersAdded: string[];
      membersRemoved: string[];
      ownersAdded: string[];
      ownersRemoved: string[];
      /** The dynamic membership rule before and after (absent: not a dynamic group). */
      ruleBefore?: string;
      ruleAfter?: string;
      /** What the group holds, told when people join it (`eligible for Contributor on resource group …`). */
      groupHolds?: string[];
    };

/** One department's changes in reviewer words, plus its resource changes. */
export interface DepartmentSummary {
  /** Department id, or `undefined` for the tenant-wide section. */
  department?: string;
  /** `new` when the department exists only at the head, `removed` only at the base. */
  status: "new" | "removed" | "changed";
  licences: SkuDelta[];
  numbers: NumberChange[];
  policies: PolicyAssignmentChange[];
  /** Tenant-wide Teams policy resources (calling, emergency, dial plans…) created, changed or deleted. */
  policyResources: ResourceChange[];
  budgets: BudgetChange[];
  /** The department's licence cost when it changes (the same object as in `DiffPlan.cost.departments`). */
  cost?: DepartmentCost;
  /** Role assignments and groups behind `changes`, in words. */
  access: AccessChange[];
  /** Phone services (attendants, queues, resource accounts; tenant-wide: calendars, schedules), in words. */
  phone: PhoneServiceLine[];
  changes: ResourceChange[];
}

export type RiskLevel = "high" | "medium" | "low";

export interface Risk {
  level: RiskLevel;
  /** Stable kind, for machines: `delete`, `replace`, `number-removed`, `emergency`, `licence-removed`, … */
  kind: string;
  department?: string;
  /** What a reviewer reads. */
  message: string;
  urn?: string;
}

/** One line of "what could hurt" (hurt.ts), worst kind first. */
export interface Hurt {
  /** Stable, for machines: `protected-destroyed`, `numbers-released`, `emergency-calling`, … */
  kind: string;
  message: string;
  /** Departments (or `tenant-wide`) concerned. */
  sections: string[];
}

export type PolicyEnforcement = "advisory" | "mandatory" | "remediate";

/** One policy result as the offline evaluator (src/policy) reports it. */
export interface PlanPolicyResult {
  policy: string;
  severity: string;
  enforcementLevel: PolicyEnforcement;
  message: string;
  urn?: string;
  resourceName?: string;
  resourceType?: string;
}

export interface PolicyOutcome {
  /** False when no evaluator is installed (the policy seam found nothing to call); results are then empty. */
  evaluated: boolean;
  /** Why it was not evaluated, when it was not. */
  note?: string;
  results: PlanPolicyResult[];
}

export interface SeatUse {
  sku: string;
  demanded: number;
  owned: number;
  /** Demanded at the base, for the headline's ±. */
  demandedBefore: number;
}

/** A monthly amount at the base and the head, to the cent; `delta` is head − base. */
export interface CostChange {
  before: number;
  after: number;
  delta: number;
}

/** One department's monthly licence cost, with its Azure budget a month at the head (another bill, shown beside). */
export interface DepartmentCost extends CostChange {
  department: string;
  budget?: number;
}

/** Licence cost a month in the tenant's price currency (licenceCost.ts). */
export interface LicenceCost {
  /** ISO 4217 code of every amount here. */
  currency: string;
  /** The whole tenant, every department. */
  total: CostChange;
  /** Only departments whose cost changes, by id. */
  departments: DepartmentCost[];
  /** SKUs departments hold at the head that have no price (they count nothing). */
  unpriced: string[];
}

export interface BaseInfo {
  /** The ref as given (`origin/main`, `HEAD`). */
  ref: string;
  /** The commit it resolved to. */
  commit: string;
  /** False when the definition folder did not exist at the base: every resource is a create. */
  definitionPresent: boolean;
  /** The definition folder, relative to the repository root. */
  path: string;
}

/** What was planned: both the plain plan and the `--base` plan open with it. */
export interface PlanHeader {
  organization: string;
  stack: string;
  layers: readonly LayerName[];
  /** Where layers this stack reads but does not deploy come from. */
  platformStack?: string;
}

export interface DiffPlan {
  header: PlanHeader;
  base: BaseInfo;
  headline: string;
  counts: Record<ChangeOp, number>;
  /** "What could hurt", worst kind first; empty when nothing does. */
  hurt: Hurt[];
  /** Highest risk first. */
  risks: Risk[];
  policy: PolicyOutcome;
  /** Departments with changes (highest risk first), then the tenant-wide section when it has any. */
  departments: DepartmentSummary[];
  seats: SeatUse[];
  /** Licence cost per department and in total; absent when tenant.yaml prices no SKU. */
  cost?: LicenceCost;
  /** With `--forecast`: what the apply will send to Microsoft (src/forecast); a reason when none was made. */
  forecast?: ApplyForecast | { skipped: string };
  /** What `tenant plan --base` exits with (see exitCode.ts). */
  exitCode: number;
}
