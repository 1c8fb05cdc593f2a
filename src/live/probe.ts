/**
 * The first request `drift` and `export` send: GET /organization with one attempt cut off at the deadline, so an
 * endpoint that never answers costs at most `--answer-timeout`, not six retried attempts.
 */
import { UserError } from "../exitCodes";
import { GraphRequestError } from "../graph/errors";

/**
 * Nothing came back (exit 1). A probe rejects with it (any message) when its request timed out without an answer;
 * src/cli/firstAnswer.ts words the message for the person waiting.
 */
export class NoAnswerError extends UserError {}

export function probeGraph(
  graphUrl: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs: number,
): Promise<unknown> {
  /* eslint-disable @typescript-eslint/no-require-imports -- the Graph client loads only when a command probes */
  const { createGraphClient } = require("../graph/create") as typeof import("../graph/create");
  const { ORGANIZATION_PATH } = require("./readGraph") as typeof import("./readGraph");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const client = createGraphClient({
    endpoint: graphUrl,
    env,
    retry: { maxAttempts: 1, attemptTimeoutMs: timeoutMs },
  });
  return client.get(ORGANIZATION_PATH).catch((error: unknown) => {
    throw isNoAnswer(error) ? new NoAnswerError((error as Error).message) : error;
  });
}

/** A failure that means "nothing came back" (a connect, TLS handshake or response timeout), not a refusal. */
export function isNoAnswer(error: unknown): boolean {
  return (
    error instanceof GraphRequestError &&
    (error.kind === "timeout" || (error.kind === "network" && /TIMEOUT/i.test(error.code ?? "")))
  );
}
