/**
 * Pure helpers for JSON batching (`POST /$batch`): at most 20 requests per batch, ids unique
 * (case-insensitively), responses arrive in any order and are matched back by id.
 */
import { GraphRequestError, parseGraphErrorBody } from "./errors";
import type { HttpMethod } from "./types";

export const MAX_BATCH_SIZE = 20;

export interface BatchRequest {
  /** Correlation id; defaults to the 1-based position in the list given to `batch()`. */
  id?: string;
  method: HttpMethod;
  /** Relative to the version root, e.g. `/users/{id}?$select=id`. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface IdentifiedBatchRequest extends BatchRequest {
  id: string;
}

export interface BatchResult<T = unknown> {
  id: string;
  status: number;
  ok: boolean;
  headers: Record<string, string>;
  body: T | undefined;
  /** Set when `ok` is false. */
  error?: GraphRequestError;
  /** How many `$batch` rounds this request took part in. */
  attempts: number;
}

export interface WireBatchResponse {
  id?: unknown;
  status?: unknown;
  headers?: unknown;
  body?: unknown;
}

export function assignBatchIds(requests: readonly BatchRequest[]): IdentifiedBatchRequest[] {
  const seen = new Set<string>();
  return requests.map((request, index) => {
    const id = request.id ?? String(index + 1);
    const key = id.toLowerCase();
    if (seen.has(key)) {
      // Graph rejects the whole batch with 400 for duplicate ids; fail before sending anything.
      throw new Error(`$batch request id "${id}" is used twice (ids are compared case-insensitively)`);
    }
    seen.add(key);
    return { ...request, id };
  });
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}

/** The wire form of one inner request: a body needs a Content-Type header or Graph rejects the batch. */
export function toWireRequest(request: IdentifiedBatchRequest): Record<string, unknown> {
  const wire: Record<string, unknown> = { id: request.id, method: request.method, url: request.url };
  const headers = { ...(request.headers ?? {}) };
  if (request.body !== undefined) {
    if (!Object.keys(headers).some((key) => key.toLowerCase() === "content-type")) {
      headers["Content-Type"] = "application/json";
    }
    wire.body = request.body;
  }
  if (Object.keys(headers).length > 0) {
    wire.headers = headers;
  }
  return wire;
}

/** Indexes a `$batch` response body by lower-cased id; entries without an id are ignored. */
export function indexBatchResponses(body: unknown): Map<string, WireBatchResponse> {
  const byId = new Map<string, WireBatchResponse>();
  const responses = (body as { responses?: unknown } | undefined)?.responses;
  if (Array.isArray(responses)) {
    for (const response of responses as WireBatchResponse[]) {
      if (response && (typeof response.id === "string" || typeof response.id === "number")) {
        byId.set(String(response.id).toLowerCase(), response);
      }
    }
  }
  return byId;
}

export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) {
      return value;
    }
  }
  return undefined;
}

export function normalizeHeaders(value: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (typeof value === "object" && value !== null) {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      headers[key] = String(v);
    }
  }
  return headers;
}

export function innerStatus(response: WireBatchResponse | undefined): number {
  return typeof response?.status === "number" ? response.status : 0;
}

/** Turns one final inner response (or its absence) into a result in the caller's terms. */
export function toBatchResult<T>(
  request: IdentifiedBatchRequest,
  response: WireBatchResponse | undefined,
  attempts: number,
  gaveUp?: string,
): BatchResult<T> {
  if (response === undefined) {
    return {
      id: request.id,
      status: 0,
      ok: false,
      headers: {},
      body: undefined,
      attempts,
      error: new GraphRequestError({
        kind: "network",
        method: request.method,
        path: request.url,
        status: 0,
        code: "MissingBatchResponse",
        detail: "the $batch response had no entry for this request id",
        inBatch: true,
        attempts,
        gaveUp,
      }),
    };
  }
  const status = innerStatus(response);
  const headers = normalizeHeaders(response.headers);
  const ok = status >= 200 && status < 300;
  const result: BatchResult<T> = {
    id: request.id,
    status,
    ok,
    headers,
    body: response.body as T | undefined,
    attempts,
  };
  if (!ok) {
    const parsed = parseGraphErrorBody(response.body);
    result.error = new GraphRequestError({
      kind: "http",
      method: request.method,
      path: request.url,
      status,
      code: parsed.code,
      detail: parsed.message ?? `HTTP ${status}`,
      requestId: parsed.requestId ?? headerValue(headers, "request-id"),
      clientRequestId: parsed.clientRequestId,
      date: parsed.date,
      inBatch: true,
      attempts,
      gaveUp,
      body: response.body === undefined ? undefined : JSON.stringify(response.body),
    });
  }
  return result;
}
