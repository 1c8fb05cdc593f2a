/**
 * The first request `drift` and `export` send: GET /organization with one attempt cut off at the deadline, so an
 * endpoint that never answers costs at most `--answer-timeout`, not six retried attempts.
 */
import { createGraphClient } from "../graph/create";
import { GraphRequestError } from "../graph/errors";
import { ORGANIZATION_PATH } from "../live/readGraph";
import { NoAnswerError } from "./firstAnswer";

export function probeGraph(
  graphUrl: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs: number,
): Promise<unknown> {
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
