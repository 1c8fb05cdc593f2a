/**
 * GraphClient: the one HTTP path from the toolkit to Microsoft Graph.
 *
 * Every call goes through `request()`, which sends one attempt through `@microsoft/microsoft-graph-client`
 * (RAW response type, our middleware chain: see middleware.ts) and wraps it in our retry loop: 429/503/504
 * honouring Retry-After (fractional seconds or HTTP-date), exponential backoff with jitter when it is absent,
 * dropped connections and timeouts retried too, bounded by attempts and total time. `getAll`, `getAllBySkip`,
 * `batch` and `postRaw` are built on `request()`.
 */
import { Client, ResponseType, TelemetryHandler } from "@microsoft/microsoft-graph-client";
import type { GraphRequest } from "@microsoft/microsoft-graph-client";
import {
  assignBatchIds,
  chunk,
  headerValue,
  indexBatchResponses,
  innerStatus,
  MAX_BATCH_SIZE,
  normalizeHeaders,
  toBatchResult,
  toWireRequest,
} from "./batch";
import type { BatchRequest, BatchResult, IdentifiedBatchRequest, WireBatchResponse } from "./batch";
import type { Clock } from "./clock";
import type { GraphEndpoint } from "./endpoint";
import { GraphRequestError, parseGraphErrorBody } from "./errors";
import type { GraphRequestErrorInit } from "./errors";
import { BearerTokenHandler, FetchTransport } from "./middleware";
import { readMiddlewareFailure } from "./middlewareFailure";
import type { MiddlewareFailure } from "./middlewareFailure";
import { classifyNetworkError } from "./networkErrors";
import { collectNextLinkPages, collectSkipPages } from "./paging";
import type { ODataPage } from "./paging";
import { redactSecrets } from "./redact";
import { parseRetryAfterMs } from "./retryAfter";
import { isRetriableStatus, planRetry } from "./retryPolicy";
import type { RetryOptions } from "./retryPolicy";
import type { AccessTokenSource } from "./tokenSource";
import type { GraphLogEntry, GraphRequestOptions, GraphResponse, HttpMethod } from "./types";

export interface GraphClientSettings {
  endpoint: GraphEndpoint;
  tokens: AccessTokenSource;
  /** undici Agent trusting the private CA, or undefined. */
  dispatcher: unknown;
  version: string;
  retry: RetryOptions;
  clock: Clock;
  random: () => number;
  logger?: (entry: GraphLogEntry) => void;
  /** `$batch` calls in flight at once (each carries up to 20 requests). */
  batchConcurrency: number;
}

export interface GraphClientStats {
  /** HTTP requests sent (attempts, `$batch` calls counted once). */
  requests: number;
  /** Waits before another attempt (single requests and `$batch` rounds). */
  retries: number;
}

/** The outcome of one attempt: a response, or a failure that may be retried. */
type Attempt<T> =
  { ok: true; response: GraphResponse<T> } | { ok: false; error: GraphRequestErrorInit; retriable: boolean };

export class GraphClient {
  readonly endpoint: GraphEndpoint;
  readonly stats: GraphClientStats;
  /** Every retry and give-up, in order. Bounded so a long run cannot grow it without limit. */
  readonly retryLog: GraphLogEntry[];
  private readonly settings: GraphClientSettings;
  private readonly sdk: Client;

  // Every field is assigned in the constructor, none by a class-field initializer: Pulumi's function
  // serialization (dynamic providers) drops field initializers (pulumi-offline.md §1.5 / §3.2).
  constructor(settings: GraphClientSettings) {
    this.settings = settings;
    this.stats = { requests: 0, retries: 0 };
    this.retryLog = [];
    this.endpoint = settings.endpoint;
    this.sdk = Client.initWithMiddleware({
      baseUrl: settings.endpoint.baseUrl,
      defaultVersion: settings.version,
      // Kept in step with the endpoint so the SDK's TelemetryHandler adds client-request-id for it. The token
      // itself is added by BearerTokenHandler, which checks the full origin (host and port) and https.
      customHosts: new Set([settings.endpoint.hostname]),
      middleware: [
        new BearerTokenHandler(settings.tokens, settings.endpoint.origin),
        new TelemetryHandler(),
        new FetchTransport(settings.dispatcher),
      ],
    });
  }

  async get<T = unknown>(path: string, options?: GraphRequestOptions): Promise<T> {
    return (await this.request<T>("GET", path, undefined, options)).body as T;
  }

  async post<T = unknown>(path: string, body?: unknown, options?: GraphRequestOptions): Promise<T> {
    return (await this.request<T>("POST", path, body, options)).body as T;
  }

  async patch<T = unknown>(path: string, body: unknown, options?: GraphRequestOptions): Promise<T> {
    return (await this.request<T>("PATCH", path, body, options)).body as T;
  }

  async put<T = unknown>(path: string, body: unknown, options?: GraphRequestOptions): Promise<T> {
    return (await this.request<T>("PUT", path, body, options)).body as T;
  }

  async delete(path: string, options?: GraphRequestOptions): Promise<void> {
    await this.request("DELETE", path, undefined, options);
  }

  /** POST returning status, headers and `location`: for 202 Accepted + Location (group assignLicense, assignNumber). */
  postRaw<T = unknown>(
    path: string,
    body?: unknown,
    options?: GraphRequestOptions,
  ): Promise<GraphResponse<T>> {
    return this.request<T>("POST", path, body, options);
  }

  /** All items of a collection, following `@odata.nextLink` (request headers are resent on every page). */
  getAll<T = unknown>(path: string, options?: GraphRequestOptions): Promise<T[]> {
    return collectNextLinkPages<T>(path, (target) => this.get<ODataPage<T>>(target, options));
  }

  /**
   * All items of a collection paged with `$top/$skip` (Teams number inventory); with `keep`, only those it keeps,
   * filtered as each page arrives.
   */
  getAllBySkip<T = unknown>(
    path: string,
    pageSize: number,
    options?: GraphRequestOptions,
    keep?: (item: T) => boolean,
  ): Promise<T[]> {
    return collectSkipPages<T>(path, pageSize, (target) => this.get<ODataPage<T>>(target, options), keep);
  }

  /**
   * The single request path. Resolves with the response for 2xx; throws GraphRequestError otherwise, after
   * retrying what can be retried.
   */
  async request<T = unknown>(
    method: HttpMethod,
    path: string,
    body?: unknown,
    options: GraphRequestOptions = {},
  ): Promise<GraphResponse<T>> {
    const { retry, clock } = this.settings;
    const started = clock.now();
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.attempt<T>(method, path, body, options);
      if (outcome.ok) {
        return outcome.response;
      }
      const retriable =
        outcome.retriable && (outcome.error.status !== 0 || options.retryNetworkErrors !== false);
      if (!retriable) {
        throw new GraphRequestError({ ...outcome.error, attempts: attempt });
      }
      const decision = planRetry(
        retry,
        { attempt, elapsedMs: clock.now() - started, retryAfterMs: outcome.error.retryAfterMs },
        this.settings.random(),
      );
      const entry = {
        method,
        path: outcome.error.path,
        attempt,
        status: outcome.error.status,
        code: outcome.error.code,
      };
      if (!decision.retry) {
        this.log({ event: "give-up", ...entry, reason: decision.reason });
        throw new GraphRequestError({ ...outcome.error, attempts: attempt, gaveUp: decision.reason });
      }
      this.log({ event: "retry", ...entry, delayMs: decision.delayMs, source: decision.source });
      this.stats.retries += 1;
      await clock.sleep(decision.delayMs);
    }
  }

  /**
   * `$batch` in chunks of 20. Inner responses are matched by id (Graph returns them in any order); inner
   * 429/503/504 are sent again, only those, after the longest inner Retry-After (or backoff), within the same
   * retry limits as single requests. Results come back in the order of `requests`; inner failures are reported
   * per result (`ok: false`, `error`), not thrown. A failure of the `$batch` call itself is thrown.
   */
  async batch<T = unknown>(
    requests: readonly BatchRequest[],
    options: GraphRequestOptions = {},
  ): Promise<BatchResult<T>[]> {
    const identified = assignBatchIds(requests);
    const results = new Map<string, BatchResult<T>>();
    const chunks = chunk(identified, MAX_BATCH_SIZE);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < chunks.length) {
        const current = chunks[next];
        next += 1;
        await this.runBatchChunk<T>(current, results, options);
      }
    };
    const workers = Array.from(
      { length: Math.max(1, Math.min(this.settings.batchConcurrency, chunks.length)) },
      worker,
    );
    await Promise.all(workers);
    return identified.map((request) => results.get(request.id.toLowerCase()) as BatchResult<T>);
  }

  private async runBatchChunk<T>(
    requests: IdentifiedBatchRequest[],
    results: Map<string, BatchResult<T>>,
    options: GraphRequestOptions,
  ): Promise<void> {
    const { retry, clock } = this.settings;
    const started = clock.now();
    let pending = requests;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const response = await this.request<unknown>(
        "POST",
        "/$batch",
        { requests: pending.map(toWireRequest) },
        options,
      );
      const byId = indexBatchResponses(response.body);
      const again: { request: IdentifiedBatchRequest; response: WireBatchResponse | undefined }[] = [];
      let retryAfterMs: number | undefined;
      for (const request of pending) {
        const inner = byId.get(request.id.toLowerCase());
        const status = innerStatus(inner);
        if (inner === undefined || isRetriableStatus(status, retry)) {
          again.push({ request, response: inner });
          const wait =
            inner &&
            parseRetryAfterMs(headerValue(normalizeHeaders(inner.headers), "retry-after"), clock.now());
          if (wait !== undefined) {
            retryAfterMs = Math.max(retryAfterMs ?? 0, wait);
          }
        } else {
          results.set(request.id.toLowerCase(), toBatchResult<T>(request, inner, attempt));
        }
      }
      if (again.length === 0) {
        return;
      }
      const decision = planRetry(
        retry,
        { attempt, elapsedMs: clock.now() - started, retryAfterMs },
        this.settings.random(),
      );
      const entry = {
        method: "POST",
        path: "/$batch",
        attempt,
        status: innerStatus(again[0].response),
        innerRequests: again.length,
      };
      if (!decision.retry) {
        this.log({ event: "give-up", ...entry, reason: decision.reason });
        for (const { request, response: inner } of again) {
          results.set(request.id.toLowerCase(), toBatchResult<T>(request, inner, attempt, decision.reason));
        }
        return;
      }
      this.log({ event: "retry", ...entry, delayMs: decision.delayMs, source: decision.source });
      this.stats.retries += 1;
      await clock.sleep(decision.delayMs);
      pending = again.map(({ request }) => request);
    }
  }

  /** One attempt through the SDK. Never throws: every failure is classified for the retry loop. */
  private async attempt<T>(
    method: HttpMethod,
    path: string,
    body: unknown,
    options: GraphRequestOptions,
  ): Promise<Attempt<T>> {
    const version = options.version ?? this.settings.version;
    const target = this.absoluteUrl(path, version);
    const base = { method, path: displayPath(target, this.endpoint.origin) };
    if (target === undefined) {
      return {
        ok: false,
        retriable: false,
        error: {
          ...base,
          path,
          kind: "client",
          status: 0,
          detail: `only ${this.endpoint.origin} is contacted (it holds the access token); this URL points elsewhere`,
        },
      };
    }
    this.stats.requests += 1;
    let raw: Response;
    let text: string;
    try {
      let request: GraphRequest = this.sdk
        .api(target)
        .responseType(ResponseType.RAW)
        .headers(options.headers ?? {});
      if (this.settings.retry.attemptTimeoutMs > 0) {
        request = request.option("signal", AbortSignal.timeout(this.settings.retry.attemptTimeoutMs));
      }
      raw = (await sendWith(request, method, body)) as Response;
      // Read the body inside the same try: a connection dropped mid-body is a network failure like any other.
      text = await raw.text();
    } catch (error) {
      const failure: MiddlewareFailure = readMiddlewareFailure(error) ?? classifyOther(error);
      return {
        ok: false,
        retriable: failure.retriable,
        error: {
          ...base,
          kind: failure.kind,
          status: 0,
          code: failure.code,
          detail: redactSecrets(failure.detail, this.settings.tokens.secrets),
        },
      };
    }
    const parsedBody = parseBody(text, raw.headers.get("content-type"));
    if (raw.status >= 200 && raw.status < 300) {
      return {
        ok: true,
        response: {
          status: raw.status,
          headers: raw.headers,
          body: parsedBody as T | undefined,
          location: raw.headers.get("location") ?? undefined,
        },
      };
    }
    const parsed = parseGraphErrorBody(parsedBody ?? text);
    return {
      ok: false,
      retriable: isRetriableStatus(raw.status, this.settings.retry),
      error: {
        ...base,
        kind: "http",
        status: raw.status,
        code: parsed.code,
        detail: redactSecrets(
          parsed.message ?? (raw.statusText || `HTTP ${raw.status}`),
          this.settings.tokens.secrets,
        ),
        requestId: parsed.requestId ?? raw.headers.get("request-id") ?? undefined,
        clientRequestId: parsed.clientRequestId ?? raw.headers.get("client-request-id") ?? undefined,
        date: parsed.date,
        retryAfterMs: parseRetryAfterMs(raw.headers.get("retry-after"), this.settings.clock.now()),
        body: text === "" ? undefined : redactSecrets(text, this.settings.tokens.secrets).slice(0, 4000),
      },
    };
  }

  /**
   * Always hands the SDK an absolute URL: its path parser treats any "https://" in a relative path (say in a
   * $filter value) as the start of a host. Absolute inputs (nextLink, Location) must be on our origin; undefined
   * means "elsewhere" and is refused, so the token never leaves the configured endpoint.
   */
  private absoluteUrl(path: string, version: string): string | undefined {
    if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
      try {
        return new URL(path).origin === this.endpoint.origin ? path : undefined;
      } catch {
        return undefined;
      }
    }
    return `${this.endpoint.baseUrl}${version}/${path.replace(/^\/+/, "")}`;
  }

  private log(entry: GraphLogEntry): void {
    if (this.retryLog.length >= 1000) {
      this.retryLog.shift();
    }
    this.retryLog.push(entry);
    this.settings.logger?.(entry);
  }
}

function sendWith(request: GraphRequest, method: HttpMethod, body: unknown): Promise<unknown> {
  switch (method) {
    case "GET":
      return request.get();
    case "POST":
      return request.post(body);
    case "PATCH":
      return request.patch(body);
    case "PUT":
      return request.put(body);
    case "DELETE":
      return request.delete();
  }
}

function classifyOther(error: unknown): MiddlewareFailure {
  // The SDK's own client-side errors (GraphClientError without our marker) are programming errors: no retry.
  if (error instanceof Error && error.name === "GraphClientError") {
    return { kind: "client", detail: error.message, retriable: false, cause: error };
  }
  return classifyNetworkError(error);
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text === "") {
    return undefined;
  }
  if (contentType !== null && /json/i.test(contentType)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** `/users?$top=5` for `https://host/v1.0/users?$top=5`: what error messages and logs show. */
export function displayPath(url: string | undefined, origin: string): string {
  if (url === undefined) {
    return "";
  }
  const rest = url.startsWith(origin) ? url.slice(origin.length) : url;
  return rest.replace(/^\/(v1\.0|beta)(?=\/)/, "");
}
