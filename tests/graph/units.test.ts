/** Small pure pieces: redaction, network error classification, token origin check, $batch helpers, paging query. */
import { redactSecrets, withQuery } from "../../src/graph";
import { assignBatchIds, chunk, indexBatchResponses, toWireRequest } from "../../src/graph/batch";
import { isTokenOrigin } from "../../src/graph/middleware";
import { classifyNetworkError } from "../../src/graph/networkErrors";

describe("redactSecrets", () => {
  it("removes bearer tokens, JWTs and listed secrets", () => {
    expect(
      redactSecrets("Authorization: Bearer abc.def-ghi== and eyJhbGciOi.eyJzdWIiOi.c2ln, secret hunter22!", [
        "hunter22!",
      ]),
    ).toBe("Authorization: Bearer [redacted] and [redacted], secret [redacted]");
    expect(redactSecrets("short ab", ["ab"])).toBe("short ab");
  });
});

describe("classifyNetworkError", () => {
  const fetchFailed = (cause: unknown): Error => Object.assign(new TypeError("fetch failed"), { cause });
  it("separates TLS (not retried), timeouts and socket failures", () => {
    expect(
      classifyNetworkError(
        fetchFailed(
          Object.assign(new Error("self-signed certificate"), { code: "DEPTH_ZERO_SELF_SIGNED_CERT" }),
        ),
      ),
    ).toMatchObject({ kind: "tls", retriable: false });
    expect(
      classifyNetworkError(
        fetchFailed(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" })),
      ),
    ).toMatchObject({ kind: "network", code: "ECONNREFUSED", retriable: true });
    expect(
      classifyNetworkError(new DOMException("The operation was aborted due to timeout", "TimeoutError")),
    ).toMatchObject({ kind: "timeout", retriable: true });
    // Cross-realm re-wrapping loses `code`; the message still tells.
    expect(classifyNetworkError(fetchFailed(new Error("SocketError: other side closed")))).toMatchObject({
      kind: "network",
      code: "UND_ERR_SOCKET",
      detail: "other side closed",
    });
  });
});

describe("isTokenOrigin", () => {
  it("accepts only https on the exact origin", () => {
    expect(isTokenOrigin("https://127.0.0.1:8443/v1.0/users", "https://127.0.0.1:8443")).toBe(true);
    expect(isTokenOrigin("http://127.0.0.1:8443/v1.0/users", "https://127.0.0.1:8443")).toBe(false);
    expect(isTokenOrigin("https://127.0.0.1:9999/v1.0/users", "https://127.0.0.1:8443")).toBe(false);
    expect(isTokenOrigin("https://graph.microsoft.com/v1.0/users", "https://127.0.0.1:8443")).toBe(false);
  });
});

describe("$batch helpers", () => {
  it("numbers requests from 1 and keeps given ids", () => {
    expect(
      assignBatchIds([
        { method: "GET", url: "/a" },
        { id: "x", method: "GET", url: "/b" },
      ]).map((r) => r.id),
    ).toEqual(["1", "x"]);
  });
  it("chunks 45 into 20/20/5", () => {
    expect(
      chunk(
        Array.from({ length: 45 }, (_, i) => i),
        20,
      ).map((c) => c.length),
    ).toEqual([20, 20, 5]);
  });
  it("keeps a caller's Content-Type and indexes responses by id case-insensitively", () => {
    expect(
      toWireRequest({
        id: "1",
        method: "PATCH",
        url: "/u",
        headers: { "content-type": "application/json" },
        body: {},
      }).headers,
    ).toEqual({ "content-type": "application/json" });
    expect([
      ...indexBatchResponses({ responses: [{ id: "AbC", status: 200 }, { status: 1 }] }).keys(),
    ]).toEqual(["abc"]);
  });
});

describe("withQuery", () => {
  it("appends to paths with and without a query", () => {
    expect(withQuery("/a", { $top: 5, $skip: 0 })).toBe("/a?$top=5&$skip=0");
    expect(withQuery("/a?$filter=x", { $top: 5 })).toBe("/a?$filter=x&$top=5");
  });
});
