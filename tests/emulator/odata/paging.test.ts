import type { EmulatorRequest } from "../../../src/emulator/http/types";
import { collectionBody, countRequested, pageOf, type Page } from "../../../src/emulator/odata/paging";

/**
 * Paging as Graph documents it (graph-teams-licensing.md §5.4, from microsoftgraph/microsoft-graph-docs-contrib
 * `concepts/paging.md` @ be71320f984815b4492ab0a9389a0cea3fb12d9d): an absolute `@odata.nextLink` that repeats the
 * original query, `$skip` refused by directory collections, `@odata.count` on the first page only and only with
 * `ConsistencyLevel: eventual` (`concepts/aad-advanced-queries.md` @ db5e5a862a57).
 */
const ORIGIN = "https://127.0.0.1:8443";
function request(path: string, rawQuery: string, headers: Record<string, string> = {}): EmulatorRequest {
  return {
    method: "GET",
    path,
    query: new URLSearchParams(rawQuery),
    rawQuery,
    headers,
    body: undefined,
    origin: ORIGIN,
    requestId: "r-1",
  };
}
const ITEMS = Array.from({ length: 7 }, (_, i) => i);
const DIRECTORY = { defaultTop: 3, maxTop: 5, mode: "skiptoken" } as const;
const INVENTORY = { defaultTop: 3, maxTop: 5, mode: "skip" } as const;

function page(req: EmulatorRequest, opts: typeof DIRECTORY | typeof INVENTORY = DIRECTORY): Page<number> {
  const p = pageOf(ITEMS, req, opts);
  if ("status" in p) throw new Error(`refused: ${p.message}`);
  return p;
}

/** Follows nextLinks from a first request, as the JS client does (the URL verbatim). */
function follow(first: EmulatorRequest, opts: typeof DIRECTORY | typeof INVENTORY = DIRECTORY): number[][] {
  const pages: number[][] = [];
  let req: EmulatorRequest | undefined = first;
  while (req) {
    const p = page(req, opts);
    pages.push(p.items);
    if (!p.nextLink) break;
    const url = new URL(p.nextLink);
    req = request(decodeURIComponent(url.pathname), url.search.slice(1), first.headers);
  }
  return pages;
}

describe("pageOf, directory collections ($skiptoken)", () => {
  it("walks every item exactly once by following nextLinks", () => {
    expect(follow(request("/v1.0/users", "$select=id"))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(follow(request("/v1.0/users", "$top=5"))).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6],
    ]);
  });

  it("builds an absolute https nextLink from the request's origin that keeps the query as sent", () => {
    const p = page(request("/v1.0/groups/g 1/members", "$select=id,displayName&$filter=x%20eq%20'y'"));
    expect(p.nextLink).toMatch(
      /^https:\/\/127\.0\.0\.1:8443\/v1\.0\/groups\/g%201\/members\?\$select=id,displayName&\$filter=x%20eq%20'y'&\$skiptoken=[A-Za-z0-9_-]+$/,
    );
  });

  it("gives no nextLink on the last page", () => {
    expect(
      page(request("/v1.0/users", "$top=5&$skiptoken=" + skiptokenOf("$top=5"))).nextLink,
    ).toBeUndefined();
  });

  it.each([
    ["$top=0", "Invalid page size specified: '0'. Must be between 1 and 5 inclusive."],
    ["$top=6", "Invalid page size specified: '6'. Must be between 1 and 5 inclusive."],
    ["$top=two", "Invalid page size specified: 'two'. Must be between 1 and 5 inclusive."],
    ["$skip=3", "'$skip' is not supported by the service."],
    ["$skiptoken=not-a-token", "The $skiptoken is not valid; follow @odata.nextLink as returned."],
  ])("%s is 400 Request_BadRequest", (query, message) => {
    expect(pageOf(ITEMS, request("/v1.0/users", query), DIRECTORY)).toEqual({
      status: 400,
      code: "Request_BadRequest",
      message,
    });
  });
});

/** The `$skiptoken` of the first page's nextLink for this query. */
function skiptokenOf(query: string): string {
  return new URL(page(request("/v1.0/users", query)).nextLink!).searchParams.get("$skiptoken")!;
}

describe("pageOf, $top/$skip collections (the Teams number inventory)", () => {
  it("pages with $skip and replaces it in the nextLink", () => {
    const p = page(request("/v1.0/admin/teams/x", "$skip=2&$top=2"), INVENTORY);
    expect(p.items).toEqual([2, 3]);
    expect(p.nextLink).toBe(`${ORIGIN}/v1.0/admin/teams/x?$top=2&$skip=4`);
    expect(follow(request("/v1.0/admin/teams/x", ""), INVENTORY)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it.each(["-1", "1.5", "x"])("$skip=%s is refused", (skip) => {
    expect(pageOf(ITEMS, request("/v1.0/admin/teams/x", `$skip=${skip}`), INVENTORY)).toMatchObject({
      status: 400,
      message: `Invalid value '${skip}' for $skip.`,
    });
  });
});

describe("$count", () => {
  const eventual = { consistencylevel: "eventual" };

  it("counts only with ConsistencyLevel: eventual, and only on the first page", () => {
    expect(page(request("/v1.0/users", "$count=true", eventual)).count).toBe(7);
    expect(page(request("/v1.0/users", "$count=true")).count).toBeUndefined();
    const second = request("/v1.0/users", `$count=true&$skiptoken=${skiptokenOf("$count=true")}`, eventual);
    expect(page(second).count).toBeUndefined();
  });

  it("reads the header value case-insensitively and $count=true exactly", () => {
    expect(countRequested(request("/v1.0/users", "$count=true", { consistencylevel: "Eventual" }))).toBe(
      true,
    );
    expect(countRequested(request("/v1.0/users", "$count=false", eventual))).toBe(false);
  });
});

describe("collectionBody", () => {
  it("puts the annotations before value, and leaves out the ones that do not apply", () => {
    const req = request("/v1.0/users", "");
    expect(Object.keys(collectionBody(req, "users", { items: [1], nextLink: "n", count: 1 }))).toEqual([
      "@odata.context",
      "@odata.count",
      "@odata.nextLink",
      "value",
    ]);
    expect(collectionBody(req, "users", { items: [] })).toEqual({
      "@odata.context": `${ORIGIN}/v1.0/$metadata#users`,
      value: [],
    });
  });
});
