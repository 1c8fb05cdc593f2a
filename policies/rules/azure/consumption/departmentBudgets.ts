import type { PolicyResource } from "@pulumi/policy";
import { AZURE } from "../../../lib/azure";
import { definePolicy, validateStackWithToken } from "../../../lib/define";
import { departmentOf, ofType, stringProp } from "../../../lib/resources";

/** True when `budget` is on `group`: its scope names the group, or (outputs without `scope`) it sits beside it. */
function isOn(budget: PolicyResource, group: PolicyResource): boolean {
  const groupName = stringProp(group.props, "resourceGroupName") ?? stringProp(group.props, "name");
  const scope = stringProp(budget.props, "scope");
  if (scope !== undefined && groupName !== undefined) {
    return scope.toLowerCase().endsWith(`/resourcegroups/${groupName.toLowerCase()}`);
  }
  if (budget.dependencies.some((d) => d.urn === group.urn)) return true;
  return budget.parent !== undefined && budget.parent.urn === group.parent?.urn;
}

/**
 * Every department's resource group has a consumption budget with a positive amount.
 */
export const departmentBudgets = definePolicy(
  {
    id: "azure-consumption-budget-every-department",
    vendor: "azure",
    service: "consumption",
    kind: "stack",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "Every department's resource group has a consumption budget with a positive amount.",
    rationale:
      "The city's budget law makes each department answer for its own spend; a budget with alerts is how its " +
      "contacts learn of an overrun before the month closes.",
    remediation: "Give the department a budget.monthlyAmount and budget.contacts in its YAML file.",
    topics: ["cost", "budget"],
  },
  {
    // Departments are found by their resource groups' `department` tag (or the department component above
    // them), so a department added without the toolkit's vending is still caught.
    validateStack: validateStackWithToken(AZURE.resourceGroup, (args, reportViolation) => {
      const budgets = ofType(args.resources, AZURE.budget);
      for (const group of ofType(args.resources, AZURE.resourceGroup)) {
        const department = departmentOf(group);
        if (department === undefined) continue;
        const budget = budgets.find((b) => isOn(b, group));
        if (!budget) {
          reportViolation(
            `Department '${department}' has no budget on resource group '${group.name}'.`,
            group.urn,
          );
          continue;
        }
        const amount = budget.props.amount;
        if (typeof amount !== "number" || amount <= 0) {
          reportViolation(
            `Budget '${budget.name}' of department '${department}' has no positive amount.`,
            budget.urn,
          );
        }
      }
    }),
  },
);
