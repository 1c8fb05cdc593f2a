import { DEFAULT_GRAPH_ENDPOINT, resolveGraphEndpoint } from "../../src/graph";

describe("resolveGraphEndpoint", () => {
  it("defaults to the public Graph", () => {
    expect(resolveGraphEndpoint({ env: {} })).toEqual({
      baseUrl: DEFAULT_GRAPH_ENDPOINT,
      origin: "https://graph.microsoft.com",
      hostname: "graph.microsoft.com",
      source: "default",
    });
  });

  it("prefers argument, then TENANT_GRAPH_ENDPOINT, then stack config", () => {
    const env = { TENANT_GRAPH_ENDPOINT: "https://127.0.0.1:9443" };
    expect(
      resolveGraphEndpoint({
        argument: "https://localhost:1/",
        stackConfig: "https://graph.microsoft.us",
        env,
      }),
    ).toMatchObject({ origin: "https://localhost:1", source: "argument" });
    expect(resolveGraphEndpoint({ stackConfig: "https://graph.microsoft.us", env })).toEqual({
      baseUrl: "https://127.0.0.1:9443/",
      origin: "https://127.0.0.1:9443",
      hostname: "127.0.0.1",
      source: "environment",
    });
    expect(
      resolveGraphEndpoint({
        stackConfig: "https://graph.microsoft.us",
        env: { TENANT_GRAPH_ENDPOINT: " " },
      }),
    ).toMatchObject({ hostname: "graph.microsoft.us", source: "stack config" });
  });

  it("rejects http, paths and garbage, naming the source", () => {
    expect(() => resolveGraphEndpoint({ env: { TENANT_GRAPH_ENDPOINT: "http://127.0.0.1:8080/" } })).toThrow(
      /from TENANT_GRAPH_ENDPOINT must use https:\/\//,
    );
    expect(() => resolveGraphEndpoint({ stackConfig: "https://host/graph/" })).toThrow(
      /from tenant:graphEndpoint must be an origin/,
    );
    expect(() => resolveGraphEndpoint({ argument: "not a url" })).toThrow(
      'Graph endpoint from the endpoint argument is not a URL: "not a url"',
    );
  });
});
