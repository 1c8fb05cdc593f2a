import type { RenderedGraph, RenderedResource } from "../../src/render/graph";
import { fakeResourceId, RENDERED_DEPLOYER_OBJECT_ID, renderedUserObjectId } from "../../src/render/fakeIds";
import {
  accessChanges,
  accessIndex,
  directoryNames,
  GROUP_TYPE,
  ROLE_ASSIGNMENT_TYPE,
  ROLE_ELIGIBILITY_TYPE,
} from "../../src/plan/access";
import { describeAccess } from "../../src/plan/format/describe";
import type { ResourceChange } from "../../src/plan/model";

const CONTRIBUTOR = "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c";
const READER = "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7";

function resource(type: string, name: string, inputs: Record<string, unknown>): RenderedResource {
  return { urn: `urn:${name}`, type, name, custom: true, dependencies: [], inputs, read: false };
}
const graph = (...resources: RenderedResource[]): RenderedGraph =>
  ({ project: "tenant", stack: "t", resources }) as unknown as RenderedGraph;
const change = (op: ResourceChange["op"], r: RenderedResource): ResourceChange => ({
  op,
  urn: r.urn,
  type: r.type,
  name: r.name,
  layer: "identity",
  properties: [],
  replaceReasons: [],
});

const admins = (members: string[]) =>
  resource(GROUP_TYPE, "grp-admins", {
    displayName: "grp-admins",
    members: members.map(renderedUserObjectId),
    owners: [RENDERED_DEPLOYER_OBJECT_ID],
  });
const adminsId = fakeResourceId(GROUP_TYPE, {}, "grp-admins", "");
const role = (roleDefinitionId: string, principalId = adminsId) =>
  resource(ROLE_ASSIGNMENT_TYPE, "ra", {
    roleDefinitionId,
    principalId,
    scope: "/subscriptions/s/resourceGroups/rg",
  });

describe("directoryNames", () => {
  it("names users the definitions list (any casing), groups of either graph, and the deployer", () => {
    const definition = { departments: [{ owners: ["Ana@Villa.example"], admins: ["adm@villa.example"] }] };
    const names = directoryNames([graph(admins([])), undefined], [definition as never]);
    expect(names.get(renderedUserObjectId("ana@villa.example"))).toBe("Ana@Villa.example");
    expect(names.get(renderedUserObjectId("adm@villa.example"))).toBe("adm@villa.example");
    expect(names.get(adminsId)).toBe("grp-admins");
    expect(names.get(RENDERED_DEPLOYER_OBJECT_ID)).toBe("the deploying identity");
  });
});

describe("accessChanges", () => {
  const names = new Map([
    [adminsId, "grp-admins"],
    [renderedUserObjectId("a@x"), "a@x"],
    [renderedUserObjectId("b@x"), "b@x"],
  ]);

  it("moving the admins from standing Contributor to eligibility says both, in words", () => {
    const standing = role(CONTRIBUTOR);
    const eligible = resource(ROLE_ELIGIBILITY_TYPE, "el", { ...standing.inputs });
    const changes = accessChanges(
      [change("delete", standing), change("create", eligible)],
      accessIndex(graph(standing), graph(eligible), names),
    );
    expect(changes.map((a) => describeAccess(a, (t) => t))).toEqual([
      "grp-admins loses Contributor on resource group rg",
      "grp-admins becomes eligible for Contributor on resource group rg",
    ]);
    expect(describeAccess({ ...changes[1], op: "revoked" } as never, (t) => t)).toBe(
      "grp-admins is no longer eligible for Contributor on resource group rg",
    );
  });

  it("a role assignment created is a grant; deleted, a revocation", () => {
    const ra = role(CONTRIBUTOR);
    expect(accessChanges([change("create", ra)], accessIndex(undefined, graph(ra), names))).toEqual([
      {
        kind: "role",
        op: "granted",
        role: "Contributor",
        privileged: false,
        principal: "grp-admins",
        scope: "resource group rg",
      },
    ]);
    expect(accessChanges([change("delete", ra)], accessIndex(graph(ra), graph(), names))).toEqual([
      expect.objectContaining({ op: "revoked", role: "Contributor" }),
    ]);
  });

  it("a role changed in place is the old one revoked and the new one granted; a description edit is nothing", () => {
    const was = role(CONTRIBUTOR);
    const now = role(READER);
    expect(
      accessChanges([change("replace", now)], accessIndex(graph(was), graph(now), names)).map((a) => [
        a.op,
        "role" in a && a.role,
      ]),
    ).toEqual([
      ["revoked", "Contributor"],
      ["granted", "Reader"],
    ]);
    const described = { ...was, inputs: { ...was.inputs, description: "new words" } };
    expect(
      accessChanges([change("update", described)], accessIndex(graph(was), graph(described), names)),
    ).toEqual([]);
  });

  it("an unnamed principal is told by its description (a policy's remediation identity)", () => {
    const ra = resource(ROLE_ASSIGNMENT_TYPE, "ra-x", {
      roleDefinitionId: CONTRIBUTOR,
      principalId: "",
      principalType: "ServicePrincipal",
      description: "Remediation identity of policy assignment 'Deploy-X'.",
      scope: "/providers/Microsoft.Management/managementGroups/corp",
    });
    expect(accessChanges([change("create", ra)], accessIndex(undefined, graph(ra), names))).toEqual([
      expect.objectContaining({
        principal: "remediation identity of policy assignment 'Deploy-X'",
        scope: "management group corp",
      }),
    ]);
  });

  it("group members added and removed by name; an unchanged membership is nothing", () => {
    const was = admins(["a@x"]);
    const now = admins(["b@x"]);
    expect(accessChanges([change("update", now)], accessIndex(graph(was), graph(now), names))).toEqual([
      {
        kind: "group",
        op: "changed",
        group: "grp-admins",
        membersAdded: ["b@x"],
        membersRemoved: ["a@x"],
        ownersAdded: [],
        ownersRemoved: [],
        ruleBefore: undefined,
        ruleAfter: undefined,
      },
    ]);
    expect(accessChanges([change("update", now)], accessIndex(graph(now), graph(now), names))).toEqual([]);
  });

  it("people joining a group are told what the group holds, so the rights behind a membership show", () => {
    const was = admins(["a@x"]);
    const now = admins(["a@x", "b@x"]);
    const eligible = resource(ROLE_ELIGIBILITY_TYPE, "el", {
      roleDefinitionId: CONTRIBUTOR,
      principalId: adminsId,
      scope: "/subscriptions/s/resourceGroups/rg",
    });
    const [joined] = accessChanges(
      [change("update", now)],
      accessIndex(graph(was, eligible), graph(now, eligible), names),
    );
    expect(describeAccess(joined, (t) => t)).toBe(
      "group grp-admins: members + b@x, which holds: eligible for Contributor on resource group rg",
    );
    // Leaving says nothing of it: the membership that brought the rights is what is told.
    const [left] = accessChanges(
      [change("update", was)],
      accessIndex(graph(now, eligible), graph(was, eligible), names),
    );
    expect(describeAccess(left, (t) => t)).toBe("group grp-admins: members − b@x");
  });

  it("a dynamic rule change is told before and after", () => {
    const dyn = (rule: string) =>
      resource(GROUP_TYPE, "grp", { displayName: "grp", dynamicMembership: { enabled: true, rule } });
    const [a] = accessChanges(
      [change("update", dyn("b"))],
      accessIndex(graph(dyn("a")), graph(dyn("b")), names),
    );
    expect(a).toEqual(expect.objectContaining({ ruleBefore: "a", ruleAfter: "b" }));
  });
});
