/**
 * Classifies a failed fetch (or a failed body read) into timeout / TLS / network. Node's fetch rejects with
 * `TypeError("fetch failed")` whose `cause` carries the socket or TLS error code; an aborted attempt rejects
 * with a DOMException named TimeoutError or AbortError.
 */
import type { MiddlewareFailure } from "./middlewareFailure";

const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH/;
const TLS_MESSAGE =
  /self[- ]signed certificate|unable to verify|certificate has expired|altnames|ERR_TLS_CERT/i;

function codeFromMessage(message: string): string | undefined {
  const named = /^(\w+Error):/.exec(message);
  if (named?.[1] === "SocketError") {
    return "UND_ERR_SOCKET";
  }
  return /\b(E[A-Z]{3,}|UND_ERR_[A-Z_]+)\b/.exec(message)?.[1];
}

export function classifyNetworkError(error: unknown): MiddlewareFailure {
  const chain = causeChain(error);
  if (chain.some((e) => e.name === "TimeoutError" || e.name === "AbortError")) {
    return {
      kind: "timeout",
      code: "ETIMEDOUT",
      detail: "no complete response within the attempt timeout",
      retriable: true,
      cause: error,
    };
  }
  const coded = chain.find((e) => typeof e.code === "string");
  const innermost = chain[chain.length - 1];
  const rawDetail = innermost?.message || String(error);
  // When fetch and the dispatcher come from different JavaScript realms (Jest's sandbox), fetch re-wraps the
  // cause as `new Error(String(cause))` and the code is lost; recover what the message still says.
  const code = coded?.code ?? codeFromMessage(rawDetail);
  const detail = rawDetail.replace(/^\w+Error: /, "");
  if ((code !== undefined && TLS_CODE.test(code)) || TLS_MESSAGE.test(rawDetail)) {
    // A certificate that does not verify will not verify on the next attempt either.
    return { kind: "tls", code, detail, retriable: false, cause: error };
  }
  return { kind: "network", code, detail, retriable: true, cause: error };
}

interface ErrorLike {
  name?: string;
  message?: string;
  code?: unknown;
}

function causeChain(error: unknown): (ErrorLike & { code?: string })[] {
  const chain: (ErrorLike & { code?: string })[] = [];
  let current: unknown = error;
  for (let depth = 0; typeof current === "object" && current !== null && depth < 8; depth += 1) {
    const e = current as ErrorLike & { cause?: unknown };
    chain.push({ name: e.name, message: e.message, code: typeof e.code === "string" ? e.code : undefined });
    current = e.cause;
  }
  return chain;
}
