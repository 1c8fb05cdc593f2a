import {
  NAME_LIMITS,
  budgetName,
  departmentAdminGroupName,
  departmentGroupName,
  deterministicGuid,
  diagnosticSettingName,
  fitName,
  hubVirtualNetworkName,
  logAnalyticsWorkspaceName,
  peeringName,
  platformResourceGroupName,
  policyAssignmentName,
  policyDefinitionName,
  resourceGroupName,
  shortHash,
  slugify,
  spokeVirtualNetworkName,
} from "../src/naming";

describe("CAF names", () => {
  test.each([
    ["resource group", resourceGroupName("cde", "culture"), "rg-cde-culture"],
    [
      "platform resource group",
      platformResourceGroupName("cde", "hub", "spaincentral"),
      "rg-cde-hub-spaincentral",
    ],
    ["hub vnet", hubVirtualNetworkName("cde", "spaincentral"), "vnet-cde-hub-spaincentral"],
    ["spoke vnet", spokeVirtualNetworkName("cde", "culture", "westeurope"), "vnet-cde-culture-westeurope"],
    ["peering", peeringName("cde", "hub", "culture"), "peer-cde-hub-to-culture"],
    ["workspace", logAnalyticsWorkspaceName("cde", "spaincentral"), "log-cde-spaincentral"],
    ["diagnostic setting", diagnosticSettingName("cde", "activity-log"), "diag-cde-activity-log"],
    ["budget", budgetName("cde", "culture"), "budget-cde-culture"],
    ["group", departmentGroupName("cde", "culture"), "grp-cde-culture"],
    ["admin group", departmentAdminGroupName("cde", "culture"), "grp-cde-culture-admins"],
    ["policy assignment", policyAssignmentName("Deny-Public-IP"), "Deny-Public-IP"],
    ["policy definition", policyDefinitionName("Deny RG Tag/Values"), "Deny-RG-Tag-Values"],
  ])("%s", (_what, actual, expected) => {
    expect(actual).toBe(expected);
  });

  test.each([
    ["Culture Dept", "culture-dept"],
    ["a__b..c", "a-b-c"],
    ["-x-", "x"],
    ["ok-1", "ok-1"],
  ])("slugify(%j) = %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});

describe("limits", () => {
  const long = "a".repeat(60);

  test.each([
    ["resource group", resourceGroupName("cde", long + long), NAME_LIMITS.resourceGroup],
    ["vnet", spokeVirtualNetworkName("cde", long, "germanywestcentral"), NAME_LIMITS.virtualNetwork],
    ["peering", peeringName("cde", long, long), NAME_LIMITS.virtualNetworkPeering],
    ["workspace", logAnalyticsWorkspaceName(long, "spaincentral"), NAME_LIMITS.logAnalyticsWorkspace],
    ["budget", budgetName("cde", long), NAME_LIMITS.budget],
    [
      "policy assignment",
      policyAssignmentName("Require-RG-Tag-department"),
      NAME_LIMITS.policyAssignmentAtManagementGroup,
    ],
  ])("a too long %s name is cut to its limit with a hash", (_what, name, limit) => {
    expect(name.length).toBe(limit);
    expect(name).toMatch(/-[0-9a-f]{4}$/);
    expect(name).not.toMatch(/--/);
  });

  test("fitName is deterministic and keeps different long names apart", () => {
    const a = fitName(`x-${"y".repeat(40)}-one`, 24);
    const b = fitName(`x-${"y".repeat(40)}-two`, 24);
    expect(a).toBe(fitName(`x-${"y".repeat(40)}-one`, 24));
    expect(a).not.toBe(b);
    expect(fitName("short", 24)).toBe("short");
  });

  test("the longest valid department id and a long region still fit without a cut", () => {
    const dept = "d".repeat(24); // department ids are at most 24 characters
    expect(spokeVirtualNetworkName("abcdefgh", dept, "germanywestcentral")).toBe(
      `vnet-abcdefgh-${dept}-germanywestcentral`,
    );
  });

  test("shortHash is a fixed-length hex prefix of SHA-256", () => {
    expect(shortHash("abc")).toBe("ba78");
    expect(shortHash("abc", 8)).toBe("ba7816bf");
  });
});

describe("deterministicGuid", () => {
  test("is a version-5 style GUID, stable per seed and distinct across seeds", () => {
    const g = deterministicGuid("scope|name|role");
    expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicGuid("scope|name|role")).toBe(g);
    expect(deterministicGuid("scope|name|role2")).not.toBe(g);
  });
});
