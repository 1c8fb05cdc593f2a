/**
 * Carries a classified failure out of our middleware through the SDK. `GraphRequest.send` rethrows
 * `GraphClientError`s untouched but turns every other error into a `GraphError` that drops `cause` (and with it
 * the TLS or socket error code we need). `GraphClientError` pins its own prototype, so it cannot be subclassed
 * usefully; the failure rides along as a plain property instead.
 */
import { GraphClientError } from "@microsoft/microsoft-graph-client";
import type { GraphErrorKind } from "./errors";

const FAILURE_PROPERTY = "graphLayerFailure";

export interface MiddlewareFailure {
  kind: Exclude<GraphErrorKind, "http">;
  code?: string;
  detail: string;
  retriable: boolean;
  cause: unknown;
}

export function toMiddlewareError(failure: MiddlewareFailure): Error {
  const error = new GraphClientError(failure.detail);
  Object.defineProperty(error, FAILURE_PROPERTY, { value: failure, enumerable: false });
  return error;
}

export function readMiddlewareFailure(error: unknown): MiddlewareFailure | undefined {
  if (typeof error === "object" && error !== null && FAILURE_PROPERTY in error) {
    return (error as Record<string, unknown>)[FAILURE_PROPERTY] as MiddlewareFailure;
  }
  return undefined;
}
