import { ADMIN_ROLE_TEMPLATE_IDS } from "../../../src/identity/conditionalAccess/adminRoles";
import { findResource, installMocks, ofType, settle, type CapturedResource } from "../../helpers/pulumiMocks";
import { BREAK_GLASS_IDS, E5, fullIdentity } from "./helpers/identity";

const T = {
  component: "tenant:identity:ConditionalAccessBaseline",
  policy: "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy",
  location: "azuread:index/namedLocation:NamedLocation",
};

let captured: CapturedResource[];

beforeAll(async () => {
  captured = installMocks({ stack: "test" });
  const { ConditionalAccessBaseline } =
    await import("../../../src/identity/conditionalAccess/ConditionalAccessBaseline");
  const baseline = new ConditionalAccessBaseline("conditional-access", {
    shortName: "vp",
    identity: fullIdentity(),
    skus: E5,
    groups: { exceptions: new Map(), admins: ["grp-vp-obras-admins", "grp-vp-cultura-admins"] },
    groupIds: new Map([
      ["grp-vp-obras-admins", "obras-admins-id"],
      ["grp-vp-cultura-admins", "cultura-admins-id"],
    ]),
  });
  await settle([baseline, ...baseline.namedLocations.values(), ...baseline.policies.values()]);
});

const policy = (key: string) => findResource(captured, T.policy, `ca-vp-${key}`).inputs;
const users = (key: string) => (policy(key).conditions as { users: Record<string, unknown> }).users;

/** Break-glass accounts are excluded by object id, and nothing else is. */
const EXCLUDES_BREAK_GLASS = { excludedUsers: BREAK_GLASS_IDS };

describe("ConditionalAccessBaseline component", () => {
  it("is one component holding every named location and policy", () => {
    const [component] = ofType(captured, T.component);
    const children = [...ofType(captured, T.policy), ...ofType(captured, T.location)];
    expect(children).toHaveLength(8);
    for (const child of children) expect(child.parent).toBe(component.urn);
  });

  it("named locations: the city's ranges as a trusted IP location, allowed countries as a country location", () => {
    expect(findResource(captured, T.location, "nl-vp-red-municipal").inputs).toEqual({
      displayName: "Red municipal",
      ip: { ipRanges: ["84.20.10.0/24"], trusted: true },
    });
    expect(findResource(captured, T.location, "nl-vp-espana").inputs).toEqual({
      displayName: "España",
      country: { countriesAndRegions: ["ES", "PT"], includeUnknownCountriesAndRegions: false },
    });
  });

  it("MFA for all users, in every app and client, excluding break-glass", () => {
    expect(policy("requireMfa")).toEqual({
      displayName: "VP CA: Require MFA for all users",
      state: "enabled",
      conditions: {
        users: { includedUsers: ["All"], ...EXCLUDES_BREAK_GLASS },
        applications: { includedApplications: ["All"] },
        clientAppTypes: ["all"],
      },
      grantControls: { operator: "OR", builtInControls: ["mfa"] },
    });
  });

  it("legacy authentication (Exchange ActiveSync and other clients) is blocked for all users but break-glass", () => {
    expect(policy("blockLegacyAuthentication")).toEqual({
      displayName: "VP CA: Block legacy authentication",
      state: "enabled",
      conditions: {
        users: { includedUsers: ["All"], ...EXCLUDES_BREAK_GLASS },
        applications: { includedApplications: ["All"] },
        clientAppTypes: ["exchangeActiveSync", "other"],
      },
      grantControls: { operator: "OR", builtInControls: ["block"] },
    });
  });

  it("administrative roles and the departments' admin groups need the phishing-resistant authentication strength", () => {
    const p = policy("phishingResistantAdmins");
    expect(p.state).toBe("enabledForReportingButNotEnforced");
    // The admin groups by their Entra ids, sorted by name: role targeting misses unit-scoped roles.
    expect(users("phishingResistantAdmins")).toEqual({
      includedRoles: Object.values(ADMIN_ROLE_TEMPLATE_IDS),
      includedGroups: ["cultura-admins-id", "obras-admins-id"],
      ...EXCLUDES_BREAK_GLASS,
    });
    expect(users("phishingResistantAdmins").includedRoles).toContain("62e90394-69f5-4237-9190-012177145e10");
    expect(p.grantControls).toEqual({
      operator: "OR",
      authenticationStrengthPolicyId:
        "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004",
    });
  });

  it("risky sign-ins need MFA every time; risky users need MFA and a password change", () => {
    expect(policy("signInRisk")).toMatchObject({
      state: "enabledForReportingButNotEnforced",
      conditions: {
        signInRiskLevels: ["medium", "high"],
        users: { includedUsers: ["All"], ...EXCLUDES_BREAK_GLASS },
      },
      grantControls: { operator: "OR", builtInControls: ["mfa"] },
      sessionControls: { signInFrequencyInterval: "everyTime" },
    });
    expect(policy("userRisk")).toMatchObject({
      state: "disabled",
      conditions: { userRiskLevels: ["high"], users: { includedUsers: ["All"], ...EXCLUDES_BREAK_GLASS } },
      grantControls: { operator: "AND", builtInControls: ["mfa", "passwordChange"] },
    });
  });

  it("sign-in from outside the allowed locations is blocked, the locations referred to by their Entra ids", () => {
    expect(policy("allowedLocations")).toEqual({
      displayName: "VP CA: Block sign-in from outside allowed locations",
      state: "enabledForReportingButNotEnforced",
      conditions: {
        users: { includedUsers: ["All"], ...EXCLUDES_BREAK_GLASS },
        applications: { includedApplications: ["All"] },
        clientAppTypes: ["all"],
        locations: {
          includedLocations: ["All"],
          excludedLocations: ["nl-vp-espana-id", "nl-vp-red-municipal-id"],
        },
      },
      grantControls: { operator: "OR", builtInControls: ["block"] },
    });
  });
});
