/**
 * Expected wall time of an apply from what the forecast counted. The waits the providers make (polls of
 * asynchronous work, Retry-After) are already in `waitedMs`, measured on the emulator's clock; what the
 * emulator cannot know is how long Microsoft takes to answer, so that part is an assumption, stated here:
 *
 * - GRAPH_ROUND_TRIP_MS — *assumed*: Microsoft documents no latency for Graph; 250 ms is a typical round trip
 *   from a European runner to graph.microsoft.com for a directory read or write.
 * - CMDLET_MS — *assumed*: the MicrosoftTeams module documents no timing; its Cs cmdlets take about 1.5 s
 *   each once the session is connected (graph-teams-licensing.md §6 item 5: Teams throttling is undocumented).
 * - The identity write quota — documented: 3,000 writes per 150 s per app and tenant, and resource units,
 *   8,000 per 10 s for a tenant over 500 users (graph-teams-licensing.md §5.2, concepts/throttling-limits.md).
 *   A whole apply cannot be faster than its writes and requests allow, whatever the parallelism.
 *
 * Departments are applied in parallel by the engine (their resources do not depend on each other), after the
 * tenant-wide resources they name; a department's own resources run one after another.
 */
import type { DepartmentForecast, OperationCounts } from "./types";

export const GRAPH_ROUND_TRIP_MS = 250;
export const CMDLET_MS = 1_500;
export const WRITE_QUOTA = { writes: 3_000, windowMs: 150_000 };
export const RESOURCE_UNITS = { units: 8_000, windowMs: 10_000 };

/** One department's (or the tenant-wide row's) resources, one after another. */
export function sequentialMs(counts: OperationCounts): number {
  return counts.waitedMs + counts.graphRoundTrips * GRAPH_ROUND_TRIP_MS + counts.cmdlets * CMDLET_MS;
}

/** The least time the documented quotas allow for `totals` (one request ≈ one resource unit). */
export function quotaFloorMs(totals: OperationCounts): number {
  const writeWindows = Math.max(0, Math.ceil(totals.graphWrites / WRITE_QUOTA.writes) - 1);
  const unitWindows = Math.max(0, Math.ceil(totals.graphRequests / RESOURCE_UNITS.units) - 1);
  return Math.max(writeWindows * WRITE_QUOTA.windowMs, unitWindows * RESOURCE_UNITS.windowMs);
}

/** Tenant-wide first, then the slowest department; never below what the quotas allow. */
export function applyWallTime(rows: readonly DepartmentForecast[], totals: OperationCounts): number {
  const tenantWide = rows.find((r) => r.department === null)?.expectedMs ?? 0;
  const slowest = Math.max(0, ...rows.filter((r) => r.department !== null).map((r) => r.expectedMs));
  return Math.max(tenantWide + slowest, quotaFloorMs(totals));
}
