/**
 * What the emulator's request counters (src/emulator/http/counters.ts) saw between two snapshots, in the
 * forecast's terms. A request inside a `$batch` counts once on its own route, as Graph throttles each one
 * (graph-teams-licensing.md §5.3); the `$batch` envelope itself is not counted again. The fake `pwsh` route
 * (`POWERSHELL <cmdlet>`) is cmdlets, not Graph; the identity service's token and discovery routes are neither.
 */
import type { CounterSnapshot, RouteCounts } from "../emulator";

export interface GraphDelta {
  graphRequests: number;
  /** HTTPS round trips to Graph: requests outside a `$batch`, and each `$batch` once. */
  graphRoundTrips: number;
  graphWrites: number;
  /** assignNumber / unassignNumber accepted (202): each starts one asynchronous number operation. */
  asyncOperations: number;
  /** Cmdlets through the fake `pwsh` (an apply over HTTP); the forecast counts its in-process ones itself. */
  cmdlets: number;
  cmdletWrites: number;
  /** Graph requests refused by injected faults or the write quota (429, 503, dropped): each is retried. */
  retried: number;
}

const BATCH_ENVELOPE = /^POST \/(v1\.0|beta)\/\$batch$/;
const NUMBER_OPERATION = /\/(assignNumber|unassignNumber)$/i;
const POWERSHELL = /^POWERSHELL /;
/** The identity service's routes (tokens, discovery): not Graph, and an apply's token count is the client's. */
const IDENTITY_SERVICE = /^[A-Z]+ \/\{tenant\}\//;

const EMPTY: RouteCounts = { requests: 0, batched: 0, writes: 0, throttled: 0, faulted: 0, statuses: {} };

export function graphDelta(before: CounterSnapshot, after: CounterSnapshot): GraphDelta {
  const delta: GraphDelta = {
    graphRequests: 0,
    graphRoundTrips: 0,
    graphWrites: 0,
    asyncOperations: 0,
    cmdlets: 0,
    cmdletWrites: 0,
    retried: 0,
  };
  for (const [route, now] of Object.entries(after.byRoute)) {
    const was = before.byRoute[route] ?? EMPTY;
    const requests = now.requests - was.requests;
    const writes = now.writes - was.writes;
    if ((requests === 0 && writes === 0) || IDENTITY_SERVICE.test(route)) continue;
    if (POWERSHELL.test(route)) {
      delta.cmdlets += requests;
      delta.cmdletWrites += writes;
      continue;
    }
    delta.graphRoundTrips += requests - (now.batched - was.batched);
    // A refused envelope never reached its requests: it costs a round trip, not a Graph request.
    if (BATCH_ENVELOPE.test(route)) continue;
    delta.retried += now.throttled - was.throttled + (now.faulted - was.faulted);
    delta.graphRequests += requests;
    delta.graphWrites += writes;
    if (NUMBER_OPERATION.test(route))
      delta.asyncOperations += (now.statuses["202"] ?? 0) - (was.statuses["202"] ?? 0);
  }
  return delta;
}
