import { GraphRequestError } from "../../src/graph";
import { clientFor } from "./helpers/clientFixtures";
import { startTestServer } from "./helpers/httpsTestServer";
import type { TestServer } from "./helpers/httpsTestServer";

describe("GraphClient paging over HTTPS", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  it("follows @odata.nextLink verbatim across pages (empty page included) and resends headers", async () => {
    server.setHandler((request) => {
      const token = new URL(request.url, server.origin).searchParams.get("$skiptoken");
      const pages: Record<string, { value: unknown[]; next?: string }> = {
        none: { value: [{ id: "u1" }, { id: "u2" }], next: "p2" },
        p2: { value: [], next: "p3==" },
        "p3==": { value: [{ id: "u3" }] },
      };
      const page = pages[token ?? "none"];
      return {
        json: {
          "@odata.context": `${server.origin}/v1.0/$metadata#users`,
          value: page.value,
          ...(page.next
            ? { "@odata.nextLink": `${server.origin}/v1.0/users?$select=id&$skiptoken=${page.next}` }
            : {}),
        },
      };
    });
    const { client } = clientFor(server);
    const users = await client.getAll<{ id: string }>("/users?$select=id", {
      headers: { ConsistencyLevel: "eventual" },
    });
    expect(users.map((u) => u.id)).toEqual(["u1", "u2", "u3"]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1.0/users?$select=id",
      "/v1.0/users?$select=id&$skiptoken=p2",
      "/v1.0/users?$select=id&$skiptoken=p3==",
    ]);
    expect(server.requests.map((r) => r.headers.consistencylevel)).toEqual([
      "eventual",
      "eventual",
      "eventual",
    ]);
  });

  it("pages with $top/$skip until a short page", async () => {
    const numbers = Array.from({ length: 7 }, (_, i) => ({ telephoneNumber: `+3491000000${i}` }));
    server.setHandler((request) => {
      const params = new URL(request.url, server.origin).searchParams;
      const top = Number(params.get("$top"));
      const skip = Number(params.get("$skip"));
      return { json: { value: numbers.slice(skip, skip + top) } };
    });
    const { client } = clientFor(server);
    const all = await client.getAllBySkip(
      "/admin/teams/telephoneNumberManagement/numberAssignments?$filter=numberType eq 'directRouting'",
      3,
    );
    expect(all).toEqual(numbers);
    expect(server.requests.map((r) => new URL(r.url, server.origin).searchParams.get("$skip"))).toEqual([
      "0",
      "3",
      "6",
    ]);
    expect(new URL(server.requests[0].url, server.origin).searchParams.get("$filter")).toBe(
      "numberType eq 'directRouting'",
    );
  });

  it("with keep, returns only the kept items, and still pages by what the server sent", async () => {
    const numbers = Array.from({ length: 7 }, (_, i) => ({ telephoneNumber: `+3491000000${i}` }));
    server.setHandler((request) => {
      const params = new URL(request.url, server.origin).searchParams;
      const skip = Number(params.get("$skip"));
      return { json: { value: numbers.slice(skip, skip + Number(params.get("$top"))) } };
    });
    const { client } = clientFor(server);
    const kept = await client.getAllBySkip<{ telephoneNumber: string }>(
      "/admin/teams/telephoneNumberManagement/numberAssignments",
      3,
      undefined,
      // Keeps one item of the first page and none of the second: a filtered page is not a short page.
      (n) => n.telephoneNumber.endsWith("1") || n.telephoneNumber.endsWith("6"),
    );
    expect(kept.map((n) => n.telephoneNumber)).toEqual(["+34910000001", "+34910000006"]);
    expect(server.requests).toHaveLength(3);
  });

  it("asks for one more page when the last page is exactly full", async () => {
    server.setHandler((request) => {
      const skip = Number(new URL(request.url, server.origin).searchParams.get("$skip"));
      return { json: { value: skip === 0 ? [{ n: 1 }, { n: 2 }] : [] } };
    });
    const { client } = clientFor(server);
    await expect(
      client.getAllBySkip("/admin/teams/telephoneNumberManagement/numberAssignments", 2),
    ).resolves.toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it("refuses a nextLink to another host without sending anything there", async () => {
    server.setHandler(() => ({
      json: {
        value: [{ id: "u1" }],
        "@odata.nextLink": "https://graph.microsoft.com/v1.0/users?$skiptoken=x",
      },
    }));
    const { client } = clientFor(server);
    const error = (await client.getAll("/users").catch((e: unknown) => e)) as GraphRequestError;
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ kind: "client", status: 0 });
    expect(error.message).toContain(`only ${server.origin} is contacted`);
    expect(server.requests).toHaveLength(1);
  });

  it("stops on a nextLink that repeats a page", async () => {
    server.setHandler(() => ({
      json: { value: [], "@odata.nextLink": `${server.origin}/v1.0/users?$skiptoken=same` },
    }));
    const { client } = clientFor(server);
    await expect(client.getAll("/users")).rejects.toThrow("@odata.nextLink repeats a page already read");
  });
});
