import type { BatchRequest, BatchResult, GraphClient } from "../../graph";
import type { NumberOperationOutcome } from "../admin/port";
import { mapBounded } from "./bounded";
import { entityOf, operationPath, reasonOf, type OperationCounters } from "./operations";
import { pollDelayMs, type GraphTeamsAdminOptions } from "./options";
import { skippedIsDone } from "./inventory";

/**
 * Number operations grouped through JSON batching (graph-teams-licensing.md §5.3): up to 20 starts
 * (assign/unassign/update POSTs) go in one `$batch`, and the operations they return are polled together, up
 * to 20 GETs per `$batch`. A group of 20 that finishes within the first poll wait costs two HTTP requests
 * instead of forty, which is what the "within 1.1× of the minimum" target needs. Inner 429/503/504 are sent
 * again by `GraphClient.batch` (only those, after the longest inner Retry-After); every other inner failure
 * becomes that number's outcome with the service's reason, so one bad number never hides the others.
 */

export interface BatchedOperation {
  telephoneNumber: string;
  /** `assignNumber`, `unassignNumber`, `updateNumber`. */
  action: string;
  body: Record<string, unknown>;
}

export const NUMBER_ASSIGNMENTS_PATH = "/admin/teams/telephoneNumberManagement/numberAssignments";

export async function runBatchedOperations(
  client: GraphClient,
  options: GraphTeamsAdminOptions,
  counters: OperationCounters,
  operations: readonly BatchedOperation[],
): Promise<NumberOperationOutcome[]> {
  const { size, inFlight } = batchingOf(options);
  const groups: BatchedOperation[][] = [];
  for (let i = 0; i < operations.length; i += size) groups.push(operations.slice(i, i + size));
  const outcomes = await mapBounded(groups, inFlight, (group) => runGroup(client, options, counters, group));
  return outcomes.flat();
}

export function batchingOf(options: GraphTeamsAdminOptions): { size: number; inFlight: number } {
  return options.batch ?? { size: 20, inFlight: 1 };
}

interface Pending {
  index: number;
  telephoneNumber: string;
  target: { path: string; version?: string };
}

async function runGroup(
  client: GraphClient,
  options: GraphTeamsAdminOptions,
  counters: OperationCounters,
  group: readonly BatchedOperation[],
): Promise<NumberOperationOutcome[]> {
  const outcomes = new Array<NumberOperationOutcome>(group.length);
  counters.started += group.length;
  counters.inFlight += group.length;
  counters.maxInFlight = Math.max(counters.maxInFlight, counters.inFlight);
  try {
    const starts = await sendBatch(
      client,
      group.map((op, i) => ({
        id: String(i + 1),
        method: "POST" as const,
        url: `${NUMBER_ASSIGNMENTS_PATH}/${op.action}`,
        body: op.body,
      })),
    );
    const pending: Pending[] = [];
    group.forEach((op, index) => {
      const result = starts[index];
      const failed = (reason: string) => {
        outcomes[index] = { telephoneNumber: op.telephoneNumber, succeeded: false, reason };
      };
      if (typeof result === "string") return failed(result);
      if (!result.ok) return failed(reasonOf(result.error));
      // updateNumber answers 200 without an operation (§2.4).
      if (result.status !== 202) {
        outcomes[index] = { telephoneNumber: op.telephoneNumber, succeeded: true };
        return;
      }
      const location = headerOf(result.headers, "location");
      if (!location) return failed(`${op.action} was accepted (202) without a Location to follow`);
      pending.push({ index, telephoneNumber: op.telephoneNumber, target: operationPath(location) });
    });
    await pollGroup(client, options, counters, pending, outcomes);
    return outcomes;
  } finally {
    counters.inFlight -= group.length;
  }
}

/** A `$batch` call that failed as a whole (not its inner requests) fails each of its numbers with that reason. */
async function sendBatch(client: GraphClient, requests: BatchRequest[]): Promise<(BatchResult | string)[]> {
  try {
    return await client.batch(requests);
  } catch (error) {
    const reason = `the $batch request failed: ${reasonOf(error)}`;
    return requests.map(() => reason);
  }
}

async function pollGroup(
  client: GraphClient,
  options: GraphTeamsAdminOptions,
  counters: OperationCounters,
  initial: Pending[],
  outcomes: NumberOperationOutcome[],
): Promise<void> {
  const { clock, poll: limits } = options;
  const started = clock.now();
  let pending = initial;
  for (let n = 1; n <= limits.maxPolls && pending.length > 0; n += 1) {
    const delay = pollDelayMs(n, limits);
    if (clock.now() - started + delay > limits.maxWaitMs) break;
    await clock.sleep(delay);
    counters.polls += pending.length;
    // Operations polled on another API version than the client's (a beta Location) are rare; the batch
    // endpoint is the client's version, so their URL carries no version and they are read there.
    const results = await sendBatch(
      client,
      pending.map((p, i) => ({ id: String(i + 1), method: "GET" as const, url: p.target.path })),
    );
    const still: Pending[] = [];
    pending.forEach((p, i) => {
      const result = results[i];
      const done = (succeeded: boolean, reason?: string) => {
        outcomes[p.index] = succeeded
          ? { telephoneNumber: p.telephoneNumber, succeeded }
          : { telephoneNumber: p.telephoneNumber, succeeded, reason };
      };
      if (typeof result === "string") return done(false, `reading the operation failed: ${result}`);
      if (!result.ok) return done(false, `reading the operation failed: ${reasonOf(result.error)}`);
      const op = entityOf(result.body);
      if (op.status === "notStarted" || op.status === "running") return void still.push(p);
      if (op.status === "succeeded" || skippedIsDone(op.status)) return done(true);
      const detail = op.numbers?.find((x) => x.statusDetail)?.statusDetail;
      done(false, detail ?? `the operation ended ${op.status ?? "without a status"}`);
    });
    pending = still;
  }
  for (const p of pending) {
    outcomes[p.index] = {
      telephoneNumber: p.telephoneNumber,
      succeeded: false,
      reason: `the operation had not finished after ${limits.maxPolls} polls / ${Math.round((clock.now() - started) / 1000)} s; a re-run will see its outcome in the inventory`,
    };
  }
}

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}
