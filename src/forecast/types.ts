/**
 * The apply forecast (issue #17): what `pulumi up` of the head definition will send to Microsoft, resource by
 * resource, measured by running the providers' own diff and apply code against an emulator that holds the base
 * definition applied (runForecast.ts). Nothing here is a formula over the definition.
 */

/** What one resource's operation cost on the emulator. */
export interface OperationCounts {
  /** Graph requests as Graph throttles them: one inside a `$batch` counts on its own, the envelope does not. */
  graphRequests: number;
  /** HTTPS round trips to Graph: requests outside a `$batch`, and each `$batch` once. */
  graphRoundTrips: number;
  /** Graph requests that changed something (POST/PATCH/PUT/DELETE reaching a handler). */
  graphWrites: number;
  /** Teams PowerShell cmdlets run, and those of them that change something (not `Get-`). */
  cmdlets: number;
  cmdletWrites: number;
  /** Asynchronous Teams number operations started (assign, unassign, update of a number). */
  asyncOperations: number;
  /** Time the provider waited (polls of asynchronous work, Retry-After), on the emulator's clock. */
  waitedMs: number;
}

export type ForecastAction = "create" | "update" | "replace" | "delete";

export interface ForecastOperation extends OperationCounts {
  /** Department id, or null for a tenant-wide resource (policies, addresses, holiday calendars). */
  department: string | null;
  /** The resource type as the plan names it (`GroupLicenses`, `NumberAssignments`, …). */
  kind: string;
  /** Stable key within the kind: the department id, or the policy / address / calendar name. */
  key: string;
  action: ForecastAction;
  /** The provider failed on the emulator: what `up` will most likely fail on too. */
  error?: string;
}

export interface DepartmentForecast extends OperationCounts {
  /** Department id, or null for the tenant-wide row. */
  department: string | null;
  operations: ForecastOperation[];
  /** Expected wall time of this department's resources, one after another (wallTime.ts). */
  expectedMs: number;
}

export interface ApplyForecast {
  departments: DepartmentForecast[];
  totals: OperationCounts;
  /** Expected wall time of the whole apply (wallTime.ts `applyWallTime`). */
  expectedMs: number;
  /** What the forecast does not cover, in words, for the plan's footnote. */
  notCovered: string[];
  /** Graph requests the emulator refused under the write quota and the providers sent again (in the totals). */
  retried: number;
  /** Warnings from building the base on the emulator (what `up` of the base would have failed on). */
  baseWarnings: string[];
}

export const ZERO_COUNTS: OperationCounts = Object.freeze({
  graphRequests: 0,
  graphRoundTrips: 0,
  graphWrites: 0,
  cmdlets: 0,
  cmdletWrites: 0,
  asyncOperations: 0,
  waitedMs: 0,
});

export function addCounts(a: OperationCounts, b: OperationCounts): OperationCounts {
  return {
    graphRequests: a.graphRequests + b.graphRequests,
    graphRoundTrips: a.graphRoundTrips + b.graphRoundTrips,
    graphWrites: a.graphWrites + b.graphWrites,
    cmdlets: a.cmdlets + b.cmdlets,
    cmdletWrites: a.cmdletWrites + b.cmdletWrites,
    asyncOperations: a.asyncOperations + b.asyncOperations,
    waitedMs: a.waitedMs + b.waitedMs,
  };
}
