/**
 * `process.exit` ends the process at once, dropping file writes still in flight. tsx writes each source file it
 * compiles to its disk cache asynchronously (`fs.promises.writeFile`) while the CLI keeps the main thread busy, so
 * exiting straight after the command left every cache file empty (opened, truncated, never written) and each run
 * compiled all of `src/` again. This waits until no file-system request is pending, then exits.
 */

/** Node's names (`process.getActiveResourcesInfo()`) for a pending file-system request. */
const FILE_REQUESTS = new Set(["FSReqPromise", "FSReqCallback", "FileHandle", "CloseReq"]);

/** Whether any of the active resources (as `process.getActiveResourcesInfo()` names them) is a file request. */
export function hasPendingFileRequests(resources: readonly string[]): boolean {
  return resources.some((r) => FILE_REQUESTS.has(r));
}

export interface ExitOptions {
  /** The longest wait for pending writes; then it exits anyway. Default 2,000 ms. */
  limitMs?: number;
  exit?: (code: number) => void;
  activeResources?: () => string[];
}

/** Exits with `code` once the file writes in flight have finished (at most `limitMs` later). */
export async function exitAfterPendingWrites(code: number, options: ExitOptions = {}): Promise<void> {
  const { limitMs = 2000, exit = (c: number) => process.exit(c) } = options;
  const active = options.activeResources ?? (() => process.getActiveResourcesInfo());
  const deadline = Date.now() + limitMs;
  while (hasPendingFileRequests(active()) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  exit(code);
}
