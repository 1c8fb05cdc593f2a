import { AZURE } from "../../../../../policies/lib/azure";
import { departmentBudgets } from "../../../../../policies/rules/azure/consumption/departmentBudgets";
import { azureStack } from "../../../helpers/fixtures";
import { changed, runStackPolicy, urnOf, without } from "../../../helpers/harness";

describe("azure-consumption-budget-every-department", () => {
  it("accepts the compliant stack (the platform group needs no budget)", () => {
    expect(runStackPolicy(departmentBudgets, azureStack())).toEqual([]);
  });

  it("reports a department without a budget, at its resource group", () => {
    const stack = changed(azureStack(), "budget-vp-mobility", () => undefined);
    expect(runStackPolicy(departmentBudgets, stack)).toEqual([
      {
        message: "Department 'mobility' has no budget on resource group 'rg-vp-mobility'.",
        urn: urnOf(AZURE.resourceGroup, "rg-vp-mobility"),
      },
    ]);
  });

  it("does not count another department's budget", () => {
    const stack = changed(azureStack(), "budget-vp-mobility", (e) => ({
      ...e,
      props: { ...e.props, scope: "/subscriptions/sub/resourceGroups/rg-vp-culture" },
    }));
    expect(runStackPolicy(departmentBudgets, stack).map((v) => v.message)).toEqual([
      "Department 'mobility' has no budget on resource group 'rg-vp-mobility'.",
    ]);
  });

  it("matches a budget without scope (engine outputs) by its place beside the group", () => {
    const stack = changed(azureStack(), "budget-vp-mobility", (e) => ({
      ...e,
      dependsOn: [],
      props: without(e.props ?? {}, "scope"),
    }));
    expect(runStackPolicy(departmentBudgets, stack)).toEqual([]);
  });

  it("reports a zero amount", () => {
    const stack = changed(azureStack(), "budget-vp-culture", (e) => ({
      ...e,
      props: { ...e.props, amount: 0 },
    }));
    expect(runStackPolicy(departmentBudgets, stack)).toEqual([
      {
        message: "Budget 'budget-vp-culture' of department 'culture' has no positive amount.",
        urn: urnOf(AZURE.budget, "budget-vp-culture"),
      },
    ]);
  });
});
