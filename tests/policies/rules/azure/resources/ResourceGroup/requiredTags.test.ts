import { AZURE } from "../../../../../../policies/lib/azure";
import { requiredTags } from "../../../../../../policies/rules/azure/resources/ResourceGroup/requiredTags";
import { resourceGroup, tags } from "../../../../helpers/fixtures";
import { runResourcePolicy, without } from "../../../../helpers/harness";

describe("azure-resources-resourcegroup-required-tags", () => {
  it("accepts a tagged resource group", () => {
    expect(runResourcePolicy(requiredTags, AZURE.resourceGroup, resourceGroup())).toEqual([]);
  });

  it("reports a missing costCenter", () => {
    expect(
      runResourcePolicy(requiredTags, AZURE.resourceGroup, {
        ...resourceGroup(),
        tags: without(tags(), "costCenter"),
      }),
    ).toEqual(["The resource group has no 'costCenter' tag."]);
  });

  it("reports a blank department", () => {
    expect(
      runResourcePolicy(requiredTags, AZURE.resourceGroup, {
        ...resourceGroup(),
        tags: { ...tags(), department: " " },
      }),
    ).toEqual(["The resource group has no 'department' tag."]);
  });

  it("reports both when the group has no tags", () => {
    expect(runResourcePolicy(requiredTags, AZURE.resourceGroup, without(resourceGroup(), "tags"))).toEqual([
      "The resource group has no 'department' or 'costCenter' tag.",
    ]);
  });

  it("is not applicable to other types, and carries the type for the analyzer's fast filter", () => {
    expect(() => runResourcePolicy(requiredTags, AZURE.virtualNetwork, {})).toThrow(
      `Policy only applies to resources of type '${AZURE.resourceGroup}'`,
    );
    expect(
      (requiredTags.policy as { validateResource: { __pulumiType?: string } }).validateResource.__pulumiType,
    ).toBe(AZURE.resourceGroup);
  });
});
