import { formatGraphErrorMessage, GraphRequestError, parseGraphErrorBody } from "../../src/graph";

describe("parseGraphErrorBody", () => {
  it("reads code, message and the request id from nested innerErrors", () => {
    const body = {
      error: {
        code: "TooManyRequests",
        message: "Please retry again later.",
        innerError: {
          code: "429",
          innerError: { "request-id": "94fb3b52", date: "2020-08-18T12:51:51", "client-request-id": "c1" },
        },
      },
    };
    expect(parseGraphErrorBody(JSON.stringify(body))).toEqual({
      code: "TooManyRequests",
      message: "Please retry again later.",
      requestId: "94fb3b52",
      clientRequestId: "c1",
      date: "2020-08-18T12:51:51",
    });
  });

  it("tolerates `innererror`, non-JSON and empty bodies", () => {
    expect(
      parseGraphErrorBody({ error: { code: "x", message: "m", innererror: { "request-id": "r" } } }),
    ).toEqual({ code: "x", message: "m", requestId: "r" });
    expect(parseGraphErrorBody("<html>Bad gateway</html>")).toEqual({ message: "<html>Bad gateway</html>" });
    expect(parseGraphErrorBody("")).toEqual({});
    expect(parseGraphErrorBody({ value: [] })).toEqual({});
  });
});

describe("GraphRequestError", () => {
  it("carries the fields and a one-line message", () => {
    const error = new GraphRequestError({
      kind: "http",
      method: "POST",
      path: "/groups/0f1e/assignLicense",
      status: 400,
      code: "Request_BadRequest",
      detail: "Subscription with SKU 06ebc4ee does not have any available licenses.",
      requestId: "abc-123",
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("GraphRequestError");
    expect(error.message).toBe(
      "POST /groups/0f1e/assignLicense → 400 Request_BadRequest: Subscription with SKU 06ebc4ee does not have any available licenses. (request-id abc-123)",
    );
    expect(error.message).not.toContain("\n");
    expect(error).toMatchObject({
      method: "POST",
      status: 400,
      code: "Request_BadRequest",
      requestId: "abc-123",
      attempts: 1,
      isNotFound: false,
    });
  });

  it("formats status-0 failures by kind", () => {
    const base = { method: "GET", path: "/users", status: 0 };
    expect(
      formatGraphErrorMessage({ ...base, kind: "network", code: "ECONNRESET", detail: "socket hang up" }),
    ).toBe("GET /users → network error (ECONNRESET): socket hang up");
    expect(
      formatGraphErrorMessage({
        ...base,
        kind: "timeout",
        detail: "no answer",
        gaveUp: "gave up after 6 attempts in 90 s",
      }),
    ).toBe("GET /users → timed out: no answer; gave up after 6 attempts in 90 s");
    expect(
      formatGraphErrorMessage({ ...base, kind: "auth", detail: "ClientSecretCredential … AADSTS7000215" }),
    ).toBe("GET /users → authentication failed: ClientSecretCredential … AADSTS7000215");
  });

  it("shortens very long paths", () => {
    const message = formatGraphErrorMessage({
      kind: "http",
      method: "GET",
      path: `/users?$skiptoken=${"x".repeat(500)}`,
      status: 500,
      detail: "boom",
    });
    expect(message.length).toBeLessThan(220);
  });
});
