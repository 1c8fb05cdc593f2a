import { AZURE } from "../../../../../policies/lib/azure";
import { managedByTag } from "../../../../../policies/rules/azure/any/managedByTag";
import { resourceGroup, tags, virtualNetwork } from "../../../helpers/fixtures";
import { runResourcePolicy, without } from "../../../helpers/harness";

describe("azure-any-resource-managed-by-tag", () => {
  it("accepts taggable resources with the tag", () => {
    expect(runResourcePolicy(managedByTag, AZURE.resourceGroup, resourceGroup())).toEqual([]);
    expect(runResourcePolicy(managedByTag, AZURE.virtualNetwork, virtualNetwork())).toEqual([]);
  });

  it("reports a taggable resource without managedBy", () => {
    expect(
      runResourcePolicy(managedByTag, AZURE.virtualNetwork, {
        ...virtualNetwork(),
        tags: without(tags(), "managedBy"),
      }),
    ).toEqual(["The resource has no 'managedBy' tag."]);
  });

  it("reports a taggable resource without any tags", () => {
    expect(runResourcePolicy(managedByTag, AZURE.virtualNetwork, without(virtualNetwork(), "tags"))).toEqual([
      "The resource has no 'managedBy' tag.",
    ]);
  });

  it("judges an unlisted azure-native type that has tags", () => {
    expect(runResourcePolicy(managedByTag, "azure-native:web:WebApp", { tags: { owner: "x" } })).toEqual([
      "The resource has no 'managedBy' tag.",
    ]);
  });

  it("is not applicable to types without tags", () => {
    expect(() => runResourcePolicy(managedByTag, AZURE.budget, { amount: 5 })).toThrow(
      "Policy only applies to Azure resources that take tags",
    );
  });
});
