import type { GraphClient } from "../../../src/graph";
import { resolveUsers, userPath } from "../../../src/teams/numbers/users";

type Answer = { status: number; body?: unknown; error?: Error };

function client(answers: Record<string, Answer>) {
  const sent: string[][] = [];
  const graph = {
    batch: async (requests: { method: string; url: string }[]) => {
      sent.push(requests.map((r) => r.url));
      return requests.map((r, i) => {
        // Graph matches a principal name case-insensitively.
        const a = answers[r.url.toLowerCase()] ?? { status: 404 };
        return {
          id: String(i),
          headers: {},
          ok: a.status < 400,
          status: a.status,
          body: a.body,
          error: a.error,
        };
      });
    },
  };
  return { client: graph as unknown as GraphClient, sent };
}

describe("userPath", () => {
  it.each([
    ["ana@villa.example", "/users/ana%40villa.example?$select=id"],
    // A UPN is data: nothing in it may change the request (another path, a query, a fragment).
    ["x/../../groups@villa.example", "/users/x%2F..%2F..%2Fgroups%40villa.example?$select=id"],
    ["a?$filter=1#@villa.example", "/users/a%3F%24filter%3D1%23%40villa.example?$select=id"],
    ["o'brien@villa.example", "/users/o'brien%40villa.example?$select=id"],
  ])("%s → %s", (upn, path) => {
    expect(userPath(upn)).toBe(path);
  });
});

describe("resolveUsers", () => {
  it("maps each UPN (case-insensitively, looked up once) to its object id or the reason it has none", async () => {
    const c = client({
      [userPath("ana@villa.example")]: { status: 200, body: { id: "id-ana" } },
      [userPath("luis@villa.example")]: { status: 503, error: new Error("service unavailable") },
    });
    const found = await resolveUsers(c.client, [
      "ana@villa.example",
      "ANA@villa.example",
      "luis@villa.example",
      "ghost@villa.example",
    ]);
    expect(c.sent).toHaveLength(1);
    expect(c.sent[0].map((u) => u.toLowerCase())).toEqual([
      userPath("ana@villa.example"),
      userPath("luis@villa.example"),
      userPath("ghost@villa.example"),
    ]);
    expect(Object.fromEntries(found)).toEqual({
      "ana@villa.example": { id: "id-ana" },
      "luis@villa.example": { reason: "looking the user up failed: service unavailable" },
      "ghost@villa.example": { reason: 'no user has the principal name "ghost@villa.example" (404)' },
    });
  });

  it("does not take a 200 without an id as a user", async () => {
    const c = client({ [userPath("ana@villa.example")]: { status: 200, body: {} } });
    expect((await resolveUsers(c.client, ["ana@villa.example"])).get("ana@villa.example")).toHaveProperty(
      "reason",
    );
  });
});
