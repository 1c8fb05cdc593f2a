import { diffGraphs, diffValues } from "../../src/plan/diff";
import { forcesReplace } from "../../src/plan/replace";
import { SecretValue } from "../../src/render/graph";
import { RESOURCE_TYPES } from "../../src/resourceTypes";
import { city, clone, graphOf, tenantResources, type FabricatedDepartment } from "./helpers/fabricate";

const BASE = city(3, 30);
const head = (fn: (d: FabricatedDepartment[]) => void) => {
  const d = clone(BASE);
  fn(d);
  return graphOf(d);
};

describe("diffGraphs", () => {
  it("finds nothing between a graph and itself", () => {
    expect(diffGraphs(graphOf(BASE), graphOf(clone(BASE)))).toEqual([]);
  });

  it("without a base, every cloud resource is a create (components and the stack are not)", () => {
    const changes = diffGraphs(undefined, graphOf(BASE));
    expect(new Set(changes.map((c) => c.op))).toEqual(new Set(["create"]));
    expect(changes.map((c) => c.type)).not.toContain("tenant:department:DepartmentLandingZone");
    expect(changes.map((c) => c.type)).not.toContain("pulumi:pulumi:Stack");
  });

  it("places deletions by the base graph's department", () => {
    const changes = diffGraphs(graphOf(BASE), graphOf(BASE.slice(0, 2)));
    expect(changes.every((c) => c.op === "delete" && c.department === "d03")).toBe(true);
    expect(changes.map((c) => c.layer).sort()).toEqual([
      "landingZone",
      "landingZone",
      "m365",
      "teamsVoice",
      "teamsVoice",
    ]);
  });

  it("diffs batched entries by key, so one moved number is two entry paths, not shifted indexes", () => {
    const [change] = diffGraphs(
      graphOf(BASE),
      head((d) => (d[0]!.numbers[3]!.number = "+34910199999")),
    );
    expect(change).toMatchObject({ op: "update", type: RESOURCE_TYPES.numberAssignments, department: "d01" });
    expect(change!.properties.map((p) => p.path).sort()).toEqual([
      "assignments[+34910100003]",
      "assignments[+34910199999]",
    ]);
  });

  it("marks a location change as a likely replace, with the reason", () => {
    const [change] = diffGraphs(
      graphOf(BASE),
      head((d) => (d[1]!.location = "westeurope")),
    );
    expect(change).toMatchObject({ op: "replace", name: "rg-city-d02", replaceReasons: ["location"] });
    expect(change!.properties[0]).toMatchObject({
      path: "location",
      old: "spaincentral",
      new: "westeurope",
      replaces: true,
    });
  });

  it("compares secrets by value but never prints them", () => {
    const base = graphOf(BASE);
    const rotated = graphOf(
      BASE,
      tenantResources().map((r) =>
        r.type.startsWith("pulumi:providers:")
          ? { ...r, inputs: { clientSecret: new SecretValue("new") } }
          : r,
      ),
    );
    const [change] = diffGraphs(base, rotated);
    expect(change!.properties).toEqual([
      { path: "clientSecret", old: "[secret]", new: "[secret]", secret: true },
    ]);
    expect(JSON.stringify(change)).not.toMatch(/s3cret|:"new"/);
    expect(diffGraphs(base, graphOf(BASE))).toEqual([]);
  });
});

describe("diffValues", () => {
  it.each([
    [{ a: 1 }, { a: 2 }, ["a"]],
    [{ a: { b: 1, c: 2 } }, { a: { b: 1, c: 3 } }, ["a.c"]],
    [{ list: ["10.0.0.0/24"] }, { list: ["10.0.0.0/23"] }, ["list"]],
    [
      {
        subnets: [
          { name: "x", p: 1 },
          { name: "y", p: 1 },
        ],
      },
      {
        subnets: [
          { name: "y", p: 2 },
          { name: "x", p: 1 },
        ],
      },
      ["subnets[y].p"],
    ],
    [{ a: 1 }, { a: 1, b: 2 }, ["b"]],
  ])("%j → %j changes %j", (old, now, paths) => {
    expect(diffValues(old, now, "", "x:y:Z").map((p) => p.path)).toEqual(paths);
  });
});

describe("replace table", () => {
  it.each([
    ["azure-native:resources:ResourceGroup", "location", true],
    ["azure-native:resources:ResourceGroup", "tags.costCenter", false],
    ["azure-native:authorization:RoleAssignment", "principalId", true],
    ["azure-native:cache:Redis", "redisName", true],
    ["azure-native:cache:Redis", "sku.name", false],
    [RESOURCE_TYPES.numberAssignments, "assignments[+34].number", false],
    [RESOURCE_TYPES.groupLicenses, "groupId", true],
  ])("%s %s → %s", (type, path, replaces) => {
    expect(forcesReplace(type, path)).toBe(replaces);
  });
});
