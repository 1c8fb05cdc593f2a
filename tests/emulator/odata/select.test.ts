import { parseSelect, project } from "../../../src/emulator/odata/select";

/**
 * `$select` (microsoftgraph/microsoft-graph-docs-contrib `concepts/query-parameters.md`: a comma-separated list of
 * properties; names case-insensitive, assumed from Graph's behaviour). An unknown name is refused, as Graph does
 * for a property its type does not have (graph-teams-licensing.md §5.1).
 */
const USER = ["id", "displayName", "userPrincipalName", "assignedLicenses"];
const select = (value?: string) =>
  parseSelect(
    new URLSearchParams(value === undefined ? {} : { $select: value }),
    USER,
    "microsoft.graph.user",
  );

describe("parseSelect", () => {
  it("is undefined without $select or with an empty one: the type's default set applies", () => {
    expect(select()).toBeUndefined();
    expect(select("  ")).toBeUndefined();
  });

  it("returns Graph's casing, in the order asked, once each, ignoring spaces", () => {
    expect(select("USERPRINCIPALNAME, id,displayname,Id")).toEqual([
      "userPrincipalName",
      "id",
      "displayName",
    ]);
  });

  it("refuses a property the type does not have, naming it and the type", () => {
    expect(select("id,manager")).toEqual({
      status: 400,
      code: "Request_BadRequest",
      message: "Could not find a property named 'manager' on type 'microsoft.graph.user'.",
    });
    expect(select("id,")).toMatchObject({ status: 400, message: expect.stringContaining("named ''") });
  });
});

describe("project", () => {
  it("keeps only the chosen properties, in the order given, skipping ones the shape lacks", () => {
    const full = { id: "1", displayName: "Ana", userPrincipalName: "ana@villa.example", mail: "x" };
    expect(Object.entries(project(full, ["userPrincipalName", "id", "assignedLicenses"]))).toEqual([
      ["userPrincipalName", "ana@villa.example"],
      ["id", "1"],
    ]);
  });

  it("keeps a property whose value is null (selected, but empty)", () => {
    expect(project({ id: "1", mail: null }, ["mail"])).toEqual({ mail: null });
  });
});
