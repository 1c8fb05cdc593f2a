import { AZURE } from "../../../../../policies/lib/azure";
import { noPermanentAdminGroupRole } from "../../../../../policies/rules/azure/authorization/noPermanentAdminGroupRole";
import { runResourcePolicy } from "../../../helpers/harness";

const RG = "/subscriptions/7a000000-0000-4000-8000-00000000c0c0/resourceGroups/rg-vp-culture";
const role = (id: string) =>
  `/subscriptions/7a000000-0000-4000-8000-00000000c0c0/providers/Microsoft.Authorization/roleDefinitions/${id}`;
const run = (props: Record<string, unknown>) =>
  runResourcePolicy(noPermanentAdminGroupRole, AZURE.roleAssignment, props);

describe("azure-authorization-no-permanent-admin-group-role", () => {
  it("reports a group's standing Contributor (the identity layer's old grant), naming role and scope", () => {
    expect(
      run({
        principalType: "Group",
        roleDefinitionId: role("b24988ac-6180-42a0-ab88-20f7382dd24c"),
        scope: RG,
        description: "Admins of Cultura manage their resource group.",
      }),
    ).toEqual([
      `A group holds standing Contributor on ${RG} (Admins of Cultura manage their resource group): make it eligible instead.`,
    ]);
  });

  it.each([
    ["Owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"],
    ["User Access Administrator", "18D7D88D-D35E-4FB5-A5C3-7773C20A72D9"],
  ])("reports standing %s too", (name, id) => {
    expect(run({ principalType: "Group", roleDefinitionId: role(id), scope: RG })).toEqual([
      `A group holds standing ${name} on ${RG}: make it eligible instead.`,
    ]);
  });

  it("reports a privileged assignment that does not say its principal type: it may be an admin group", () => {
    expect(run({ roleDefinitionId: role("b24988ac-6180-42a0-ab88-20f7382dd24c"), scope: RG })).toEqual([
      `A principal of unstated type holds standing Contributor on ${RG}: it may be an admin group — set principalType (ServicePrincipal for a managed identity), or make the group eligible instead.`,
    ]);
    expect(run({ roleDefinitionId: role("acdd72a7-3385-48ef-bd42-f606fba81ae7"), scope: RG })).toEqual([]);
  });

  it("accepts a reader role for a group, and a managed identity's Contributor (policy remediation)", () => {
    expect(
      run({
        principalType: "Group",
        roleDefinitionId: role("acdd72a7-3385-48ef-bd42-f606fba81ae7"),
        scope: RG,
      }),
    ).toEqual([]);
    expect(
      run({
        principalType: "ServicePrincipal",
        roleDefinitionId: role("b24988ac-6180-42a0-ab88-20f7382dd24c"),
        scope: RG,
      }),
    ).toEqual([]);
  });
});
