import type { GraphClient } from "../../../src/graph";
import { readUserConfiguration } from "../../../src/teams/graph/userConfiguration";

/**
 * teamsUserConfiguration (microsoftgraph/microsoft-graph-docs-contrib
 * api-reference/v1.0/resources/teamsadministration-teamsuserconfiguration.md): telephoneNumbers and
 * effectivePolicyAssignments may be null; policy names may come as PowerShell identities (`Tag:Name`).
 */
function client(body: unknown) {
  const paths: string[] = [];
  const graph = {
    get: async (path: string) => {
      paths.push(path);
      return body;
    },
  };
  return { client: graph as unknown as GraphClient, paths };
}

describe("readUserConfiguration", () => {
  it("reads numbers and effective policies in the port's terms", async () => {
    const c = client({
      id: "u-1",
      telephoneNumbers: [
        { telephoneNumber: "+34910000001", assignmentCategory: "private" },
        { telephoneNumber: "+34910000002", assignmentCategory: null },
      ],
      effectivePolicyAssignments: [
        {
          policyType: "TeamsCallingPolicy",
          policyAssignment: { displayName: "Tag:Staff", assignmentType: "group" },
        },
        {
          policyType: "TenantDialPlan",
          policyAssignment: { displayName: "Global", assignmentType: "direct" },
        },
        { policyType: "TeamsMeetingPolicy", policyAssignment: null },
      ],
    });
    expect(await readUserConfiguration(c.client, "u-1")).toEqual({
      id: "u-1",
      telephoneNumbers: [
        { telephoneNumber: "+34910000001", assignmentCategory: "private" },
        { telephoneNumber: "+34910000002", assignmentCategory: "primary" },
      ],
      effectivePolicyAssignments: [
        { policyType: "TeamsCallingPolicy", policyName: "Staff", assignmentType: "group" },
        { policyType: "TenantDialPlan", policyName: "Global", assignmentType: "direct" },
        { policyType: "TeamsMeetingPolicy", policyName: "", assignmentType: "unknownFutureValue" },
      ],
    });
  });

  it("takes null lists as empty", async () => {
    const c = client({ id: "u-1", telephoneNumbers: null, effectivePolicyAssignments: null });
    expect(await readUserConfiguration(c.client, "u-1")).toEqual({
      id: "u-1",
      telephoneNumbers: [],
      effectivePolicyAssignments: [],
    });
  });

  it("percent-encodes the user id into the path", async () => {
    const c = client({ id: "x" });
    await readUserConfiguration(c.client, "a/../b?c");
    expect(c.paths).toEqual(["/admin/teams/userConfigurations/a%2F..%2Fb%3Fc"]);
  });
});
