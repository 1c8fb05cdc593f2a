/**
 * The middleware chain we give the SDK instead of its default one:
 *   BearerTokenHandler → (SDK) TelemetryHandler → FetchTransport
 * The SDK's RetryHandler is left out on purpose: our own loop (client.ts) retries, so that fractional
 * Retry-After, the total time budget, inner `$batch` retries and the retry log follow one policy; two retry
 * layers would multiply attempts. RedirectHandler is left out too: no redirects are followed (fetch runs with
 * `redirect: "manual"`), so the token can never follow one to another host.
 */
import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { classifyNetworkError } from "./networkErrors";
import { toMiddlewareError } from "./middlewareFailure";
import type { AccessTokenSource } from "./tokenSource";
import { redactSecrets } from "./redact";

export function requestUrl(request: Context["request"]): string {
  return typeof request === "string" ? request : (request as Request).url;
}

/** Same scheme, host and port as the configured endpoint, and HTTPS. Stricter than the SDK's host check, which ignores ports. */
export function isTokenOrigin(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" && parsed.origin === origin;
  } catch {
    return false;
  }
}

function setHeader(context: Context, name: string, value: string | undefined): void {
  const options = (context.options ??= {});
  if (typeof Headers !== "undefined" && options.headers instanceof Headers) {
    if (value === undefined) {
      options.headers.delete(name);
    } else {
      options.headers.set(name, value);
    }
    return;
  }
  const headers = { ...((options.headers as Record<string, string> | undefined) ?? {}) };
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === name.toLowerCase()) {
      delete headers[key];
    }
  }
  if (value !== undefined) {
    headers[name] = value;
  }
  options.headers = headers;
}

export class BearerTokenHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly tokens: AccessTokenSource,
    private readonly origin: string,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (isTokenOrigin(requestUrl(context.request), this.origin)) {
      let token: string;
      try {
        token = await this.tokens.getAccessToken();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw toMiddlewareError({
          kind: "auth",
          detail: redactSecrets(message, this.tokens.secrets),
          retriable: false,
          cause: undefined, // the credential error may quote request details; its redacted message is enough
        });
      }
      setHeader(context, "Authorization", `Bearer ${token}`);
    } else {
      setHeader(context, "Authorization", undefined);
    }
    if (!this.next) {
      throw new Error("BearerTokenHandler has no next middleware");
    }
    await this.next.execute(context);
  }
}

export class FetchTransport implements Middleware {
  /** @param dispatcher an undici Agent carrying the private CA, or undefined for the default trust store. */
  constructor(private readonly dispatcher: unknown) {}

  async execute(context: Context): Promise<void> {
    const init: Record<string, unknown> = {
      ...(context.options as Record<string, unknown>),
      redirect: "manual",
    };
    if (this.dispatcher !== undefined) {
      init.dispatcher = this.dispatcher;
    }
    try {
      context.response = await fetch(context.request as string | Request, init as RequestInit);
    } catch (error) {
      throw toMiddlewareError(classifyNetworkError(error));
    }
  }
}
