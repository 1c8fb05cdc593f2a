import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRouteTable } from "../../src/emulator/routes";
import { GRAPH_ENDPOINT_SOURCES } from "../../src/graphContract/endpoints";
import { parsePage } from "../../src/graphContract/parsePage";
import type { GraphContract } from "../../src/graphContract/types";

const CONTRACT = JSON.parse(
  readFileSync(join(__dirname, "../../vendor/reference/microsoft-graph/graph-v1-endpoints.json"), "utf8"),
) as GraphContract;

describe("the vendored Graph contract", () => {
  it("has one entry per endpoint source, in order, with page and commit as listed", () => {
    expect(CONTRACT.endpoints.map((e) => [e.route, e.page])).toEqual(
      GRAPH_ENDPOINT_SOURCES.map((s) => [s.route, s.page]),
    );
    for (const e of CONTRACT.endpoints) {
      if (e.page) expect(e.commit).toMatch(/^[0-9a-f]{40}$/);
      else expect(e.reason).toEqual(expect.any(String));
    }
    expect(CONTRACT.source.repository).toBe("microsoftgraph/microsoft-graph-docs-contrib");
  });

  it("covers every Graph route of the emulator's router table", () => {
    const graphRoutes = createRouteTable()
      .keys()
      .filter((k) => k.split(" ")[1].startsWith("/v1.0/"));
    const documented = new Set(CONTRACT.endpoints.map((e) => e.route));
    expect(graphRoutes.filter((k) => !documented.has(k))).toEqual([]);
  });
});

describe("reading a reference page", () => {
  // The template every v1.0 API page follows; text written for this test.
  const page = [
    "# List widgets",
    "## HTTP request",
    "```http",
    "GET /widgets",
    "```",
    "## Optional query parameters",
    "This method supports the `$select`, `$Top` and `$filter` query parameters. `$skip` isn't supported.",
    "## Request headers",
    "|Name|Description|",
    "|:---|:---|",
    "|Authorization|Bearer {token}. Required.|",
    "|ConsistencyLevel|eventual. This header and `$count` are required when using `$search`, or in specific usage.|",
    "## Request body",
    "Don't supply a request body for this method.",
    "## Response",
    "If successful, this method returns a `200 OK` response code and a collection of widgets.",
    "GET https://graph.microsoft.com/v1.0/widgets?$filter=name eq 'a' and tags/any(t:t eq 'b')",
  ].join("\n");

  it("reads the options, refusals, headers, body and status", () => {
    const parsed = parsePage(page);
    expect(parsed.http).toEqual(["GET /widgets"]);
    expect(parsed.queryOptions).toEqual({
      kind: "list",
      options: ["$filter", "$select", "$top"],
      unsupported: ["$skip"],
    });
    expect(parsed.consistencyLevelFor).toEqual(["$search"]);
    expect(parsed.body).toEqual({ kind: "none" });
    expect(parsed.successStatus).toBe(200);
    expect(parsed.filterOperators).toEqual(["and", "any", "eq"]);
  });

  it("reads an action's parameter table with the mandatory ones", () => {
    const action = [
      "## HTTP request",
      "```http",
      "POST /widgets/paint",
      "```",
      "## Request body",
      "|Parameter|Type|Description|",
      "|:---|:---|:---|",
      "|colour|String|The colour. (Mandatory parameter).|",
      "|finish|String|Matte or gloss.|",
      "## Response",
      "If successful, the method returns a `202 Accepted` response code.",
    ].join("\n");
    const parsed = parsePage(action);
    expect(parsed.queryOptions).toEqual({ kind: "none" });
    expect(parsed.body).toEqual({
      kind: "parameters",
      parameters: [
        { name: "colour", type: "String", required: true },
        { name: "finish", type: "String", required: false },
      ],
    });
    expect(parsed.successStatus).toBe(202);
  });
});

describe("an update page's body", () => {
  it("is the resource's properties when the page names the resource instead of a table", () => {
    const page = [
      "## HTTP request",
      "",
      "```http",
      "PATCH /identity/conditionalAccess/policies/{id}",
      "```",
      "",
      "## Request body",
      "",
      "In the request body, supply the values for relevant fields that should be updated.",
      "",
      "For the list of properties, see [conditionalAccessPolicy](../resources/conditionalaccesspolicy.md).",
      "",
      "## Response",
      "",
      "If successful, this method returns a `204 No Content` response code.",
    ].join("\n");
    expect(parsePage(page).body).toEqual({ kind: "resource", resource: "conditionalAccessPolicy" });
    expect(parsePage(page).successStatus).toBe(204);
  });
});
