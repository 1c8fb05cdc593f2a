import { breakGlassSignInQuery } from "../../../src/identity/breakGlass/alertQuery";
import { resourceGroupOf } from "../../../src/identity/breakGlass/BreakGlassMonitoring";

describe("the break-glass sign-in query", () => {
  it("matches either account by object id or UPN, in interactive and non-interactive sign-ins", () => {
    expect(
      breakGlassSignInQuery([
        {
          userPrincipalName: "Emergencia.1@Villa.onmicrosoft.com",
          objectId: "5B1F0C3E-7A2D-4E8F-9C10-27000C0DE0B1",
        },
        {
          userPrincipalName: "emergencia.2@villa.onmicrosoft.com",
          objectId: "6c20d14f-8b3e-4f90-8d21-27000c0de0b2",
        },
      ]),
    ).toBe(
      [
        "union isfuzzy=true SigninLogs, AADNonInteractiveUserSignInLogs",
        "| where tolower(UserId) in ('5b1f0c3e-7a2d-4e8f-9c10-27000c0de0b1', '6c20d14f-8b3e-4f90-8d21-27000c0de0b2') or tolower(UserPrincipalName) in ('emergencia.1@villa.onmicrosoft.com', 'emergencia.2@villa.onmicrosoft.com')",
        "| project TimeGenerated, UserPrincipalName, IPAddress, AppDisplayName, ResultType, ResultDescription",
      ].join("\n"),
    );
  });

  it("cannot be broken out of by a quote in a UPN", () => {
    const q = breakGlassSignInQuery([{ userPrincipalName: "o'brien@villa.example", objectId: "x" }]);
    expect(q).toContain("'o\\'brien@villa.example'");
  });
});

describe("resourceGroupOf", () => {
  it("reads the resource group of a workspace id, and refuses an id without one", () => {
    expect(
      resourceGroupOf(
        "/subscriptions/s/resourceGroups/rg-cde-mgmt/providers/Microsoft.OperationalInsights/workspaces/w",
      ),
    ).toBe("rg-cde-mgmt");
    expect(() => resourceGroupOf("/subscriptions/s")).toThrow(
      "not a resource-group scoped id: /subscriptions/s",
    );
  });

  it("names where the group comes from when an offline plan reads the workspace from the platform stack", () => {
    expect(resourceGroupOf("<<platform stack>: landingZone.platform.workspaceId>")).toBe(
      "<resource group of <platform stack>: landingZone.platform.workspaceId>",
    );
  });
});
