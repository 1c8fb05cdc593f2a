/** The Graph layer's public surface (docs/graph.md). */
export { createGraphClient } from "./create";
export type { CreateGraphClientOptions } from "./create";
export { GraphClient, displayPath } from "./client";
export type { GraphClientSettings, GraphClientStats } from "./client";
export {
  GraphRequestError,
  isGraphRequestError,
  isConnectionLost,
  formatGraphErrorMessage,
  parseGraphErrorBody,
} from "./errors";
export type { GraphErrorKind, GraphRequestErrorInit, ParsedGraphErrorBody } from "./errors";
export { MAX_BATCH_SIZE } from "./batch";
export type { BatchRequest, BatchResult } from "./batch";
export type { GraphLogEntry, GraphRequestOptions, GraphResponse, HttpMethod } from "./types";
export { DEFAULT_RETRY_OPTIONS, backoffDelayMs, planRetry, resolveRetryOptions } from "./retryPolicy";
export type { RetryDecision, RetryOptions } from "./retryPolicy";
export { parseRetryAfterMs } from "./retryAfter";
export { systemClock } from "./clock";
export type { Clock } from "./clock";
export {
  DEFAULT_GRAPH_ENDPOINT,
  GRAPH_ENDPOINT_CONFIG_KEY,
  GRAPH_ENDPOINT_ENV,
  resolveGraphEndpoint,
} from "./endpoint";
export type { GraphEndpoint } from "./endpoint";
export { GRAPH_CA_FILE_ENV, loadTrustedCa } from "./tls";
export { GRAPH_STATIC_TOKEN_ENV, accessTokenSourceFromEnvironment, planCredential } from "./auth";
export type { AccessTokenSource } from "./tokenSource";
export { redactSecrets } from "./redact";
export { withQuery } from "./paging";
