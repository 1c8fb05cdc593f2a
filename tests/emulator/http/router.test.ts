import { RouteTable } from "../../../src/emulator/http/router";
import type { RouteDef, RouteHandler } from "../../../src/emulator/http/types";
import { createRouteTable } from "../../../src/emulator/routes";
import { startTestEmulator, type TestEmulator } from "../helpers/client";

const handler: RouteHandler = () => ({ status: 204 });
const route = (method: RouteDef["method"], template: string): RouteDef => ({ method, template, handler });

/** What a match resolved to, in a form that reads in an assertion. */
function resolve(table: RouteTable, method: string, path: string) {
  const m = table.match(method, path);
  if (m === undefined) return "no route";
  if ("methodNotAllowed" in m) return "method not allowed";
  return { key: m.key, params: m.params };
}

describe("RouteTable.match", () => {
  const table = new RouteTable().add([
    route("GET", "/v1.0/users/{id}"),
    route("GET", "/v1.0/users/delta"),
    route("GET", "/v1.0/groups/{id}/members"),
    route("DELETE", "/v1.0/groups/{groupId}/members/{memberId}/$ref"),
    route("GET", "/v1.0/operations('{id}')"),
    route("POST", "/v1.0/$batch"),
    route("GET", "/v1.0/$batch"),
  ]);

  it("captures each placeholder by name", () => {
    expect(resolve(table, "DELETE", "/v1.0/groups/g-1/members/u-2/$ref")).toEqual({
      key: "DELETE /v1.0/groups/{groupId}/members/{memberId}/$ref",
      params: { groupId: "g-1", memberId: "u-2" },
    });
    expect(resolve(table, "GET", "/v1.0/users/ana@villa.example")).toEqual({
      key: "GET /v1.0/users/{id}",
      params: { id: "ana@villa.example" },
    });
  });

  it("prefers a literal template to a placeholder, whatever the order they were added in", () => {
    expect(resolve(table, "GET", "/v1.0/users/delta")).toEqual({ key: "GET /v1.0/users/delta", params: {} });
  });

  it("never lets a placeholder span a '/'", () => {
    expect(resolve(table, "GET", "/v1.0/users/a/b")).toBe("no route");
    expect(resolve(table, "GET", "/v1.0/groups/a/b/members")).toBe("no route");
  });

  it("takes regular-expression characters in a template literally ($, ., parentheses, quotes)", () => {
    expect(resolve(table, "GET", "/v1.0/operations('op-1')")).toEqual({
      key: "GET /v1.0/operations('{id}')",
      params: { id: "op-1" },
    });
    expect(resolve(table, "POST", "/v1x0/$batch")).toBe("no route");
    expect(resolve(table, "POST", "/v1.0/batch")).toBe("no route");
    expect(resolve(table, "GET", "/v1.0/operations(op-1)")).toBe("no route");
  });

  it("matches paths case-insensitively and with a trailing slash (assumed: Graph ignores both)", () => {
    expect(resolve(table, "GET", "/V1.0/Users/Delta/")).toEqual({ key: "GET /v1.0/users/delta", params: {} });
    expect(resolve(table, "GET", "/v1.0/GROUPS/G-1/Members")).toEqual({
      key: "GET /v1.0/groups/{id}/members",
      params: { id: "G-1" },
    });
  });

  it("picks the route of the request's method among several on one path", () => {
    expect(resolve(table, "POST", "/v1.0/$batch")).toEqual({ key: "POST /v1.0/$batch", params: {} });
    expect(resolve(table, "GET", "/v1.0/$batch")).toEqual({ key: "GET /v1.0/$batch", params: {} });
  });

  it("tells a path no route serves from a path served for other methods only", () => {
    expect(resolve(table, "GET", "/v1.0/devices")).toBe("no route");
    expect(resolve(table, "PATCH", "/v1.0/users/u-1")).toBe("method not allowed");
    expect(resolve(table, "DELETE", "/v1.0/$batch")).toBe("method not allowed");
  });

  it("only matches whole paths", () => {
    expect(resolve(table, "GET", "/beta/v1.0/users/u-1")).toBe("no route");
    expect(resolve(table, "GET", "/v1.0/users/u-1/manager")).toBe("no route");
  });
});

describe("RouteTable.add", () => {
  it("refuses a method and template registered twice, naming them", () => {
    const table = new RouteTable().add([route("GET", "/v1.0/users")]);
    expect(() => table.add([route("GET", "/v1.0/users")])).toThrow("route GET /v1.0/users registered twice");
    expect(() => table.add([route("POST", "/v1.0/users")])).not.toThrow();
  });

  it("lists its keys as METHOD template, literal templates first", () => {
    const table = new RouteTable()
      .add([route("GET", "/a/{id}"), route("POST", "/a/{id}/b/{c}")])
      .add([route("GET", "/a/list")]);
    expect(table.keys()).toEqual(["GET /a/list", "GET /a/{id}", "POST /a/{id}/b/{c}"]);
  });
});

describe("the emulator's route table", () => {
  const table = createRouteTable();

  it("serves the literal actions beside a placeholder on the same collection", () => {
    const base = "/v1.0/admin/teams/telephoneNumberManagement/numberAssignments";
    expect(resolve(table, "POST", `${base}/assignNumber`)).toEqual({
      key: `POST ${base}/assignNumber`,
      params: {},
    });
    expect(resolve(table, "GET", `${base}/+34915550001`)).toEqual({
      key: `GET ${base}/{id}`,
      params: { id: "+34915550001" },
    });
    expect(resolve(table, "POST", `${base}/+34915550001`)).toBe("method not allowed");
  });

  it("reads an operation id from the key-in-parentheses form Graph's Location header uses", () => {
    expect(
      resolve(table, "GET", "/v1.0/admin/teams/telephoneNumberManagement/operations('7b0f9e8c')"),
    ).toEqual({
      key: "GET /v1.0/admin/teams/telephoneNumberManagement/operations('{id}')",
      params: { id: "7b0f9e8c" },
    });
  });
});

describe("unmatched requests over HTTP", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  // graph-teams-licensing.md §5.1 (concepts/errors.md): 405 Request_BadRequest with this message.
  it("answers 405 Request_BadRequest to a method the path does not take", async () => {
    const reply = await t.client.call("PATCH", "/v1.0/groups");
    expect(reply.status).toBe(405);
    expect(reply.body.error.code).toBe("Request_BadRequest");
    expect(reply.body.error.message).toBe("Specified HTTP method is not allowed for the request target.");
  });

  // Graph answers an unknown segment with 400 BadRequest "Resource not found for the segment '…'", not 404 (assumed:
  // observed Graph behaviour, not in the docs); 404 Request_ResourceNotFound is for a known route's missing object.
  it("answers 400 naming the segment when no route serves the path", async () => {
    const reply = await t.client.get("/v1.0/devices");
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("BadRequest");
    expect(reply.body.error.message).toBe("Resource not found for the segment 'devices'.");
  });

  it("answers 404 Request_ResourceNotFound for a routed path whose object does not exist", async () => {
    const reply = await t.client.get("/v1.0/users/nobody@villa.example");
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe("Request_ResourceNotFound");
  });

  it("counts neither refusal against a route", async () => {
    await t.client.call("POST", "/_emulator/reset-counters");
    await t.client.call("PATCH", "/v1.0/groups");
    await t.client.get("/v1.0/devices");
    await t.client.get("/v1.0/groups");
    const counters = (await t.client.get("/_emulator/counters")).body;
    expect(counters.requests).toBe(1);
    expect(Object.keys(counters.byRoute)).toEqual(["GET /v1.0/groups"]);
  });
});
