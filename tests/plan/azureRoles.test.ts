import { grantsAccess, roleName, scopeWords } from "../../src/plan/azureRoles";

describe("azureRoles: built-in role names and ARM scopes in words", () => {
  it("names a role from its subscription-qualified or bare definition id", () => {
    expect(
      roleName(
        "/subscriptions/3e914f5d-6a7c-4d8e-bf90-a1b2c3d4e5f6/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c",
      ),
    ).toBe("Contributor");
    expect(
      roleName("/providers/Microsoft.Authorization/roleDefinitions/9B7FA17D-E63E-47B0-BB0A-15C516AC86EC"),
    ).toBe("SQL DB Contributor");
    expect(roleName("056cd41c-7e88-42e1-933e-88ba6a50c9c3")).toBe("SQL Security Manager");
  });

  it("never guesses: an unknown role is shown by its GUID", () => {
    expect(
      roleName("/providers/Microsoft.Authorization/roleDefinitions/00000000-1111-2222-3333-444444444444"),
    ).toBe("role 00000000-1111-2222-3333-444444444444");
  });

  it("marks the roles that can grant access to others, and only those", () => {
    expect(grantsAccess("8e3af657-a8ff-443c-a75c-2fe8c4bcb635")).toBe(true); // Owner
    expect(grantsAccess("/x/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9")).toBe(true); // UAA
    expect(grantsAccess("f58310d9-a9f6-439a-9e8d-f62e7b41a168")).toBe(true); // RBAC Administrator
    expect(grantsAccess("b24988ac-6180-42a0-ab88-20f7382dd24c")).toBe(false); // Contributor
  });

  it("says a scope as a reviewer would", () => {
    expect(scopeWords("/subscriptions/s1/resourceGroups/rg-cde-centro")).toBe("resource group rg-cde-centro");
    expect(scopeWords("/subscriptions/s1")).toBe("subscription s1");
    expect(scopeWords("/providers/Microsoft.Management/managementGroups/cde-corp")).toBe(
      "management group cde-corp",
    );
    const vnet = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v";
    expect(scopeWords(vnet)).toBe(vnet);
  });
});
