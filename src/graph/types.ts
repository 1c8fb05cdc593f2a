export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface GraphRequestOptions {
  /** Extra request headers, e.g. `{ ConsistencyLevel: "eventual" }` (resent on every page by getAll). */
  headers?: Record<string, string>;
  /** API version segment; default from the client (`v1.0`). */
  version?: string;
  /**
   * Retry after a dropped connection or timeout (default true). A request that may have reached Graph is sent
   * again, so leave it on only for idempotent writes, which all of the toolkit's are (assignLicense sets state).
   */
  retryNetworkErrors?: boolean;
}

export interface GraphResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON, the text for non-JSON bodies, undefined when empty. */
  body: T | undefined;
  /** The `Location` header (202 Accepted of long-running operations). */
  location: string | undefined;
}

/** One line of the retry log (also passed to `logger`). Never contains headers, bodies or tokens. */
export interface GraphLogEntry {
  event: "retry" | "give-up";
  method: string;
  path: string;
  /** Attempts made so far. */
  attempt: number;
  /** HTTP status of the failed attempt, 0 for network failures. */
  status: number;
  code?: string;
  delayMs?: number;
  /** Whether the delay came from Retry-After or from backoff. */
  source?: "retry-after" | "backoff";
  reason?: string;
  /** For `$batch` rounds: how many inner requests are retried. */
  innerRequests?: number;
}
