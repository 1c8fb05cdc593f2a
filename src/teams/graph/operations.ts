import { isGraphRequestError, type GraphClient } from "../../graph";
import type { NumberOperationOutcome } from "../admin/port";
import { pollDelayMs, type GraphTeamsAdminOptions } from "./options";
import { skippedIsDone } from "./inventory";

/**
 * One number operation from start to end: POST the action, follow the 202's `Location` to
 * `telephoneNumberManagement/operations/{id}` and poll it with backoff until it succeeds or fails
 * (graph-teams-licensing.md §2.2–§2.5). Every way it can go wrong becomes an outcome with a reason, so one
 * bad number never hides the others.
 */

export interface OperationCounters {
  /** Actions POSTed (assign/unassign/update). */
  started: number;
  /** GETs of operations. */
  polls: number;
  /** Operations started and not yet ended, and the most there ever were. */
  inFlight: number;
  maxInFlight: number;
}

interface OperationEntity {
  status?: string;
  numbers?: { status?: string | null; statusDetail?: string | null }[] | null;
}

/** The doc shows the entity wrapped in `value` (§2.5, probably a doc error): accept both. */
export function entityOf(body: unknown): OperationEntity {
  const b = (body ?? {}) as OperationEntity & { value?: unknown };
  return b.value && typeof b.value === "object" && !Array.isArray(b.value) ? (b.value as OperationEntity) : b;
}

export const reasonOf = (error: unknown): string =>
  isGraphRequestError(error)
    ? `${error.status === 0 ? error.kind : error.status}${error.code ? ` ${error.code}` : ""}: ${error.detail}`
    : error instanceof Error
      ? error.message
      : String(error);

/**
 * The Location as a path on our own endpoint. Graph answers with its own absolute URL; only the path is
 * used, so the token is never sent anywhere but the configured endpoint.
 */
export function operationPath(location: string): { path: string; version?: string } {
  const url = new URL(location, "https://graph.invalid/");
  const m = /^\/(v1\.0|beta)(\/.*)$/.exec(url.pathname);
  return m ? { path: `${m[2]}${url.search}`, version: m[1] } : { path: `${url.pathname}${url.search}` };
}

export async function runNumberOperation(
  client: GraphClient,
  options: GraphTeamsAdminOptions,
  counters: OperationCounters,
  telephoneNumber: string,
  action: string,
  body: Record<string, unknown>,
): Promise<NumberOperationOutcome> {
  const failed = (reason: string): NumberOperationOutcome => ({ telephoneNumber, succeeded: false, reason });
  counters.started += 1;
  counters.inFlight += 1;
  counters.maxInFlight = Math.max(counters.maxInFlight, counters.inFlight);
  try {
    let location: string | undefined;
    try {
      const response = await client.postRaw(
        `/admin/teams/telephoneNumberManagement/numberAssignments/${action}`,
        body,
      );
      // updateNumber answers 200 without an operation (§2.4); a 202 without Location has nothing to poll.
      if (response.status !== 202) return { telephoneNumber, succeeded: true };
      location = response.location;
    } catch (error) {
      return failed(reasonOf(error));
    }
    if (!location) return failed(`${action} was accepted (202) without a Location to follow`);
    return await poll(client, options, counters, telephoneNumber, operationPath(location));
  } finally {
    counters.inFlight -= 1;
  }
}

async function poll(
  client: GraphClient,
  options: GraphTeamsAdminOptions,
  counters: OperationCounters,
  telephoneNumber: string,
  target: { path: string; version?: string },
): Promise<NumberOperationOutcome> {
  const { clock, poll: limits } = options;
  const started = clock.now();
  for (let n = 1; n <= limits.maxPolls; n += 1) {
    const delay = pollDelayMs(n, limits);
    if (clock.now() - started + delay > limits.maxWaitMs) break;
    await clock.sleep(delay);
    let op: OperationEntity;
    try {
      counters.polls += 1;
      op = entityOf(await client.get(target.path, { version: target.version }));
    } catch (error) {
      return {
        telephoneNumber,
        succeeded: false,
        reason: `reading the operation failed: ${reasonOf(error)}`,
      };
    }
    if (op.status === "notStarted" || op.status === "running") continue;
    // `skipped`: the service had nothing to do (the number already as asked); see skippedIsDone.
    if (op.status === "succeeded" || skippedIsDone(op.status)) return { telephoneNumber, succeeded: true };
    const detail = op.numbers?.find((x) => x.statusDetail)?.statusDetail;
    return {
      telephoneNumber,
      succeeded: false,
      reason: detail ?? `the operation ended ${op.status ?? "without a status"}`,
    };
  }
  return {
    telephoneNumber,
    succeeded: false,
    reason: `the operation had not finished after ${limits.maxPolls} polls / ${Math.round((clock.now() - started) / 1000)} s; a re-run will see its outcome in the inventory`,
  };
}
