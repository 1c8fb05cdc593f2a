/**
 * `drift` and `export` first wait for the endpoint's first answer, and say so: the command prints a line as it
 * starts, this module another every few seconds, and a clear error (a NoAnswerError, src/live/probe.ts) when
 * nothing has come back in time. Without it, an endpoint that accepts connections but never answers kept a person
 * looking at a silent terminal for 86 s (six retried attempts).
 */
import { NoAnswerError } from "../live/probe";

/** Give up on an endpoint that has not answered its first request in this long (well inside 30 s). */
export const DEFAULT_ANSWER_TIMEOUT_S = 20;
/** How often the wait is reported. */
export const DEFAULT_PROGRESS_MS = 5_000;

export interface FirstAnswerOptions {
  /** The command, for the messages (`tenant drift`). */
  command: string;
  /** The endpoint, as the user should recognise it. */
  where: string;
  timeoutMs: number;
  progressMs?: number;
  report(line: string): void;
}

/**
 * Resolves with `probe`'s answer, reporting the wait; rejects with NoAnswerError after `timeoutMs`. The probe
 * should bound its own request by the same time (see `probeClientRetry`), so nothing outlives the command.
 */
export async function firstAnswer<T>(probe: () => Promise<T>, opts: FirstAnswerOptions): Promise<T> {
  const { command, where, timeoutMs } = opts;
  const progressMs = opts.progressMs ?? DEFAULT_PROGRESS_MS;
  const started = Date.now();
  let ticker: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  try {
    return await new Promise<T>((resolve, reject) => {
      ticker = setInterval(() => {
        const waited = Math.round((Date.now() - started) / 1000);
        opts.report(
          `${command}: still waiting for ${where} to answer (${waited} s; giving up at ${seconds(timeoutMs)} s)\n`,
        );
      }, progressMs);
      const noAnswer = (waitedMs: number) =>
        new NoAnswerError(
          `${where} has not answered in ${seconds(waitedMs)} s — check the URL (--graph or TENANT_GRAPH_ENDPOINT) ` +
            "and that the service or emulator there is running, or allow longer with --answer-timeout <seconds>",
        );
      deadline = setTimeout(() => reject(noAnswer(timeoutMs)), timeoutMs);
      probe().then(resolve, (error: unknown) =>
        reject(error instanceof NoAnswerError ? noAnswer(Date.now() - started) : error),
      );
    });
  } finally {
    clearInterval(ticker);
    clearTimeout(deadline);
  }
}

function seconds(ms: number): string {
  return String(Math.round(ms / 1000));
}
