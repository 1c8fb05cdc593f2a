/**
 * The one error type of the Graph layer. Whatever goes wrong on the way to Graph (an HTTP error, a throttling
 * storm that outlasts the retry budget, a dropped connection, a timeout, a certificate that does not verify, a
 * credential the identity service refuses) reaches callers as a GraphRequestError with a one-line message that
 * names the request, e.g.
 *   POST /groups/…/assignLicense → 400 Request_BadRequest: License … (request-id 1b2c…)
 */
import { isNotFound } from "../notFound";

export type GraphErrorKind =
  /** Graph answered with an HTTP error status. */
  | "http"
  /** The connection failed or dropped before a complete response arrived (status 0). */
  | "network"
  /** One attempt exceeded the attempt timeout (status 0). */
  | "timeout"
  /** The server's certificate did not verify (status 0; never retried). */
  | "tls"
  /** No access token could be obtained (status 0; never retried). */
  | "auth"
  /** The request was refused before sending, e.g. a nextLink to another host (status 0). */
  | "client";

export interface GraphRequestErrorInit {
  kind: GraphErrorKind;
  method: string;
  path: string;
  /** HTTP status, or 0 when no response was received. */
  status: number;
  /** Graph's `error.code`, e.g. `Request_BadRequest`; for status 0 a short failure code such as `ECONNRESET`. */
  code?: string;
  /** Graph's `error.message` or a description of the failure. */
  detail: string;
  requestId?: string;
  clientRequestId?: string;
  /** Graph's `innerError.date`. */
  date?: string;
  attempts?: number;
  /** Why retrying stopped, when it was retried at all. */
  gaveUp?: string;
  /** The server's Retry-After on the last response, in ms. */
  retryAfterMs?: number;
  /** True when this was an inner request of a `$batch`. */
  inBatch?: boolean;
  /** Raw error body (JSON text) for diagnostics; never contains request headers. */
  body?: string;
  cause?: unknown;
}

export class GraphRequestError extends Error {
  readonly kind: GraphErrorKind;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly code: string | undefined;
  readonly detail: string;
  readonly requestId: string | undefined;
  readonly clientRequestId: string | undefined;
  readonly date: string | undefined;
  readonly attempts: number;
  readonly gaveUp: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly inBatch: boolean;
  readonly body: string | undefined;

  constructor(init: GraphRequestErrorInit) {
    super(formatGraphErrorMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    // Set explicitly: transpilers and Pulumi's function serialization both keep an explicit name.
    this.name = "GraphRequestError";
    this.kind = init.kind;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.date = init.date;
    this.attempts = init.attempts ?? 1;
    this.gaveUp = init.gaveUp;
    this.retryAfterMs = init.retryAfterMs;
    this.inBatch = init.inBatch ?? false;
    this.body = init.body;
  }

  /** True for 404 answers; the same test as src/notFound.ts `isNotFound`, which callers should use. */
  get isNotFound(): boolean {
    return isNotFound(this);
  }
}

export function isGraphRequestError(value: unknown): value is GraphRequestError {
  return value instanceof GraphRequestError;
}

export function formatGraphErrorMessage(init: GraphRequestErrorInit): string {
  const target = `${init.method} ${shortenPath(init.path)}${init.inBatch ? " (in $batch)" : ""}`;
  let outcome: string;
  switch (init.kind) {
    case "http":
      outcome = `${init.status}${init.code ? ` ${init.code}` : ""}: ${init.detail}`;
      break;
    case "auth":
      outcome = `authentication failed: ${init.detail}`;
      break;
    case "tls":
      outcome = `certificate verification failed${init.code ? ` (${init.code})` : ""}: ${init.detail}`;
      break;
    case "timeout":
      outcome = `timed out: ${init.detail}`;
      break;
    case "client":
      outcome = `refused: ${init.detail}`;
      break;
    default:
      outcome = `network error${init.code ? ` (${init.code})` : ""}: ${init.detail}`;
  }
  const parts = [`${target} → ${outcome}`];
  if (init.requestId) {
    parts.push(`(request-id ${init.requestId})`);
  }
  let message = parts.join(" ");
  if (init.gaveUp) {
    message += `; ${init.gaveUp}`;
  }
  const hint = hintFor(init);
  return hint ? `${message} — ${hint}` : message;
}

function hintFor(init: GraphRequestErrorInit): string | undefined {
  if (init.kind === "http" && init.status === 401) {
    return "Graph rejected the access token: check the credential variables (docs/graph.md) and that the token was issued for this Graph endpoint";
  }
  if (init.kind === "http" && init.status === 403) {
    return "the app registration lacks a permission or role for this call: see docs/permissions.md";
  }
  if (init.kind === "tls") {
    return "to trust a private CA (the emulator's) set TENANT_GRAPH_CA_FILE; TLS verification is never switched off";
  }
  return undefined;
}

/** Keeps messages one readable line: long $skiptoken values and the like are cut. */
function shortenPath(path: string): string {
  return path.length > 160 ? `${path.slice(0, 157)}…` : path;
}

export interface ParsedGraphErrorBody {
  code?: string;
  message?: string;
  requestId?: string;
  clientRequestId?: string;
  date?: string;
}

/**
 * Reads Graph's error body `{ error: { code, message, innerError: { "request-id", date, innerError? } } }`.
 * innerError may nest; the first request-id found going inwards wins. Tolerates `innererror` spelling and
 * non-JSON bodies (proxies, gateways), returning what it can.
 */
export function parseGraphErrorBody(body: unknown): ParsedGraphErrorBody {
  let value: unknown = body;
  if (typeof body === "string") {
    try {
      value = JSON.parse(body);
    } catch {
      return body.trim() === "" ? {} : { message: body.trim().slice(0, 300) };
    }
  }
  const error = asRecord(asRecord(value)?.error);
  if (!error) {
    return {};
  }
  const parsed: ParsedGraphErrorBody = {
    code: stringOrUndefined(error.code),
    message: stringOrUndefined(error.message),
  };
  let inner = asRecord(error.innerError ?? error.innererror);
  for (let depth = 0; inner && depth < 10; depth += 1) {
    parsed.requestId ??= stringOrUndefined(inner["request-id"]);
    parsed.clientRequestId ??= stringOrUndefined(inner["client-request-id"]);
    parsed.date ??= stringOrUndefined(inner.date);
    inner = asRecord(inner.innerError ?? inner.innererror);
  }
  return parsed;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The request may or may not have reached Graph: the connection dropped or the attempt timed out. */
export function isConnectionLost(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { status?: unknown; kind?: unknown };
  return e.status === 0 && (e.kind === "network" || e.kind === "timeout");
}
