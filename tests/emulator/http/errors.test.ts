import { badRequest, graphError, notFound } from "../../../src/emulator/http/errors";
import type { EmulatorCore, EmulatorRequest } from "../../../src/emulator/http/types";
import { conformance } from "../helpers/graphConformance";

/**
 * Graph's error body (microsoftgraph/microsoft-graph-docs-contrib concepts/errors.md): `error.code`, `error.message`
 * and `innerError` with `date` (UTC, no zone suffix or fraction), `request-id` and `client-request-id`.
 */
const AT = Date.UTC(2026, 0, 1, 8, 0, 0, 123);
const core = { clock: { now: () => AT } } as unknown as EmulatorCore;
const request = (headers: Record<string, string> = {}) =>
  ({ requestId: "11111111-0000-0000-0000-000000000001", headers }) as unknown as EmulatorRequest;

describe("graphError", () => {
  it("has Graph's shape: code, message, innerError with date and request ids", () => {
    const res = graphError(core, request(), 429, "TooManyRequests", "slow down", { "Retry-After": "3" });
    expect(res).toEqual({
      status: 429,
      headers: { "Retry-After": "3" },
      body: {
        error: {
          code: "TooManyRequests",
          message: "slow down",
          innerError: {
            date: "2026-01-01T08:00:00",
            "request-id": "11111111-0000-0000-0000-000000000001",
            "client-request-id": "11111111-0000-0000-0000-000000000001",
          },
        },
      },
    });
    expect(conformance("microsoft.graph.publicErrorResponse", res.body as Record<string, unknown>)).toEqual(
      [],
    );
  });

  it("echoes the client's client-request-id so the caller can correlate its log", () => {
    const res = graphError(core, request({ "client-request-id": "mine" }), 400, "BadRequest", "m");
    expect((res.body as { error: { innerError: Record<string, string> } }).error.innerError).toMatchObject({
      "client-request-id": "mine",
      "request-id": "11111111-0000-0000-0000-000000000001",
    });
  });

  it("cannot let extra inner fields overwrite the date or the request ids", () => {
    const res = graphError(
      core,
      request(),
      400,
      "BadRequest",
      "m",
      {},
      { date: "forged", "request-id": "forged" },
    );
    const inner = (res.body as { error: { innerError: Record<string, string> } }).error.innerError;
    expect(inner.date).toBe("2026-01-01T08:00:00");
    expect(inner["request-id"]).toBe("11111111-0000-0000-0000-000000000001");
  });
});

describe("notFound / badRequest", () => {
  it.each([
    [
      "notFound",
      notFound(core, request(), "ghost"),
      404,
      "Request_ResourceNotFound",
      "Resource 'ghost' does not exist or one of its queried reference-property objects are not present.",
    ],
    ["badRequest", badRequest(core, request(), "bad $top"), 400, "Request_BadRequest", "bad $top"],
    ["badRequest with a code", badRequest(core, request(), "m", "BadRequest"), 400, "BadRequest", "m"],
  ])("%s answers the directory's status and code", (_what, res, status, code, message) => {
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error: { code, message } });
  });
});
