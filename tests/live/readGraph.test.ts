import {
  membersPath,
  mostCommon,
  ownersPath,
  toGroup,
  toLicence,
  toOrganization,
  toSku,
  toUser,
  toUserConfiguration,
  USER_ATTRIBUTES,
} from "../../src/live/readGraph";

/**
 * Graph's wire shapes (microsoftgraph/microsoft-graph-docs-contrib api-reference/v1.0/resources: organization.md,
 * subscribedsku.md, group.md, user.md, teamsadministration-teamsuserconfiguration.md) into the live snapshot drift
 * and export compare: nullable properties read as their empty value, ids compared lower-case, names resolved.
 */
const E5 = "06EBC4EE-1BB5-47DD-8120-11324BC54E06";
const PHONE = "4828C8EC-DC2E-4779-B502-87AC9CE28AB7";
const sku = toSku({
  skuId: E5,
  skuPartNumber: "SPE_E5",
  prepaidUnits: { enabled: 100 },
  consumedUnits: 12,
  servicePlans: [{ servicePlanId: PHONE, servicePlanName: "MCOEV" }],
});
const skus = new Map([[sku.skuId, sku]]);

describe("toOrganization", () => {
  it("reads the tenant and lower-cases its domains; the default usage location comes from users", () => {
    expect(
      toOrganization({
        id: "t",
        displayName: "Villa",
        countryLetterCode: "ES",
        verifiedDomains: [{ name: "Villa.Example" }],
      }),
    ).toEqual({
      tenantId: "t",
      displayName: "Villa",
      verifiedDomains: ["villa.example"],
      countryLetterCode: "ES",
      defaultUsageLocation: null,
    });
  });

  it("says the endpoint is no Graph tenant when there is no organization", () => {
    expect(() => toOrganization(undefined)).toThrow(/is the endpoint a Graph tenant\?/);
  });
});

describe("toSku / toLicence", () => {
  it("reads seats from prepaidUnits.enabled and lower-cases ids", () => {
    expect(sku).toEqual({
      skuId: E5.toLowerCase(),
      skuPartNumber: "SPE_E5",
      seats: 100,
      consumedUnits: 12,
      servicePlans: [{ servicePlanId: PHONE.toLowerCase(), servicePlanName: "MCOEV" }],
    });
    expect(toSku({ skuId: "x", skuPartNumber: "X", prepaidUnits: null, consumedUnits: null })).toMatchObject({
      seats: 0,
      consumedUnits: 0,
      servicePlans: [],
    });
  });

  it.each([
    [
      "a known SKU, naming its disabled plans",
      { skuId: E5, disabledPlans: [PHONE] },
      { skuPartNumber: "SPE_E5", disabledPlanNames: ["MCOEV"] },
    ],
    [
      "a SKU the tenant does not list, without inventing a name",
      { skuId: "ABC", disabledPlans: null },
      { skuId: "abc", disabledPlanNames: [] },
    ],
  ])("resolves %s", (_what, wire, expected) => {
    const licence = toLicence(wire, skus);
    expect(licence).toMatchObject(expected);
    if (wire.skuId === "ABC") expect(licence).not.toHaveProperty("skuPartNumber");
  });
});

describe("toGroup / toUser", () => {
  it("reads nullable group properties as their empty values", () => {
    expect(toGroup({ id: "g", displayName: "GRP", membershipRule: null, groupTypes: null }, skus)).toEqual({
      id: "g",
      displayName: "GRP",
      description: null,
      groupTypes: [],
      membershipRule: null,
      securityEnabled: false,
      mailEnabled: false,
      assignedLicenses: [],
      ownerUpns: [],
    });
  });

  it("keeps only direct licences, the membership attributes, and extension attributes that are set", () => {
    const user = toUser(
      {
        id: "u",
        userPrincipalName: "ana@villa.example",
        department: "Culture",
        accountEnabled: null,
        onPremisesExtensionAttributes: { extensionAttribute1: "CUL", extensionAttribute2: null },
        licenseAssignmentStates: [
          { skuId: E5, disabledPlans: [], assignedByGroup: null },
          { skuId: E5, disabledPlans: [], assignedByGroup: "g" },
        ],
      },
      skus,
    );
    expect(user.accountEnabled).toBe(true);
    expect(user.directLicences).toHaveLength(1);
    expect(user.attributes).toMatchObject({ extensionAttribute1: "CUL" });
    expect(user.attributes).not.toHaveProperty("extensionAttribute2");
    expect(USER_ATTRIBUTES).toContain("department");
    expect(user.attributes).toMatchObject({ department: "Culture", jobTitle: null });
  });
});

describe("toUserConfiguration", () => {
  it("speaks bare policy names, keeps the group of a group assignment and reads null lists as empty", () => {
    expect(
      toUserConfiguration({
        id: "u",
        telephoneNumbers: [{ telephoneNumber: "34910000001", assignmentCategory: null }],
        effectivePolicyAssignments: [
          {
            policyType: "TeamsCallingPolicy",
            policyAssignment: { displayName: "Tag:Staff", assignmentType: "group", groupId: "g" },
          },
          { policyType: "TenantDialPlan", policyAssignment: null },
        ],
      }),
    ).toEqual({
      id: "u",
      userPrincipalName: null,
      telephoneNumbers: [{ telephoneNumber: "+34910000001", assignmentCategory: "primary" }],
      effectivePolicyAssignments: [
        { policyType: "TeamsCallingPolicy", policyName: "Staff", assignmentType: "group", groupId: "g" },
        { policyType: "TenantDialPlan", policyName: "", assignmentType: "unknownFutureValue" },
      ],
    });
    expect(
      toUserConfiguration({ id: "u", telephoneNumbers: null, effectivePolicyAssignments: null }),
    ).toMatchObject({
      telephoneNumbers: [],
      effectivePolicyAssignments: [],
    });
  });
});

describe("mostCommon", () => {
  it.each<[(string | null)[], string | null]>([
    [["ES", "ES", "PT", null], "ES"],
    [["PT", "ES"], "ES"],
    [[null, undefined as unknown as null], null],
    [[], null],
  ])("%j → %s (ties broken alphabetically, so two reads agree)", (values, most) => {
    expect(mostCommon(values)).toBe(most);
  });
});

describe("paths", () => {
  it("percent-encodes a group id into member and owner paths", () => {
    expect(membersPath("a/b")).toBe("/groups/a%2Fb/members?$select=id&$top=999");
    expect(ownersPath("a?b")).toBe("/groups/a%3Fb/owners?$select=id,userPrincipalName");
  });
});
